"use client";
// Tells the server the browser's time zone (cookie "tz", a year), so account-level
// times (wallet, notifications) are shown on the viewer's clock from the next page on.
// The server validates the value against Intl's zones before using it.
import { useEffect } from "react";

export function TimeZoneCookie({ current }: { current: string | null }) {
  useEffect(() => {
    const tz = Intl.DateTimeFormat().resolvedOptions().timeZone;
    if (tz && tz !== current) document.cookie = `tz=${encodeURIComponent(tz)}; path=/; max-age=31536000; samesite=lax`;
  }, [current]);
  return null;
}
