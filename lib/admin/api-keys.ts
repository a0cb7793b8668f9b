// Admin side of integrator API keys: create (plaintext shown once), revoke,
// list — each change audited. Keys themselves live in lib/api/api-keys.ts.
import { z } from "zod";
import type { Db } from "../db/client.ts";
import { createApiKey, listApiKeys, revokeApiKey } from "../api/api-keys.ts";
import { recordAudit } from "../audit/record-audit.ts";
import { notFoundError } from "../errors/app-error.ts";
import type { AdminActor } from "./actor.ts";

export const ZNewKey = z.object({ name: z.string().trim().min(2, "Name the key after who will use it.").max(100) });
export const ZRevokeKey = z.object({ id: z.string().uuid() });

export async function adminCreateApiKey(db: Db, actor: AdminActor, input: z.infer<typeof ZNewKey>) {
  const created = await createApiKey(db, { name: input.name, createdById: actor.id });
  await recordAudit(db, {
    actor, action: "API_KEY_CREATE", entityType: "ApiKey", entityId: created.id,
    after: { name: created.name, prefix: created.prefix }, ip: actor.ip, userAgent: actor.userAgent,
  });
  return { id: created.id, name: created.name, key: created.key };
}

export async function adminRevokeApiKey(db: Db, actor: AdminActor, input: z.infer<typeof ZRevokeKey>) {
  if (!(await revokeApiKey(db, input.id))) throw notFoundError("This key");
  await recordAudit(db, { actor, action: "API_KEY_REVOKE", entityType: "ApiKey", entityId: input.id, ip: actor.ip, userAgent: actor.userAgent });
  return { id: input.id };
}

export const adminListApiKeys = (db: Db) => listApiKeys(db);
