// Dead-socket detection for every charger on this process from one timer.
// ocpp-rpc's own keep-alive runs a loop per client (an AbortController and
// its signal, an async function, an EventEmitter, a timer and their
// closures): ~2.7 KB per charger, 27 MB at 10,000 chargers that every major
// GC has to mark, and fresh garbage at every ping. Its rule is kept: a socket
// that has not answered the previous ping by the next one is terminated (so a
// dead socket goes within two intervals), and its pong handler, which clears
// `_pendingPingResponse`, is ocpp-rpc's own. The sockets are spread over
// SLICES turns of the interval, so 10,000 pings never leave in one tick.
const SLICES = 30;

/** The parts of an ocpp-rpc client this touches. */
export type TPingable = {
  _pendingPingResponse: boolean;
  _lastPingTime: number;
  _ws?: { ping(): void; terminate(): void };
};

export class KeepAlive {
  private readonly slices: Set<TPingable>[] = Array.from({ length: SLICES }, () => new Set());
  // A plain Map: clients are removed on close anyway, and a WeakMap's entries
  // are ephemerons, which cost every major GC extra marking work.
  private readonly sliceOf = new Map<TPingable, number>();
  private turn = 0;
  private timer?: ReturnType<typeof setInterval>;

  constructor(private readonly intervalMs: number) {}

  start(): void {
    if (this.intervalMs <= 0 || this.timer) return;
    this.timer = setInterval(() => this.tick(), Math.max(1, Math.round(this.intervalMs / SLICES)));
    this.timer.unref();
  }

  stop(): void {
    clearInterval(this.timer);
    this.timer = undefined;
  }

  /** A new client is first pinged one interval from now (it just proved alive). */
  add(client: TPingable): void {
    const slice = (this.turn + SLICES - 1) % SLICES;
    this.slices[slice].add(client);
    this.sliceOf.set(client, slice);
  }

  remove(client: TPingable): void {
    const slice = this.sliceOf.get(client);
    if (slice === undefined) return;
    this.slices[slice].delete(client);
    this.sliceOf.delete(client);
  }

  private tick() {
    const slice = this.slices[this.turn];
    this.turn = (this.turn + 1) % SLICES;
    const now = Date.now();
    for (const client of slice) {
      const ws = client._ws;
      if (!ws) continue;
      if (client._pendingPingResponse) {
        // No pong since the last ping: the close handler does the rest.
        this.remove(client);
        ws.terminate();
        continue;
      }
      client._pendingPingResponse = true;
      client._lastPingTime = now;
      try {
        ws.ping();
      } catch {
        this.remove(client);
        ws.terminate();
      }
    }
  }
}
