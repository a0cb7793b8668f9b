// One LISTEN connection fanned out in memory to many listeners (the web app's
// browser streams), so a thousand open pages cost one database connection.
// `ready` resolves once the LISTEN is active: a browser stream may tell its
// page "connected" only then, because pages re-read their state when their
// stream opens, and an event sent between that re-read and the LISTEN would
// be lost without a trace. When the connection drops and comes back, events
// were lost in between: every listener's `onGap` is called (the stream ends,
// the browser reconnects and its page re-reads).
import type { TRealtimeEvent } from "./events.ts";
import { subscribe, type TSubscribeOptions } from "./subscribe.ts";

type Listener = { onEvent: (e: TRealtimeEvent) => void; onGap: () => void };

export type TFanOut = {
  ready: Promise<void>;
  /** Calls `onEvent` for every event and `onGap` when some may have been missed; returns the unsubscribe. */
  add(onEvent: Listener["onEvent"], onGap: Listener["onGap"]): () => void;
  stop(): Promise<void>;
};

export function fanOut(databaseUrl: string, options: Pick<TSubscribeOptions, "channel" | "onError"> = {}): TFanOut {
  const listeners = new Set<Listener>();
  let connected = false;
  let markReady = () => {};
  const ready = new Promise<void>((resolve) => (markReady = resolve));
  const stop = subscribe(databaseUrl, (e) => { for (const l of listeners) l.onEvent(e); }, {
    ...options,
    onConnect: () => {
      if (connected) for (const l of listeners) l.onGap();
      connected = true;
      markReady();
    },
  });
  return {
    ready,
    add(onEvent, onGap) {
      const l = { onEvent, onGap };
      listeners.add(l);
      return () => listeners.delete(l);
    },
    stop,
  };
}

/** Whether `ready` resolved within `timeoutMs`. */
export async function readyWithin(f: TFanOut, timeoutMs: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<false>((resolve) => (timer = setTimeout(() => resolve(false), timeoutMs)));
  try {
    return await Promise.race([f.ready.then(() => true as const), timeout]);
  } finally {
    clearTimeout(timer);
  }
}
