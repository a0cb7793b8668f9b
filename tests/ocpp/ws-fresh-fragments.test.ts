// ws's Receiver must not push a message's first fragment into the array left
// over from the previous message (that array is old by then, and the frame
// would be kept alive until the next major GC). Messages, fragmented or not,
// still arrive whole. Real ws server and client over a real socket.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import type { AddressInfo } from "node:net";
import { WebSocket, WebSocketServer } from "ws";
import { installFreshFragments } from "../../ocpp-server/ws-fresh-fragments.ts";

let wss: WebSocketServer;
let url: string;
let serverSide: Promise<WebSocket>;

before(async () => {
  assert.equal(installFreshFragments(), true, "installs on the ws in node_modules");
  wss = new WebSocketServer({ port: 0, host: "127.0.0.1" });
  await new Promise((r) => wss.once("listening", r));
  url = `ws://127.0.0.1:${(wss.address() as AddressInfo).port}`;
});

after(async () => {
  for (const c of wss.clients) c.terminate();
  await new Promise((r) => wss.close(r));
});

async function connect() {
  serverSide = new Promise((resolve) => wss.once("connection", resolve));
  const client = new WebSocket(url);
  await new Promise((r, j) => { client.once("open", r); client.once("error", j); });
  return { client, server: await serverSide };
}

function nextMessage(ws: WebSocket) {
  return new Promise<{ data: Buffer; isBinary: boolean }>((resolve) => ws.once("message", (data, isBinary) => resolve({ data: data as Buffer, isBinary })));
}

test("installing twice is harmless", () => {
  assert.equal(installFreshFragments(), true);
});

test("the next message's frame does not go into the array left from the previous one", async () => {
  const { client, server } = await connect();
  try {
    const receiver = (server as any)._receiver;
    client.send("first");
    assert.equal((await nextMessage(server)).data.toString(), "first");
    const leftOver: unknown[] = receiver._fragments;
    assert.deepEqual(leftOver, [], "ws leaves an empty array for the next message");

    const second = nextMessage(server);
    client.send('[2,"42","Heartbeat",{}]');
    assert.equal((await second).data.toString(), '[2,"42","Heartbeat",{}]');
    assert.equal(leftOver.length, 0, "the second frame was gathered in a new array, not the left-over one");
  } finally {
    client.terminate();
  }
});

test("fragmented, multi-byte and binary messages arrive whole", async () => {
  const { client, server } = await connect();
  try {
    const text = nextMessage(server);
    client.send("Zähler ", { fin: false });
    client.send("", { fin: false });
    client.send("läuft ⚡", { fin: true });
    const got = await text;
    assert.equal(got.data.toString("utf8"), "Zähler läuft ⚡");
    assert.equal(got.isBinary, false);

    const bytes = Buffer.from([0, 1, 2, 250, 251, 252]);
    const binary = nextMessage(server);
    client.send(bytes.subarray(0, 2), { binary: true, fin: false });
    client.send(bytes.subarray(2), { binary: true, fin: true });
    const b = await binary;
    assert.equal(b.isBinary, true);
    assert.deepEqual([...b.data], [...bytes]);

    // 200 messages in a burst, each one whole and in order.
    const seen: string[] = [];
    const all = new Promise<void>((resolve) => server.on("message", (d) => { seen.push(d.toString()); if (seen.length === 200) resolve(); }));
    for (let i = 0; i < 200; i++) client.send(`m${i}`);
    await all;
    assert.deepEqual(seen, Array.from({ length: 200 }, (_, i) => `m${i}`));
  } finally {
    client.terminate();
  }
});
