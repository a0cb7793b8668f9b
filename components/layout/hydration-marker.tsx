"use client";
// Marks <html data-hydrated> once React has hydrated the page, so browser tests
// (and anything else automating the UI) can wait until clicks are handled by
// React rather than landing on the bare server HTML.
import { useEffect } from "react";

export function HydrationMarker() {
  useEffect(() => {
    document.documentElement.dataset.hydrated = "true";
  }, []);
  return null;
}
