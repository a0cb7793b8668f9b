// `npm run ocpp` / spawned by `npm start`: the OCPP server as its own process.
// With OCPP_WORKERS=N (N > 1) this process only supervises N worker processes
// that share the port (node:cluster hands each new socket to one of them).
// Each worker is a full instance with its own id, like instances behind a
// load balancer: commands reach the one holding a charger's socket through
// the database. Why: with 10,000 chargers in one process, each of V8's major
// GCs marks a ~145 MB heap and stalls every charger on it (see README).
import cluster from "node:cluster";
import os from "node:os";
import v8 from "node:v8";
import { createLogger } from "../lib/ocpp/log.ts";

// Let the old generation grow to 4x what survived the last major GC before the
// next one. V8's own factor (from its GC and allocation speeds) came out at
// 1.5-4x here, so with 10,000 chargers major GCs came every 7-54 s; each one
// holds up ~1,000 answers past 100 ms. bench:ocpp with one process: p99
// 89-107 -> 71-77 ms, peak RSS 725-775 -> 767-802 MB. An explicit
// --heap-growing-percent on the command line wins.
if (!process.execArgv.some((a) => a.startsWith("--heap-growing-percent"))) v8.setFlagsFromString("--heap-growing-percent=300");

const log = createLogger("ocpp");
const url = process.env.DATABASE_URL;
if (!url) {
  log.error("DATABASE_URL is not set (npm start sets it for the embedded database)");
  process.exit(1);
}
const port = Number(process.env.OCPP_PORT ?? 9000);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  log.error(`OCPP_PORT must be a port number (got "${process.env.OCPP_PORT}")`);
  process.exit(1);
}
const cert = process.env.OCPP_TLS_CERT;
const key = process.env.OCPP_TLS_KEY;
if (!!cert !== !!key) {
  log.error("Set both OCPP_TLS_CERT and OCPP_TLS_KEY (paths to PEM files), or neither");
  process.exit(1);
}

const workers = Number(process.env.OCPP_WORKERS ?? 1);
if (!Number.isInteger(workers) || workers < 1 || workers > 64) {
  log.error(`OCPP_WORKERS must be a whole number from 1 to 64 (got "${process.env.OCPP_WORKERS}")`);
  process.exit(1);
}
// Stable across restarts, so a restarted instance releases the chargers its
// previous run still had marked online (a crash leaves them so).
const baseInstanceId = process.env.OCPP_INSTANCE_ID ?? `${os.hostname()}:${port}`;
if (workers > 1 && cluster.isPrimary) {
  const { superviseWorkers } = await import("./workers.ts");
  superviseWorkers(workers, log);
} else {
  await runInstance(cluster.isWorker ? `${baseInstanceId}/w${process.env.OCPP_WORKER_INDEX}` : baseInstanceId);
}

async function runInstance(instanceId: string) {
  const databaseUrl = url!;
  // Imported here, so a supervisor (OCPP_WORKERS > 1) does not load the server, Prisma and the rest.
  const { startOcppServer } = await import("./server.ts");
  const server = await startOcppServer({
    port,
    host: process.env.OCPP_HOST,
    databaseUrl,
    instanceId,
    heartbeatIntervalSec: process.env.OCPP_HEARTBEAT_INTERVAL ? Number(process.env.OCPP_HEARTBEAT_INTERVAL) : undefined,
    dbPoolSize: process.env.OCPP_DB_POOL ? Number(process.env.OCPP_DB_POOL) : undefined,
    trustProxy: process.env.OCPP_TRUST_PROXY === "1",
    tls: cert && key ? { certPath: cert, keyPath: key } : undefined,
    log,
  }).catch((err) => {
    log.error("OCPP server failed to start", { error: (err as Error).message });
    process.exit(1);
  });

  let stopping = false;
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.on(signal, () => {
      if (stopping) return;
      stopping = true;
      log.info(`${signal} received, shutting down`);
      const force = setTimeout(() => {
        log.error("shutdown took too long, exiting");
        process.exit(1);
      }, 15_000);
      force.unref();
      server.close().then(
        () => process.exit(0),
        (err) => {
          log.error("shutdown failed", { error: (err as Error).message });
          process.exit(1);
        },
      );
    });
  }
}
