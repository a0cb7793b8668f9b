"use client";
// Subscribes a page to /api/events; EventSource reconnects by itself.
// onOpen runs on every (re)connection: events sent while the page was not
// subscribed (before the first open, or during a dropped connection on a
// phone) are missed, so a page that shows live state re-reads it then.
import { useEffect, useRef } from "react";
import type { TRealtimeEvent } from "@/lib/realtime/events.ts";

export function useLiveEvents(
  query: { stations?: string[]; sessions?: string[]; mobile?: string[] },
  onEvent: (e: TRealtimeEvent) => void,
  onOpen?: () => void,
) {
  const handler = useRef(onEvent);
  handler.current = onEvent;
  const openHandler = useRef(onOpen);
  openHandler.current = onOpen;
  const key = `${(query.stations ?? []).join(",")}|${(query.sessions ?? []).join(",")}|${(query.mobile ?? []).join(",")}`;
  useEffect(() => {
    const params = new URLSearchParams();
    if (query.stations?.length) params.set("stations", query.stations.join(","));
    if (query.sessions?.length) params.set("sessions", query.sessions.join(","));
    if (query.mobile?.length) params.set("mobile", query.mobile.join(","));
    const es = new EventSource(`/api/events?${params}`);
    const listener = (m: MessageEvent) => handler.current(JSON.parse(m.data) as TRealtimeEvent);
    for (const type of ["connector_status", "meter", "station", "session", "mobile"]) es.addEventListener(type, listener);
    es.onopen = () => openHandler.current?.();
    return () => es.close();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key]);
}
