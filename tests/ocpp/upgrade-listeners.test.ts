// The handshake's socket listeners (which hold the whole upgrade request) are
// taken off once the WebSocket owns the socket; the socket's other listeners stay.
import { test } from "node:test";
import assert from "node:assert/strict";
import net from "node:net";
import { releaseUpgradeListeners, trackUpgradeListeners } from "../../ocpp-server/upgrade-listeners.ts";

test("only the listeners the upgrade added are released, once-listeners included", async () => {
  const server = net.createServer();
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const socket = net.connect((server.address() as net.AddressInfo).port, "127.0.0.1");
  try {
    const before = socket.listenerCount("close");
    const beforeEnd = socket.listenerCount("end");
    const own = () => {};
    socket.on("error", own);
    const request = { headers: { big: "x".repeat(1000) } };
    trackUpgradeListeners(socket, () => {
      socket.on("error", () => void request);
      socket.once("end", () => void request);
      socket.once("close", () => void request);
    });
    assert.equal(socket.listenerCount("close"), before + 1);
    assert.equal(socket.listenerCount("end"), beforeEnd + 1);

    releaseUpgradeListeners(socket);
    assert.deepEqual(socket.listeners("error"), [own], "our own error listener stays, the upgrade's goes");
    assert.equal(socket.listenerCount("end"), beforeEnd);
    assert.equal(socket.listenerCount("close"), before);
    releaseUpgradeListeners(socket); // a second release is harmless
    releaseUpgradeListeners(undefined);
  } finally {
    socket.destroy();
    await new Promise((r) => server.close(r));
  }
});
