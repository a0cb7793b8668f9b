// Server-sent events: live connector status, meter values and session changes.
// GET /api/events?stations=<id,...>&sessions=<id,...>&mobile=<requestId,...>
import { getCurrentUser } from "@/lib/auth/current-user.ts";
import { db } from "@/lib/db/client.ts";
import { liveScope, mayReceive } from "@/lib/live/event-access.ts";
import { liveEventsReady, onLiveEvent } from "@/lib/live/hub.ts";
import { isUuid } from "@/lib/stations/visibility.ts";

export const dynamic = "force-dynamic";

// Strict UUIDs only: a malformed id would make the database query fail.
const ids = (v: string | null) => (v ? [...new Set(v.split(",").filter(isUuid))].slice(0, 500) : []);

export async function GET(req: Request) {
  const url = new URL(req.url);
  const user = await getCurrentUser();
  const scope = await liveScope(db(), user, { stations: ids(url.searchParams.get("stations")), sessions: ids(url.searchParams.get("sessions")), mobile: ids(url.searchParams.get("mobile")) });
  // The page re-reads its state when the stream opens: open it only once events flow.
  // If they do not (the database is away), an empty stream that ends at once
  // makes the browser try again in 2 s; an error status would stop it for good.
  if (!(await liveEventsReady())) {
    return new Response("retry: 2000\n\n", { headers: { "content-type": "text/event-stream; charset=utf-8", "cache-control": "no-store" } });
  }
  const encoder = new TextEncoder();
  let cleanup = () => {};
  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      const send = (text: string) => {
        try { controller.enqueue(encoder.encode(text)); } catch { cleanup(); }
      };
      send(`retry: 2000\n: connected\n\n`);
      const off = onLiveEvent(
        (e) => { if (mayReceive(scope, e)) send(`event: ${e.type}\ndata: ${JSON.stringify(e)}\n\n`); },
        // Events were missed: end the stream; the browser reconnects and the page re-reads.
        () => { cleanup(); try { controller.close(); } catch { /* closed */ } },
      );
      // Keeps proxies from closing an idle stream.
      const ping = setInterval(() => send(`: ping\n\n`), 20_000);
      cleanup = () => { off(); clearInterval(ping); };
      req.signal.addEventListener("abort", () => { cleanup(); try { controller.close(); } catch { /* closed */ } });
    },
    cancel() { cleanup(); },
  });
  return new Response(stream, {
    headers: { "content-type": "text/event-stream; charset=utf-8", "cache-control": "no-store, no-transform", connection: "keep-alive", "x-accel-buffering": "no" },
  });
}
