// Which PostgreSQL to use: DATABASE_URL if set (any PostgreSQL 14+), else the
// embedded server with its data in .data/postgres (git-ignored, reused by the
// next start).
import path from "node:path";
import { startEmbeddedDb, type EmbeddedDb } from "./embedded-db.ts";

export type ResolvedDb = { url: string; embedded: EmbeddedDb | null };

export const DATA_DIR = path.resolve(process.env.CHARGEWAY_DATA_DIR ?? ".data");

export async function resolveDatabase(log: (l: string) => void = () => {}): Promise<ResolvedDb> {
  if (process.env.DATABASE_URL) return { url: process.env.DATABASE_URL, embedded: null };
  const port = Number(process.env.EMBEDDED_PG_PORT ?? 5433);
  const embedded = await startEmbeddedDb({
    dataDir: path.join(DATA_DIR, "postgres"),
    port,
    log: (l) => { if (/FATAL|ERROR|PANIC|initialising/.test(l)) log(l); },
  });
  await embedded.ensureDatabase("chargeway");
  return { url: embedded.urlFor("chargeway"), embedded };
}

export async function withDatabase(fn: (url: string) => Promise<void>) {
  const r = await resolveDatabase(console.log);
  try {
    await fn(r.url);
  } finally {
    await r.embedded?.stop();
  }
}
