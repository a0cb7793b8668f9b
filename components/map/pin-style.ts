// One colour per availability, shared by pins, clusters, the list and the
// legend, so the map and its list never disagree. Each is paired with a word
// (never colour alone) for colour-blind drivers and screen readers.
export const AVAILABILITY_COLOUR: Record<string, string> = {
  AVAILABLE: "#059669",
  BUSY: "#d97706",
  OUT_OF_ORDER: "#dc2626",
  OFFLINE: "#64748b",
  UNKNOWN: "#94a3b8",
};

export const AVAILABILITIES = ["AVAILABLE", "BUSY", "OUT_OF_ORDER", "OFFLINE", "UNKNOWN"] as const;

export const escapeHtml = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);

export const kw = (n: number, locale: string) => new Intl.NumberFormat(locale, { maximumFractionDigits: n < 10 ? 1 : 0 }).format(n);
