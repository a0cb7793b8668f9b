// The hot paths (group commits, StatusNotification, boot, connects) run a few
// fixed statements thousands of times a second. Through node-postgres as
// named prepared statements, PostgreSQL parses and plans each once per
// connection and the driver skips Prisma's per-query work (measured: the
// planning of these CTEs cost more CPU than running them). A process that
// registered no pool (the web app, tests calling the rules directly) runs the
// very same SQL through Prisma.
import { createHash } from "node:crypto";
import type pg from "pg";
import type { Db } from "../db/client.ts";

const pools = new WeakMap<Db, pg.Pool>();

/** From now on the hot statements of `db` go through `pool`. */
export function useHotPool(db: Db, pool: pg.Pool): void {
  pools.set(db, pool);
}

const names = new Map<string, string>();
function statementName(sql: string): string {
  let name = names.get(sql);
  if (!name) names.set(sql, (name = `cw_${createHash("sha1").update(sql).digest("hex").slice(0, 20)}`));
  return name;
}

export async function hotQuery<T>(db: Db, sql: string, params: unknown[]): Promise<T[]> {
  const pool = pools.get(db);
  if (!pool) return db.$queryRawUnsafe<T[]>(sql, ...params);
  const res = await pool.query({ name: statementName(sql), text: sql, values: params });
  return res.rows as T[];
}

const NEEDS_ESCAPE = /["\\]/;
const QUOTE = /["\\]/g;

/** A PostgreSQL array literal for a batch parameter. The hot batches carry
 *  thousands of elements; the driver's general-purpose escaping of each was a
 *  visible share of the server's CPU, and ours knows its element types. */
export function pgArray(values: readonly (string | number | boolean | null | undefined)[]): string {
  const parts = new Array<string>(values.length);
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (v === null || v === undefined) parts[i] = "NULL";
    else if (typeof v === "number") parts[i] = Number.isFinite(v) ? String(v) : `"${v}"`;
    else if (typeof v === "boolean") parts[i] = v ? "t" : "f";
    else parts[i] = NEEDS_ESCAPE.test(v) ? `"${v.replace(QUOTE, "\\$&")}"` : `"${v}"`;
  }
  return `{${parts.join(",")}}`;
}
