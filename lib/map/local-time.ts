// "Now" in every time zone, for the open-now filter: the day key and "HH:MM"
// of each IANA zone, computed here once a minute rather than per station row
// in SQL (per-row AT TIME ZONE + to_char made the filter 4x slower). A
// station whose time zone is not a known IANA name is never "open now"
// unless it is 24/7; it cannot break the query either.
const DAYS = ["sun", "mon", "tue", "wed", "thu", "fri", "sat"] as const;
const WEEKDAY: Record<string, number> = { Sun: 0, Mon: 1, Tue: 2, Wed: 3, Thu: 4, Fri: 5, Sat: 6 };
// Common aliases Intl lists under another canonical name.
const ALIASES = ["UTC", "Etc/UTC", "GMT", "Etc/GMT", "Europe/Kiev", "Europe/Kyiv", "Asia/Calcutta", "Asia/Kolkata"];

let zones: string[] | undefined;
const formatters = new Map<string, Intl.DateTimeFormat>();
let cached: { minute: number; json: string } | undefined;

function allZones(): string[] {
  zones ??= [...new Set([...Intl.supportedValuesOf("timeZone"), ...ALIASES])].filter((tz) => {
    try {
      formatters.set(tz, new Intl.DateTimeFormat("en-US", { timeZone: tz, weekday: "short", hour: "2-digit", minute: "2-digit", hourCycle: "h23" }));
      return true;
    } catch {
      return false;
    }
  });
  return zones;
}

export type TLocalNow = { today: string; yesterday: string; time: string };

export function localNow(timeZone: string, now: Date): TLocalNow | undefined {
  allZones();
  const f = formatters.get(timeZone);
  if (!f) return undefined;
  const parts = Object.fromEntries(f.formatToParts(now).map((p) => [p.type, p.value]));
  const day = WEEKDAY[parts.weekday];
  return { today: DAYS[day], yesterday: DAYS[(day + 6) % 7], time: `${parts.hour}:${parts.minute}` };
}

/** { "Europe/Paris": ["sat", "fri", "06:45"], ... } as JSON, for one SQL parameter. */
export function localNowByZone(now: Date): string {
  const minute = Math.floor(now.getTime() / 60_000);
  if (cached?.minute === minute) return cached.json;
  const map: Record<string, [string, string, string]> = {};
  for (const tz of allZones()) {
    const l = localNow(tz, now)!;
    map[tz] = [l.today, l.yesterday, l.time];
  }
  cached = { minute, json: JSON.stringify(map) };
  return cached.json;
}

let cachedWeek: { minute: number; json: string } | undefined;

/** { "Europe/Paris": 8205, ... }: each zone's minute of the week (Monday 00:00 = 0),
 *  matching stations.open_week_minutes, for one SQL parameter. */
export function minuteOfWeekByZone(now: Date): string {
  const minute = Math.floor(now.getTime() / 60_000);
  if (cachedWeek?.minute === minute) return cachedWeek.json;
  const map: Record<string, number> = {};
  for (const tz of allZones()) {
    const l = localNow(tz, now)!;
    const mondayBased = (DAYS.indexOf(l.today as (typeof DAYS)[number]) + 6) % 7;
    const [h, m] = l.time.split(":").map(Number);
    map[tz] = mondayBased * 1440 + h * 60 + m;
  }
  cachedWeek = { minute, json: JSON.stringify(map) };
  return cachedWeek.json;
}
