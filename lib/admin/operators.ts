// Operators in the admin console. Operator.config holds the API credentials:
// it is read here only to say whether credentials are set, and every function
// returns objects without it, so pages can never serialise it to the browser.
import { z } from "zod";
import type { Db } from "../db/client.ts";
import { recordAudit } from "../audit/record-audit.ts";
import { AppError, isUniqueViolation, notFoundError } from "../errors/app-error.ts";
import { auditFrom, type AdminActor } from "./actor.ts";

export const OPERATOR_SAFE_SELECT = {
  id: true, name: true, apiBaseUrl: true, ocpiVersion: true, countryCode: true, partyId: true, supportPhone: true,
  website: true, isActive: true, syncIntervalMinutes: true, lastSyncedAt: true, createdAt: true, updatedAt: true,
} as const;

export type SafeOperator = Awaited<ReturnType<typeof getOperator>>;

/** The non-secret part of Operator.config (lib/ocpi/sync-operator.ts ZOperatorConfig): paths and page size. */
export type SyncSettings = { locationsPath: string | null; tariffsPath: string | null; pageLimit: number | null };

async function syncSettings(db: Db, id: string): Promise<SyncSettings> {
  const [row] = await db.$queryRawUnsafe<{ l: string | null; t: string | null; p: string | null }[]>(
    `SELECT config->>'locationsPath' AS l, config->>'tariffsPath' AS t, config->>'pageLimit' AS p FROM operators WHERE id = $1::uuid`,
    id,
  );
  return { locationsPath: row?.l ?? null, tariffsPath: row?.t ?? null, pageLimit: row?.p ? Number(row.p) || null : null };
}

async function credentialsSet(db: Db, ids: string[]): Promise<Set<string>> {
  // Checked in SQL so the config value itself never comes into this process.
  if (!ids.length) return new Set();
  const rows = await db.$queryRawUnsafe<{ id: string }[]>(
    `SELECT id::text FROM operators WHERE id = ANY($1::uuid[]) AND coalesce(config->>'token', '') <> ''`,
    ids,
  );
  return new Set(rows.map((r) => r.id));
}

export async function listOperators(db: Db) {
  const rows = await db.operator.findMany({
    orderBy: { name: "asc" },
    select: { ...OPERATOR_SAFE_SELECT, _count: { select: { stations: true } } },
  });
  const withCreds = await credentialsSet(db, rows.map((r) => r.id));
  return rows.map((r) => ({ ...r, credentialsSet: withCreds.has(r.id) }));
}

export async function getOperator(db: Db, id: string) {
  const op = await db.operator.findUnique({ where: { id }, select: { ...OPERATOR_SAFE_SELECT, _count: { select: { stations: true } } } });
  if (!op) throw notFoundError("This operator");
  return { ...op, credentialsSet: (await credentialsSet(db, [id])).has(id), sync: await syncSettings(db, id) };
}

const optionalText = (max: number) => z.string().trim().max(max).optional().transform((v) => v || null);

export const ZOperatorInput = z.object({
  id: z.string().uuid().optional().or(z.literal("").transform(() => undefined)),
  name: z.string().trim().min(2, "Enter the operator's name.").max(120),
  apiBaseUrl: z
    .string()
    .trim()
    .max(500)
    .refine((v) => v === "" || /^https?:\/\/[^\s]+$/i.test(v), "Enter an http(s) URL, e.g. https://ocpi.example.com/2.2.1/locations")
    .optional()
    .transform((v) => v || null),
  ocpiVersion: z.enum(["", "2.1.1", "2.2", "2.2.1"]).optional().transform((v) => v || null),
  countryCode: z.string().trim().toUpperCase().regex(/^$|^[A-Z]{2}$/, "Two letters, e.g. NL.").optional().transform((v) => v || null),
  partyId: z.string().trim().toUpperCase().regex(/^$|^[A-Z0-9]{3}$/, "Three letters or digits, e.g. FLO.").optional().transform((v) => v || null),
  supportPhone: z.string().trim().max(40).regex(/^$|^\+?[0-9 ()\-]{5,}$/, "Enter a phone number like +31 20 1234567.").optional().transform((v) => v || null),
  website: optionalText(300),
  isActive: z.union([z.boolean(), z.enum(["on", "true", "1", "false", ""])]).optional().transform((v) => v === true || v === "on" || v === "true" || v === "1"),
  syncIntervalMinutes: z
    .union([z.literal(""), z.coerce.number().int("Whole minutes.").min(5, "At least 5 minutes.").max(7 * 24 * 60, "At most a week.")])
    .optional()
    .transform((v) => (v === "" || v === undefined ? null : v)),
  locationsPath: z.string().trim().max(200).regex(/^$|^[\w\-./]+$/, "A path like locations or ocpi/2.2.1/locations.").optional().transform((v) => v || undefined),
  tariffsPath: z.string().trim().max(200).regex(/^$|^[\w\-./]+$/, "A path like tariffs.").optional().transform((v) => v || undefined),
  pageLimit: z
    .union([z.literal(""), z.coerce.number().int("A whole number.").min(1, "At least 1.").max(1000, "At most 1000.")])
    .optional()
    .transform((v) => (v === "" ? undefined : v)),
  /** Write-only: a new API token replaces the stored one; empty keeps it. */
  apiToken: z.string().trim().max(2000).optional().transform((v) => v || undefined),
  clearCredentials: z.union([z.boolean(), z.enum(["on", "true", "1", "false", ""])]).optional().transform((v) => v === true || v === "on" || v === "true" || v === "1"),
});
export type TOperatorInput = z.infer<typeof ZOperatorInput>;

/** Creates or edits an operator. The audit row says whether credentials changed, never what they are. */
export async function saveOperator(db: Db, actor: AdminActor, input: TOperatorInput) {
  const { id, apiToken, clearCredentials, locationsPath, tariffsPath, pageLimit, ...fields } = input;
  try {
    return await db.$transaction(async (tx) => {
      const existing = id ? await tx.operator.findUnique({ where: { id }, select: { ...OPERATOR_SAFE_SELECT, config: true } }) : null;
      if (id && !existing) throw notFoundError("This operator");
      const { config: oldConfig, ...before } = existing ?? { config: {} };
      // The token is kept unless replaced or cleared; the other keys are the form's.
      const oldToken = (oldConfig as { token?: unknown } | null)?.token;
      const token = clearCredentials ? undefined : apiToken ?? (typeof oldToken === "string" ? oldToken : undefined);
      const config = JSON.parse(JSON.stringify({ token, locationsPath, tariffsPath, pageLimit }));
      const after = id
        ? await tx.operator.update({ where: { id }, data: { ...fields, config }, select: OPERATOR_SAFE_SELECT })
        : await tx.operator.create({ data: { ...fields, config }, select: OPERATOR_SAFE_SELECT });
      const credentials = clearCredentials ? "cleared" : apiToken ? "replaced" : "unchanged";
      await recordAudit(tx, {
        ...auditFrom(actor),
        action: id ? "OPERATOR_UPDATED" : "OPERATOR_CREATED",
        entityType: "Operator",
        entityId: after.id,
        before: existing ? before : null,
        after: { ...after, locationsPath, tariffsPath, pageLimit, credentials },
      });
      return after;
    });
  } catch (err) {
    if (isUniqueViolation(err, "name")) throw new AppError("CONFLICT", "An operator with this name already exists.", { name: ["This name is taken."] });
    throw err;
  }
}

/** The operator's API token for the sync (server-side only). */
export async function operatorSecrets(db: Db, id: string): Promise<string[]> {
  const op = await db.operator.findUnique({ where: { id }, select: { config: true } });
  const cfg = (op?.config ?? {}) as Record<string, unknown>;
  return Object.values(cfg).filter((v): v is string => typeof v === "string" && v.length >= 4);
}
