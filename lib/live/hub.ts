import "server-only";
// One LISTEN connection per web process, fanned out in memory to every open
// browser stream, so a thousand open pages cost one database connection.
import { subscribe } from "../realtime/subscribe.ts";
import type { TRealtimeEvent } from "../realtime/events.ts";
import { logWarn } from "../log.ts";

type Listener = (e: TRealtimeEvent) => void;

const g = globalThis as unknown as { __chargewayHub?: { listeners: Set<Listener>; stop?: () => Promise<void> } };

export function onLiveEvent(listener: Listener): () => void {
  if (!g.__chargewayHub) {
    const hub: { listeners: Set<Listener>; stop?: () => Promise<void> } = { listeners: new Set() };
    hub.stop = subscribe(process.env.DATABASE_URL!, (e) => { for (const l of hub.listeners) l(e); }, {
      onError: (err) => logWarn("live events connection problem", { error: err.message }),
    });
    g.__chargewayHub = hub;
  }
  const hub = g.__chargewayHub;
  hub.listeners.add(listener);
  return () => hub.listeners.delete(listener);
}
