// ws 8 gathers a message's fragments in an array on its Receiver, and it
// makes the array for the next message as soon as one is done. A charger
// sends every few seconds, so by the time its next frame arrives that empty
// array has been promoted to V8's old generation. The frame is pushed into
// it, the message is emitted, and the array is dropped while still pointing
// at the frame. A scavenge cannot tell dead old objects from live ones: it
// treats every pointer from old space as a root. So every incoming frame
// (its Buffer and the ArrayBuffer of the socket read) was copied into the old
// generation and kept until the next major GC: 3-4 MB/s of ArrayBuffers at
// 5,000 messages/s. V8 starts a major GC for every 64 MB of such external
// memory ("external memory pressure" in --trace-incremental-marking, every
// ~17 s in bench:ocpp), and each one stalls every charger on the process.
// Making the array when a message's first fragment arrives keeps it and the
// frame young, so the next scavenge frees both. A dependency-free way to see
// it: a bare ws server with 2,000 sockets and 5,000 msg/s keeps ~1.2 MB/s of
// ArrayBuffers until each major GC without this, none with it.
import { createRequire } from "node:module";

type ReceiverInternals = { _fragments?: unknown[]; getData?: (cb: unknown) => unknown };
// ws exports its Receiver class, but @types/ws does not declare it.
const { Receiver } = createRequire(import.meta.url)("ws") as { Receiver: new () => ReceiverInternals };
const INSTALLED = Symbol.for("chargeway.wsFreshFragments");

/**
 * Installs the fresh-array getData on ws's Receiver (every server and client
 * socket in the process). Returns false, and changes nothing, if ws's
 * Receiver no longer has the fields this relies on.
 */
export function installFreshFragments(): boolean {
  const proto = Receiver.prototype as ReceiverInternals & Record<symbol, boolean>;
  if (proto[INSTALLED]) return true;
  const getData = proto.getData;
  const probe = new Receiver();
  if (typeof getData !== "function" || !Array.isArray(probe._fragments)) return false;
  proto.getData = function (this: ReceiverInternals, cb: unknown) {
    // An empty array here is the one left from the previous message: replace
    // it rather than push this message's first fragment into it.
    if (this._fragments!.length === 0) this._fragments = [];
    return getData.call(this, cb);
  };
  proto[INSTALLED] = true;
  return true;
}
