// Periodic jobs that must run once across all web instances: each run takes
// a PostgreSQL advisory lock named after the job, so a second instance (or a
// run still going) skips instead of doubling the work.
import { createHash } from "node:crypto";
import pg from "pg";
import { logError, logInfo } from "../log.ts";

export type Job = { name: string; everyMs: number; run: (now: Date) => Promise<unknown> };

const lockKey = (name: string) => createHash("sha256").update(`chargeway-job:${name}`).digest().readInt32BE(0);

export function startScheduler(databaseUrl: string, jobs: Job[]): () => Promise<void> {
  const timers: NodeJS.Timeout[] = [];
  const running = new Set<Promise<unknown>>();
  let stopped = false;

  const tick = async (job: Job) => {
    if (stopped) return;
    const client = new pg.Client({ connectionString: databaseUrl });
    try {
      await client.connect();
      const { rows } = await client.query<{ ok: boolean }>("SELECT pg_try_advisory_lock($1) AS ok", [lockKey(job.name)]);
      if (!rows[0].ok) return;
      const started = Date.now();
      const result = await job.run(new Date());
      if (result) logInfo(`job ${job.name} done`, { ms: Date.now() - started, result });
    } catch (err) {
      logError(`job ${job.name} failed`, err);
    } finally {
      await client.end().catch(() => {});
    }
  };

  for (const job of jobs) {
    const loop = () => {
      const p = tick(job).finally(() => running.delete(p));
      running.add(p);
    };
    // Spread first runs so jobs do not all start together at boot.
    timers.push(setTimeout(loop, 2_000 + Math.random() * 3_000));
    timers.push(setInterval(loop, job.everyMs));
  }
  return async () => {
    stopped = true;
    for (const t of timers) clearTimeout(t);
    await Promise.allSettled([...running]);
  };
}
