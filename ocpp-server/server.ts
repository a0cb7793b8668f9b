// The OCPP 1.6-J central system: one HTTP(S) server answering /health and
// upgrading /ocpp/<chargePointId> to ocpp-rpc connections in strict mode.
import { randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import http from "node:http";
import https from "node:https";
import type { AddressInfo } from "node:net";
import { RPCServer } from "../lib/ocpp/rpc.ts";
import { createDb, type Db } from "../lib/db/client.ts";
import pg from "pg";
import { drainPublishedEvents, LastSeenWriter, recordIncident, releaseInstance, StationConnectionWriter, TAKEOVER_CHANNEL, useHotPool, type TUnknownChargerPolicy } from "../lib/charging/index.ts";
import { listen } from "../lib/realtime/listen.ts";
import { createLogger, type TLogger } from "../lib/ocpp/log.ts";
import { attachV16Handlers } from "../lib/ocpp/v16/handlers.ts";
import { createAuthCallback, type TSession } from "./auth.ts";
import { CommandDispatcher } from "./command-dispatcher.ts";
import { ConnectionRegistry, type TConnection } from "./connections.ts";
import { InstanceLiveness } from "./instance-liveness.ts";
import { KeepAlive } from "./keep-alive.ts";
import { installLazyCallSignal, LAZY_SIGNAL_FOR_VERSION } from "./lazy-call-signal.ts";
import { installFreshFragments } from "./ws-fresh-fragments.ts";
import { use16ErrorCodes } from "./protocol-errors.ts";
import { releaseUpgradeListeners, trackUpgradeListeners } from "./upgrade-listeners.ts";

export type TOcppServerOptions = {
  port: number;
  host?: string;
  databaseUrl: string;
  instanceId?: string;
  /** Overrides AppConfig/env OCPP_UNKNOWN_CHARGERS (tests). */
  unknownChargers?: TUnknownChargerPolicy;
  heartbeatIntervalSec?: number;
  pingIntervalMs?: number;
  dbPoolSize?: number;
  tls?: { certPath: string; keyPath: string };
  trustProxy?: boolean;
  commandSweepMs?: number;
  /** How often chargers left online by crashed instances are looked for (default 60 s; two sweeps confirm a crash). */
  instanceSweepMs?: number;
  log?: TLogger;
};

export type TOcppServer = {
  port: number;
  instanceId: string;
  db: Db;
  connectedChargers(): number;
  /** Resolves when background writes (online/offline bookkeeping, incidents) have finished. */
  whenIdle(): Promise<void>;
  close(): Promise<void>;
};

export async function startOcppServer(options: TOcppServerOptions): Promise<TOcppServer> {
  const log = options.log ?? createLogger("ocpp");
  const instanceId = options.instanceId ?? `ocpp-${randomUUID().slice(0, 8)}`;
  const db = createDb(options.databaseUrl, options.dbPoolSize ?? 10);
  // Hot statements (meter values, heartbeats, status, boot, connects) as prepared statements.
  const hotPool = new pg.Pool({ connectionString: options.databaseUrl, max: options.dbPoolSize ?? 10 });
  hotPool.on("error", (err) => log.warn("database connection lost", { error: err.message }));
  useHotPool(db, hotPool);
  const lastSeen = new LastSeenWriter(db);
  const online = new StationConnectionWriter(db);
  // Set while shutting down: the sockets' close handlers leave the offline
  // marking to one statement for the whole instance.
  let releasing = false;
  const connections = new ConnectionRegistry();
  const dispatcher = new CommandDispatcher(db, options.databaseUrl, instanceId, connections, log, options.commandSweepMs);
  const background = new Set<Promise<unknown>>();
  const track = <T>(p: Promise<T>) => {
    background.add(p);
    void p.finally(() => background.delete(p)).catch(() => {});
    return p;
  };
  const protocolIncidentAt = new Map<string, number>();

  const liveness = new InstanceLiveness({
    databaseUrl: options.databaseUrl, db, instanceId, log, sweepMs: options.instanceSweepMs ?? 60_000,
    // Another instance may have taken this one for dead while its lock was lost: its sockets are still here.
    onLockRegained: async () => {
      for (const c of connections.all()) await online.markConnected({ stationId: c.stationId, instanceId, ipAddress: c.ipAddress, replaced: false });
    },
  });
  await liveness.start();
  await releaseInstance(db, instanceId);

  if (!installLazyCallSignal()) log.warn(`ocpp-rpc is not ${LAZY_SIGNAL_FOR_VERSION}: every incoming call keeps making an AbortSignal (see lazy-call-signal.ts)`);
  if (!installFreshFragments()) log.warn("ws's Receiver has changed: incoming frames may outlive scavenges again (see ws-fresh-fragments.ts)");
  // Pings come from one KeepAlive for all chargers, not from ocpp-rpc's loop per client.
  const keepAlive = new KeepAlive(options.pingIntervalMs ?? 30_000);
  keepAlive.start();
  const rpc = new RPCServer({
    protocols: ["ocpp1.6"],
    strictMode: true,
    pingIntervalMs: 0,
    callTimeoutMs: 30_000,
    // A charger sending garbage is cut off after a while; others are unaffected.
    maxBadMessages: 20,
    wssOptions: { maxPayload: 1024 * 1024 },
  });
  rpc.auth(createAuthCallback({ db, log, unknownChargers: options.unknownChargers, trustProxy: options.trustProxy ?? false }) as never);
  rpc.on("upgradeAborted", ({ identity, error }: { identity: string; error: Error }) => log.debug("upgrade aborted", { identity, error: error?.message }));
  rpc.on("error", (err: Error) => log.error("rpc server error", { error: err.message }));

  const protocolIncident = (conn: TConnection, action: string | undefined, detail: string) => {
    // At most one incident per charger every 10 s: a broken firmware must not flood the table.
    const last = protocolIncidentAt.get(conn.stationId) ?? 0;
    if (Date.now() - last < 10_000) return;
    protocolIncidentAt.set(conn.stationId, Date.now());
    track(recordIncident(db, { stationId: conn.stationId, identity: conn.identity, kind: "PROTOCOL_ERROR", action, detail: detail.slice(0, 2000) })).catch(() => {});
  };

  // A charger that reconnected to another instance while its socket here
  // still looked alive: the new connection won there, so this one is closed
  // (its close handler then leaves the online state to the new holder).
  const stopTakeovers = listen(options.databaseUrl, TAKEOVER_CHANNEL, (payload) => {
    let msg: { stationId?: string; instanceId?: string };
    try { msg = JSON.parse(payload); } catch { return; }
    if (msg.instanceId !== instanceId || !msg.stationId) return;
    const conn = connections.forStation(msg.stationId);
    if (!conn) return;
    log.info("charger reconnected to another instance; closing its socket here", { identity: conn.identity });
    conn.client.close({ code: 4000, reason: "Replaced by a new connection" }).catch(() => {});
  }, { onError: (err) => log.warn("takeover listener error", { error: err.message }) });

  rpc.on("client", (client: any) => {
    const session = client.session as TSession;
    // ocpp-rpc keeps the whole upgrade request (headers, raw headers, socket
    // refs) for the socket's lifetime; with 10,000 chargers that adds up.
    const h = client.handshake;
    client._handshake = { identity: h.identity, endpoint: h.endpoint, protocols: h.protocols, remoteAddress: h.remoteAddress };
    releaseUpgradeListeners(client._ws?._socket);
    use16ErrorCodes(client);
    keepAlive.add(client);
    const conn: TConnection = { identity: session.identity, stationId: session.stationId, ipAddress: session.ipAddress, client, connected: undefined as never, replaced: false };
    const old = connections.add(conn);
    if (old) {
      log.info("charger reconnected; closing its previous socket", { identity: conn.identity });
      old.client.close({ code: 4000, reason: "Replaced by a new connection" }).catch(() => {});
    }
    conn.connected = track(online.markConnected({ stationId: conn.stationId, instanceId, ipAddress: conn.ipAddress, replaced: !!old }));
    conn.connected.then(() => dispatcher.runQueuedFor(conn.stationId)).catch((err) => log.error("could not mark charger online", { identity: conn.identity, error: err.message }));

    attachV16Handlers(client, {
      db, stationId: conn.stationId, identity: conn.identity, ipAddress: conn.ipAddress, lastSeen,
      heartbeatIntervalSec: options.heartbeatIntervalSec ?? 300, log, registration: { status: session.registration },
    });

    client.on("strictValidationFailure", (e: { method: string; error: Error; outbound: boolean; isCall: boolean }) => {
      log.warn("schema violation", { identity: conn.identity, action: e.method, outbound: e.outbound, error: e.error.message });
      if (!e.outbound) protocolIncident(conn, e.method, `Schema violation in ${e.method}${e.isCall ? "" : " answer"}: ${e.error.message}`);
    });
    client.on("badMessage", (e: { buffer: Buffer; error: Error }) => {
      log.warn("bad message", { identity: conn.identity, error: e.error.message });
      protocolIncident(conn, undefined, `Malformed frame (${e.error.message}): ${e.buffer.toString("utf8").slice(0, 500)}`);
    });
    client.on("close", ({ code, reason }: { code: number; reason: string }) => {
      keepAlive.remove(client);
      const current = connections.remove(conn);
      log.info("charger disconnected", { identity: conn.identity, code, reason, replaced: !current });
      // A replaced socket's successor already logged REPLACED and owns the online state.
      if (!current || releasing) return;
      track(
        conn.connected
          .then((connectedAt) =>
            online.markDisconnected({
              stationId: conn.stationId,
              instanceId,
              connectedAt,
              reason: `${code}${reason ? ` ${reason}` : ""}`,
            }),
          )
          .catch((err) => log.error("could not mark charger offline", { identity: conn.identity, error: err.message })),
      );
    });
    log.info("charger connected", { identity: conn.identity, ip: conn.ipAddress, replaced: !!old });
  });

  let accepting = true;
  const onRequest = (req: http.IncomingMessage, res: http.ServerResponse) => {
    if (req.method === "GET" && req.url?.split("?")[0] === "/health") {
      void health(db, instanceId, connections.size, accepting).then(({ code, body }) => {
        res.writeHead(code, { "content-type": "application/json", "cache-control": "no-store" });
        res.end(JSON.stringify(body));
      });
      return;
    }
    res.writeHead(404, { "content-type": "application/json" });
    res.end(JSON.stringify({ error: "Not found" }));
  };
  const httpServer = options.tls
    ? https.createServer({ cert: readFileSync(options.tls.certPath), key: readFileSync(options.tls.keyPath) }, onRequest)
    : http.createServer(onRequest);
  httpServer.on("upgrade", (req, socket, head) => {
    if (!accepting || !req.url?.startsWith("/ocpp/")) {
      socket.end(`HTTP/1.1 ${accepting ? "404 Not Found" : "503 Service Unavailable"}\r\nConnection: close\r\n\r\n`);
      return;
    }
    trackUpgradeListeners(socket, () => rpc.handleUpgrade(req, socket as never, head));
  });

  await new Promise<void>((resolve, reject) => {
    httpServer.once("error", reject);
    httpServer.listen(options.port, options.host, () => resolve());
  });
  dispatcher.start();
  const port = (httpServer.address() as AddressInfo).port;
  log.info("OCPP server listening", { port, instanceId, tls: !!options.tls });

  let closing: Promise<void> | undefined;
  const close = () =>
    (closing ??= (async () => {
      // 1. stop accepting new chargers
      accepting = false;
      const httpClosed = new Promise<void>((r) => httpServer.close(() => r()));
      // 2. stop taking new commands; let running ones finish
      await dispatcher.stop();
      // 3. answer in-flight calls, then close the sockets; once every pending
      //    online mark is written, one statement marks all our chargers offline
      releasing = true;
      await rpc.close({ code: 1001, reason: "Server shutting down", awaitPending: true });
      keepAlive.stop();
      await lastSeen.drain();
      await online.drain();
      await drainPublishedEvents(db);
      while (background.size) await Promise.allSettled([...background]);
      await releaseInstance(db, instanceId, "1001 Server shutting down").catch((err) => log.error("could not mark chargers offline", { error: err.message }));
      await liveness.stop();
      await stopTakeovers();
      httpServer.closeAllConnections?.();
      await httpClosed;
      // 4. the database last
      await db.$disconnect();
      await hotPool.end();
      log.info("OCPP server stopped", { instanceId });
    })());

  const whenIdle = async () => {
    while (background.size) await Promise.allSettled([...background]);
  };
  return { port, instanceId, db, connectedChargers: () => connections.size, whenIdle, close };
}

async function health(db: Db, instanceId: string, connectedChargers: number, accepting: boolean) {
  const up = await Promise.race([
    db.$queryRawUnsafe("SELECT 1").then(
      () => true,
      () => false,
    ),
    new Promise<boolean>((r) => setTimeout(() => r(false), 2000).unref()),
  ]);
  const ok = up && accepting;
  return {
    code: ok ? 200 : 503,
    body: { status: ok ? "ok" : "degraded", database: up ? "up" : "down", connectedChargers, instanceId, accepting },
  };
}
