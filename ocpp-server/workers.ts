// The supervisor of OCPP_WORKERS worker processes (see main.ts). A worker that
// dies is started again with the same index, hence the same instance id, so
// it releases what its crashed run left marked online. SIGTERM/SIGINT are
// passed on; the supervisor exits once every worker has shut down cleanly.
import cluster, { type Worker } from "node:cluster";
import type { TLogger } from "../lib/ocpp/log.ts";

const RESTART_DELAY_MS = 1000;
const STOP_TIMEOUT_MS = 20_000;

export function superviseWorkers(count: number, log: TLogger): void {
  let stopping = false;
  let failed = false;
  const byIndex = new Map<number, Worker>();

  const fork = (index: number) => {
    const w = cluster.fork({ OCPP_WORKER_INDEX: String(index) });
    byIndex.set(index, w);
    w.on("exit", (code, signal) => {
      if (byIndex.get(index) === w) byIndex.delete(index);
      if (stopping) {
        if (code !== 0) failed = true;
        if (byIndex.size === 0) process.exit(failed ? 1 : 0);
        return;
      }
      log.error("OCPP worker exited; starting it again", { worker: index, code, signal });
      setTimeout(() => { if (!stopping) fork(index); }, RESTART_DELAY_MS);
    });
  };
  for (let i = 1; i <= count; i++) fork(i);
  log.info("OCPP workers started", { workers: count });

  for (const sig of ["SIGINT", "SIGTERM"] as const) {
    process.on(sig, () => {
      if (stopping) return;
      stopping = true;
      log.info(`${sig} received, stopping the workers`);
      if (byIndex.size === 0) process.exit(0);
      for (const w of byIndex.values()) w.process.kill("SIGTERM");
      setTimeout(() => {
        log.error("workers took too long to stop, exiting");
        for (const w of byIndex.values()) w.process.kill("SIGKILL");
        process.exit(1);
      }, STOP_TIMEOUT_MS).unref();
    });
  }
}
