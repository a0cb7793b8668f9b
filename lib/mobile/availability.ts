// Whether a provider works at a moment: 24/7, or inside its working hours
// { mon: [["08:00","20:00"]], ... } in the time zone of its area (Europe/Berlin
// unless the hours say otherwise with a "timeZone" key).
type Hours = Record<string, [string, string][]> & { timeZone?: string };
const DAYS = ["sun", "mon", "tue", "wed", "thu", "fri", "sat"];

export function isOpenAt(s: { is24x7: boolean; workingHours: unknown }, at: Date): boolean {
  if (s.is24x7) return true;
  const hours = (s.workingHours ?? {}) as Hours;
  const tz = typeof hours.timeZone === "string" ? hours.timeZone : "Europe/Berlin";
  let parts: Record<string, string>;
  try {
    parts = Object.fromEntries(
      new Intl.DateTimeFormat("en-US", { timeZone: tz, weekday: "short", hour: "2-digit", minute: "2-digit", hourCycle: "h23" })
        .formatToParts(at).map((p) => [p.type, p.value]),
    );
  } catch {
    return false;
  }
  const day = DAYS[["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"].indexOf(parts.weekday)];
  const now = `${parts.hour}:${parts.minute}`;
  const ranges = Array.isArray(hours[day]) ? hours[day] : [];
  return ranges.some(([open, close]) => open <= now && (now < close || close <= open));
}
