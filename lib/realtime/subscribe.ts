// Live events for a process that wants them (the web app's SSE route): one
// LISTEN connection per call, with reconnect. Call once per process and fan
// out in memory rather than once per browser.
import { EVENTS_CHANNEL, type TRealtimeEvent } from "./events.ts";
import { listen, type TListenOptions } from "./listen.ts";

export type TSubscribeOptions = TListenOptions & { channel?: string };

export function subscribe(
  databaseUrl: string,
  handler: (event: TRealtimeEvent) => void,
  options: TSubscribeOptions = {},
): () => Promise<void> {
  return listen(
    databaseUrl,
    options.channel ?? EVENTS_CHANNEL,
    (payload) => {
      try {
        handler(JSON.parse(payload) as TRealtimeEvent);
      } catch (err) {
        options.onError?.(err as Error);
      }
    },
    options,
  );
}
