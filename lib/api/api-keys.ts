// Integrator API keys. The plaintext is shown once at creation; only its
// sha256 is stored (a key is 32 random bytes, so a fast hash is enough: there
// is nothing to brute-force). ADMIN_API_KEY from the environment also works,
// for automation that must have a key before any admin exists.
import { createHash, randomBytes, timingSafeEqual } from "node:crypto";
import { z } from "zod";
import type { Db } from "../db/client.ts";

export const API_KEY_PREFIX = "cw_live_";
/** lastUsedAt is written at most this often per key, so every request is not a write. */
export const LAST_USED_THROTTLE_MS = 60_000;

export type TApiPrincipal = { kind: "key"; keyId: string; name: string; createdById: string | null } | { kind: "admin-env" };

export const ZCreateApiKey = z.object({
  name: z.string().trim().min(1, "Give the key a name").max(100),
  createdById: z.string().uuid().nullish(),
});

const hashKey = (key: string) => createHash("sha256").update(key).digest("hex");

const publicSelect = { id: true, name: true, prefix: true, createdById: true, lastUsedAt: true, revokedAt: true, createdAt: true } as const;

/** Creates a key; the returned `key` is the only time the plaintext exists. */
export async function createApiKey(db: Db, input: z.input<typeof ZCreateApiKey>) {
  const data = ZCreateApiKey.parse(input);
  const key = API_KEY_PREFIX + randomBytes(32).toString("base64url");
  const row = await db.apiKey.create({
    data: { name: data.name, createdById: data.createdById ?? null, keyHash: hashKey(key), prefix: key.slice(0, API_KEY_PREFIX.length + 6) },
    select: publicSelect,
  });
  return { ...row, key };
}

/** Revokes a key; returns false if there is no such key. Revoking twice keeps the first time. */
export async function revokeApiKey(db: Db, id: string): Promise<boolean> {
  if (!z.string().uuid().safeParse(id).success) return false;
  const r = await db.apiKey.updateMany({ where: { id, revokedAt: null }, data: { revokedAt: new Date() } });
  if (r.count) return true;
  return (await db.apiKey.count({ where: { id } })) > 0;
}

/** Every key, newest first, without hashes (for the admin page). */
export function listApiKeys(db: Db) {
  return db.apiKey.findMany({ select: publicSelect, orderBy: [{ createdAt: "desc" }, { id: "desc" }] });
}

function sameSecret(a: string, b: string): boolean {
  // Compare digests so the lengths match and timing says nothing about the key.
  return timingSafeEqual(createHash("sha256").update(a).digest(), createHash("sha256").update(b).digest());
}

/** Who a bearer key belongs to, or null (unknown, revoked, malformed). */
export async function verifyApiKey(db: Db, key: string | null | undefined, adminKey = process.env.ADMIN_API_KEY): Promise<TApiPrincipal | null> {
  if (!key) return null;
  if (adminKey && adminKey.length >= 16 && sameSecret(key, adminKey)) return { kind: "admin-env" };
  if (!key.startsWith(API_KEY_PREFIX) || key.length > 100) return null;
  const row = await db.apiKey.findUnique({ where: { keyHash: hashKey(key) }, select: { id: true, name: true, createdById: true, revokedAt: true, lastUsedAt: true } });
  if (!row || row.revokedAt) return null;
  const now = Date.now();
  if (!row.lastUsedAt || now - row.lastUsedAt.getTime() >= LAST_USED_THROTTLE_MS) {
    // Conditional, so concurrent requests write it once; not awaited by the caller's answer path beyond this query.
    await db.apiKey.updateMany({
      where: { id: row.id, OR: [{ lastUsedAt: null }, { lastUsedAt: { lt: new Date(now - LAST_USED_THROTTLE_MS) } }] },
      data: { lastUsedAt: new Date(now) },
    });
  }
  return { kind: "key", keyId: row.id, name: row.name, createdById: row.createdById };
}

/** The key in `Authorization: Bearer <key>`, if any. */
export function bearerKey(header: string | null): string | null {
  const m = header?.match(/^Bearer\s+(\S+)\s*$/i);
  return m ? m[1] : null;
}
