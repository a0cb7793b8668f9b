// ocpp-rpc's handleUpgrade puts "error", "end" and "close" listeners on the
// raw socket for the handshake and never removes them. Their closures hold
// the upgrade request (headers, raw headers, URL, AbortController...) for the
// socket's whole life: several KB per charger, 10,000 times over, that every
// major GC has to mark. Once the WebSocket owns the socket (it has its own
// listeners), they are taken off. They are also wrong after the upgrade: an
// error would make them write an HTTP 500 response into the WebSocket stream.
import type { Duplex } from "node:stream";

const EVENTS = ["error", "end", "close"] as const;
const ADDED = Symbol("upgradeListeners");
type TTracked = Duplex & { [ADDED]?: [string, (...args: unknown[]) => void][] };

/** Runs `upgrade` (whose synchronous part attaches the listeners) and remembers what it added. */
export function trackUpgradeListeners(socket: Duplex, upgrade: () => void): void {
  const before = new Map(EVENTS.map((e) => [e, new Set(socket.listeners(e))]));
  upgrade();
  const added: [string, (...args: unknown[]) => void][] = [];
  for (const e of EVENTS) for (const l of socket.listeners(e)) if (!before.get(e)!.has(l)) added.push([e, l as (...args: unknown[]) => void]);
  (socket as TTracked)[ADDED] = added;
}

/** Takes the handshake's listeners off a socket that became a WebSocket. */
export function releaseUpgradeListeners(socket: Duplex | undefined): void {
  const s = socket as TTracked | undefined;
  const added = s?.[ADDED];
  if (!s || !added) return;
  for (const [e, l] of added) s.removeListener(e, l);
  delete s[ADDED];
}
