// ocpp-rpc's server-side calls no longer make an AbortSignal per call unless
// the handler reads one; a handler that does still sees it fire when the
// charger goes away. Real ocpp-rpc server and client over a real socket.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { createRequire } from "node:module";
import type { AddressInfo } from "node:net";
import { RPCClient, RPCServer, createRPCError } from "../../lib/ocpp/rpc.ts";
import { installLazyCallSignal, LAZY_SIGNAL_FOR_VERSION } from "../../ocpp-server/lazy-call-signal.ts";

const installed: string = createRequire(import.meta.url)("ocpp-rpc/package.json").version;

let server: any;
let url: string;
let signalSeen: Promise<AbortSignal>;
let resolveSignal: (s: AbortSignal) => void;

// Counts AbortSignals made for incoming calls (the getter makes one on first
// read); the client's outbound calls make their own, which are not counted.
const getter = Object.getOwnPropertyDescriptor(AbortController.prototype, "signal")!;
let signalsMade = 0;

before(async () => {
  Object.defineProperty(AbortController.prototype, "signal", {
    ...getter,
    get(this: AbortController) {
      if (new Error().stack!.includes("_onCall")) signalsMade++;
      return getter.get!.call(this);
    },
  });
  assert.equal(installLazyCallSignal(), true);
  server = new RPCServer({ protocols: ["ocpp1.6"], strictMode: true, pingIntervalMs: 0 });
  server.on("client", (client: any) => {
    client.handle("Heartbeat", async ({ method, messageId }: { method: string; messageId: string }) => {
      assert.equal(method, "Heartbeat");
      assert.equal(typeof messageId, "string");
      return { currentTime: new Date().toISOString() };
    });
    client.handle("DataTransfer", async ({ params }: { params: { vendorId: string } }) => {
      if (params.vendorId === "fail") throw createRPCError("NotSupported", "no such vendor");
      return { status: "Accepted", data: params.vendorId };
    });
    // Waits until the charger goes away, as a long command would.
    client.handle("Authorize", ({ signal }: { signal: AbortSignal }) => {
      resolveSignal(signal);
      return new Promise((_, reject) => signal.addEventListener("abort", () => reject(signal.reason)));
    });
  });
  const http = await server.listen(0, "127.0.0.1");
  url = `ws://127.0.0.1:${(http.address() as AddressInfo).port}`;
});

after(async () => {
  Object.defineProperty(AbortController.prototype, "signal", getter);
  await server.close({ force: true });
});

const client = async (identity: string) => {
  const c = new RPCClient({ endpoint: url, identity, protocols: ["ocpp1.6"], strictMode: true, reconnect: false, pingIntervalMs: 0 });
  await c.connect();
  return c;
};

test("it is written for the installed ocpp-rpc (an upgrade must re-check the copied _onCall)", () => {
  assert.equal(installed, LAZY_SIGNAL_FOR_VERSION);
});

test("calls are answered (results and errors) without making an AbortSignal", async () => {
  const c = await client("CP-LAZY-1");
  try {
    const before = signalsMade;
    for (let i = 0; i < 50; i++) assert.ok((await c.call("Heartbeat", {})).currentTime);
    assert.deepEqual(await c.call("DataTransfer", { vendorId: "acme" }), { status: "Accepted", data: "acme" });
    await assert.rejects(c.call("DataTransfer", { vendorId: "fail" }), (e: any) => e.rpcErrorCode === "NotSupported" && /no such vendor/.test(e.message));
    // strict mode still checks what comes in
    await assert.rejects(c.call("DataTransfer", { vendorId: 7 }, { noValidate: true }), (e: any) => e.rpcErrorCode === "TypeConstraintViolation");
    assert.equal(signalsMade - before, 0, "no AbortSignal per call");
  } finally {
    await c.close({ force: true });
  }
});

test("a handler that reads its signal sees it abort when the charger disconnects", async () => {
  signalSeen = new Promise((r) => (resolveSignal = r));
  const c = await client("CP-LAZY-2");
  c.call("Authorize", { idTag: "TAG1" }).catch(() => {});
  const signal = await signalSeen;
  assert.equal(signal.aborted, false);
  const aborted = new Promise((r) => signal.addEventListener("abort", r));
  await c.close({ force: true });
  await aborted;
  assert.equal(signal.aborted, true);
});
