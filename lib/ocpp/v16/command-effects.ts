// What a charger's answer to a command changes on our side.
import type { Db } from "../../db/client.ts";

type Answer = Record<string, any>;

export async function applyCommandAnswer(db: Db, stationId: string, action: string, payload: Answer, answer: Answer): Promise<void> {
  switch (action) {
    case "GetConfiguration": {
      const keys: { key: string; value?: string; readonly: boolean }[] = answer.configurationKey ?? [];
      await db.$transaction(
        keys.map((k) =>
          db.stationConfigurationKey.upsert({
            where: { stationId_key: { stationId, key: k.key } },
            create: { stationId, key: k.key, value: k.value ?? null, readonly: k.readonly },
            update: { value: k.value ?? null, readonly: k.readonly },
          }),
        ),
      );
      return;
    }
    case "ChangeConfiguration":
      if (answer.status === "Accepted" || answer.status === "RebootRequired") {
        await db.stationConfigurationKey.upsert({
          where: { stationId_key: { stationId, key: payload.key } },
          create: { stationId, key: payload.key, value: payload.value },
          update: { value: payload.value },
        });
      }
      return;
    case "GetLocalListVersion":
      await db.station.update({ where: { id: stationId }, data: { localListVersion: answer.listVersion } });
      return;
    case "SendLocalList":
      if (answer.status === "Accepted") {
        await db.station.update({ where: { id: stationId }, data: { localListVersion: payload.listVersion } });
      }
      return;
  }
}
