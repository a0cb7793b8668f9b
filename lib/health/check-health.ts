// What /api/health reports: the database and the OCPP process, each up or
// down, checked with short time-outs so a hung dependency cannot hang us.
import type { Db } from "../db/client.ts";

export type Health = {
  status: "ok" | "degraded";
  database: { status: "up" | "down"; latencyMs?: number; error?: string };
  ocpp: { status: "up" | "down"; connectedChargers?: number; error?: string };
  down: string[];
  checkedAt: string;
};

function withTimeout<T>(p: Promise<T>, ms: number, what: string): Promise<T> {
  return Promise.race([p, new Promise<T>((_, rej) => setTimeout(() => rej(new Error(`${what} timed out after ${ms} ms`)), ms))]);
}

export async function checkHealth(db: Db, ocppHealthUrl: string): Promise<Health> {
  const [database, ocpp] = await Promise.all([
    (async (): Promise<Health["database"]> => {
      const t = performance.now();
      try {
        await withTimeout(db.$queryRawUnsafe("SELECT 1"), 2000, "database");
        return { status: "up", latencyMs: Math.round(performance.now() - t) };
      } catch (err) {
        return { status: "down", error: (err as Error).message.split("\n")[0] };
      }
    })(),
    (async (): Promise<Health["ocpp"]> => {
      try {
        const res = await fetch(ocppHealthUrl, { signal: AbortSignal.timeout(2000), cache: "no-store" });
        const body = (await res.json().catch(() => ({}))) as { connectedChargers?: number; database?: string };
        if (!res.ok) return { status: "down", error: `OCPP server answered ${res.status} (database ${body.database ?? "unknown"})` };
        return { status: "up", connectedChargers: body.connectedChargers };
      } catch (err) {
        return { status: "down", error: `OCPP server not reachable: ${(err as Error).message}` };
      }
    })(),
  ]);
  const down = [database.status === "down" && "database", ocpp.status === "down" && "ocpp"].filter(Boolean) as string[];
  return { status: down.length ? "degraded" : "ok", database, ocpp, down, checkedAt: new Date().toISOString() };
}
