// `npm run ocpp` / spawned by `npm start`: the OCPP server as its own process.
import os from "node:os";
import { createLogger } from "../lib/ocpp/log.ts";
import { startOcppServer } from "./server.ts";

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

const server = await startOcppServer({
  port,
  host: process.env.OCPP_HOST,
  databaseUrl: url,
  // Stable across restarts, so a restarted instance releases the chargers its
  // previous run still had marked online (a crash leaves them so).
  instanceId: process.env.OCPP_INSTANCE_ID ?? `${os.hostname()}:${port}`,
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
