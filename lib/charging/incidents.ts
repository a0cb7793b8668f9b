// Things a charger sent that we answered normally (it would retry a CALLERROR
// forever) but that a person should look at.
import type { IncidentKind } from "../db/client.ts";
import type { DbOrTx } from "./types.ts";

export type TIncident = {
  stationId: string | null;
  identity: string;
  kind: IncidentKind;
  action?: string;
  detail: string;
  payload?: unknown;
};

export async function recordIncident(db: DbOrTx, incident: TIncident): Promise<void> {
  await db.ocppIncident.create({
    data: {
      stationId: incident.stationId,
      identity: incident.identity,
      kind: incident.kind,
      action: incident.action,
      detail: incident.detail,
      payload: incident.payload === undefined ? undefined : (JSON.parse(JSON.stringify(incident.payload)) as object),
    },
  });
}
