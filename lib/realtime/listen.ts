// A dedicated LISTEN connection that reconnects with backoff when the database
// goes away, so a subscriber (an SSE route, the OCPP command dispatcher) can
// stay open for hours.
import pg from "pg";

export type TListenOptions = {
  onError?: (err: Error) => void;
  /** Called after every (re)connection: a subscriber may have missed notifications meanwhile. */
  onConnect?: () => void;
};

export function listen(databaseUrl: string, channel: string, onPayload: (payload: string) => void, options: TListenOptions = {}): () => Promise<void> {
  let client: pg.Client | undefined;
  let stopped = false;
  let delay = 250;
  let timer: NodeJS.Timeout | undefined;

  const scheduleReconnect = () => {
    if (stopped || timer) return;
    timer = setTimeout(() => {
      timer = undefined;
      void connect();
    }, delay);
    delay = Math.min(delay * 2, 10_000);
  };

  const connect = async () => {
    const c = new pg.Client({ connectionString: databaseUrl });
    client = c;
    c.on("error", (err) => {
      options.onError?.(err);
      c.end().catch(() => {});
    });
    c.on("end", () => {
      if (client === c) client = undefined;
      scheduleReconnect();
    });
    c.on("notification", (msg) => {
      if (msg.channel === channel && msg.payload !== undefined) onPayload(msg.payload);
    });
    try {
      await c.connect();
      await c.query(`LISTEN "${channel.replace(/"/g, '""')}"`);
      if (stopped) {
        await c.end();
        return;
      }
      delay = 250;
      options.onConnect?.();
    } catch (err) {
      options.onError?.(err as Error);
      c.end().catch(() => {});
    }
  };

  const ready = connect();
  return async () => {
    stopped = true;
    if (timer) clearTimeout(timer);
    await ready.catch(() => {});
    await client?.end().catch(() => {});
  };
}
