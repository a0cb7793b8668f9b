// What a charger's answer to a command changes on our side.
import type { Db } from "../../db/client.ts";

/** Configuration keys whose values are secrets: stored as "(set)", never as sent. */
const SECRET_KEYS = new Set(["authorizationkey"]);

type Answer = Record<string, any>;

export async function applyCommandAnswer(db: Db, stationId: string, action: string, payload: Answer, answer: Answer): Promise<void> {
  switch (action) {
    case "GetConfiguration": {
      const keys: { key: string; value?: string; readonly: boolean }[] = answer.configurationKey ?? [];
      const shown = (k: { key: string; value?: string }) => (SECRET_KEYS.has(k.key.toLowerCase()) && k.value ? "(set)" : (k.value ?? null));
      await db.$transaction(
        keys.map((k) =>
          db.stationConfigurationKey.upsert({
            where: { stationId_key: { stationId, key: k.key } },
            create: { stationId, key: k.key, value: shown(k), readonly: k.readonly },
            update: { value: shown(k), readonly: k.readonly },
          }),
        ),
      );
      return;
    }
    case "ChangeConfiguration":
      if (answer.status === "Accepted" || answer.status === "RebootRequired") {
        // The security profile's secrets (e.g. the Basic-auth AuthorizationKey) are never kept readable.
        const value = SECRET_KEYS.has(String(payload.key).toLowerCase()) ? "(set)" : payload.value;
        await db.stationConfigurationKey.upsert({
          where: { stationId_key: { stationId, key: payload.key } },
          create: { stationId, key: payload.key, value },
          update: { value },
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
