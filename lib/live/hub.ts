import "server-only";
// The web process's one live-events connection (lib/realtime/fan-out.ts says
// why streams wait for it and end when it had a gap).
import { fanOut, readyWithin, type TFanOut } from "../realtime/fan-out.ts";
import type { TRealtimeEvent } from "../realtime/events.ts";
import { logWarn } from "../log.ts";

const g = globalThis as unknown as { __chargewayHub?: TFanOut };

const hub = () =>
  (g.__chargewayHub ??= fanOut(process.env.DATABASE_URL!, {
    onError: (err) => logWarn("live events connection problem", { error: err.message }),
  }));

/** Resolves true once live events are being received, false if not within `timeoutMs`. */
export const liveEventsReady = (timeoutMs = 5000): Promise<boolean> => readyWithin(hub(), timeoutMs);

/** Calls `onEvent` for every live event; `onGap` when some may have been missed. */
export const onLiveEvent = (onEvent: (e: TRealtimeEvent) => void, onGap: () => void): (() => void) => hub().add(onEvent, onGap);
