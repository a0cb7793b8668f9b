// The yardstick: a bare ocpp-rpc server in strict mode (same official 1.6
// schemas as ours) that accepts every charger and answers at once, touching
// no database. Run as its own process, like ours, so it is measured the same way.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { RPCServer } from "../../lib/ocpp/rpc.ts";

const port = Number(process.env.ECHO_PORT ?? 0);
const rpc = new RPCServer({ protocols: ["ocpp1.6"], strictMode: true, pingIntervalMs: 30_000, wssOptions: { maxPayload: 1024 * 1024 } });
rpc.auth((accept: (s: object, p: string) => void, _reject: unknown, h: { identity: string }) => accept({ identity: h.identity }, "ocpp1.6"));
let tx = 0;
rpc.on("client", (client: any) => {
  const now = () => new Date().toISOString();
  client.handle("BootNotification", () => ({ status: "Accepted", currentTime: now(), interval: 300 }));
  client.handle("Heartbeat", () => ({ currentTime: now() }));
  client.handle("StatusNotification", () => ({}));
  client.handle("MeterValues", () => ({}));
  client.handle("StartTransaction", () => ({ transactionId: ++tx, idTagInfo: { status: "Accepted" } }));
});
const server = http.createServer((_req, res) => { res.writeHead(404); res.end(); });
server.on("upgrade", (req, socket, head) => rpc.handleUpgrade(req, socket, head));
server.listen(port, "127.0.0.1", () => {
  process.stdout.write(JSON.stringify({ msg: "echo listening", port: (server.address() as AddressInfo).port }) + "\n");
});
process.on("SIGTERM", () => {
  void rpc.close({ code: 1001, force: true }).finally(() => process.exit(0));
  setTimeout(() => process.exit(0), 5000).unref();
});
