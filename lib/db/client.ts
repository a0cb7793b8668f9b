// The one Prisma client of a process. Prisma 7 talks to PostgreSQL through
// node-postgres (driver adapter), so no native query engine is needed.
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "./generated/client.ts";

export type Db = PrismaClient;

export function createDb(connectionString: string, max = 10): Db {
  // "minimal": error messages without the query's arguments, which may hold
  // password hashes or tokens and end up in logs.
  return new PrismaClient({ adapter: new PrismaPg({ connectionString, max }), errorFormat: "minimal" });
}

const g = globalThis as unknown as { __chargewayDb?: Db };

/** Process-wide client, created on first use from DATABASE_URL. */
export function db(): Db {
  if (!g.__chargewayDb) {
    const url = process.env.DATABASE_URL;
    if (!url) throw new Error("DATABASE_URL is not set (npm start sets it for the embedded database)");
    g.__chargewayDb = createDb(url, Number(process.env.DB_POOL_SIZE ?? 10));
  }
  return g.__chargewayDb;
}

export * from "./generated/client.ts";
