// Short human text for a tariff, in English or Russian, for station pages,
// the pre-start estimate and receipts.
import { formatMinorDecimal, formatMoney } from "./money.ts";
import { DAYS, type TDay, type TDimension, type TRestrictions, type TTariff, type TTariffInput, parseTariff } from "./schema.ts";

export type TLocale = "en" | "ru";

const WORDS = {
  en: {
    days: ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"],
    from: "from", fromAmount: "from", until: "until", upTo: "up to", below: "below", after: "after", first: "first",
    kwh: "kWh", kw: "kW", a: "A", h: "h", min: "min",
    unit: { ENERGY: "/kWh", TIME: "/h charging", PARKING_TIME: "/h idle", FLAT: " per session" } as Record<TDimension, string>,
    vat: (p: string) => `+ ${p}% VAT`,
    allVat: (p: string) => `Prices exclude ${p}% VAT`,
    minimum: (m: string) => `Minimum ${m} per session`,
    maximum: (m: string) => `Maximum ${m} per session`,
  },
  ru: {
    days: ["Пн", "Вт", "Ср", "Чт", "Пт", "Сб", "Вс"],
    from: "с", fromAmount: "от", until: "до", upTo: "до", below: "до", after: "после", first: "первые",
    kwh: "кВт·ч", kw: "кВт", a: "А", h: "ч", min: "мин",
    unit: { ENERGY: "/кВт·ч", TIME: "/ч зарядки", PARKING_TIME: "/ч простоя", FLAT: " за сессию" } as Record<TDimension, string>,
    vat: (p: string) => `+ НДС ${p}%`,
    allVat: (p: string) => `Цены без НДС ${p}%`,
    minimum: (m: string) => `Минимум ${m} за сессию`,
    maximum: (m: string) => `Максимум ${m} за сессию`,
  },
};

function num(value: number | string, locale: TLocale): string {
  return new Intl.NumberFormat(locale, { maximumFractionDigits: 20 }).format(value as number);
}

function duration(seconds: number, locale: TLocale): string {
  const w = WORDS[locale];
  const h = Math.floor(seconds / 3600);
  const m = Math.round((seconds % 3600) / 60);
  if (h && m) return `${h} ${w.h} ${m} ${w.min}`;
  if (h) return `${h} ${w.h}`;
  return `${m} ${w.min}`;
}

function days(list: TDay[], locale: TLocale): string {
  const idx = [...list].map((d) => DAYS.indexOf(d)).sort((a, b) => a - b);
  const names = WORDS[locale].days;
  const contiguous = idx.length > 2 && idx.every((d, i) => i === 0 || d === idx[i - 1] + 1);
  return contiguous ? `${names[idx[0]]}–${names[idx[idx.length - 1]]}` : idx.map((d) => names[d]).join(", ");
}

function range(min: number | undefined, max: number | undefined, unit: string, locale: TLocale, upper: "upTo" | "below"): string | undefined {
  const w = WORDS[locale];
  if (min != null && max != null) return `${num(min, locale)}–${num(max, locale)} ${unit}`;
  if (min != null) return `${w.fromAmount} ${num(min, locale)} ${unit}`;
  if (max != null) return `${w[upper]} ${num(max, locale)} ${unit}`;
  return undefined;
}

/** "22:00–06:00, Mon–Fri, up to 10 kWh"; "" when unrestricted. */
export function describeRestrictions(r: TRestrictions | undefined, locale: TLocale = "en"): string {
  if (!r) return "";
  const w = WORDS[locale];
  const parts: (string | undefined)[] = [];
  if (r.start_time && r.end_time) parts.push(`${r.start_time}–${r.end_time}`);
  else if (r.start_time) parts.push(`${w.from} ${r.start_time}`);
  else if (r.end_time) parts.push(`${w.until} ${r.end_time}`);
  if (r.day_of_week) parts.push(days(r.day_of_week, locale));
  if (r.start_date) parts.push(`${w.from} ${r.start_date}`);
  if (r.end_date) parts.push(`${w.until} ${r.end_date}`);
  parts.push(range(r.min_kwh, r.max_kwh, w.kwh, locale, "upTo"));
  parts.push(range(r.min_power, r.max_power, w.kw, locale, "below"));
  parts.push(range(r.min_current, r.max_current, w.a, locale, "below"));
  if (r.min_duration != null) parts.push(`${w.after} ${duration(r.min_duration, locale)}`);
  if (r.max_duration != null) parts.push(`${w.first} ${duration(r.max_duration, locale)}`);
  return parts.filter(Boolean).join(", ");
}

/** One short line per price component, then VAT and min/max: ["€0.35/kWh", "€2.00/h idle (after 2 h)", ...]. */
export function describeTariff(input: TTariffInput | TTariff, locale: TLocale = "en"): string[] {
  const tariff = parseTariff(input);
  const w = WORDS[locale];
  const vats = new Set(tariff.elements.flatMap((el) => el.price_components.map((pc) => pc.vat ?? null)));
  const sharedVat = vats.size === 1 ? [...vats][0] : undefined;
  const lines: string[] = [];
  for (const el of tariff.elements) {
    const restriction = describeRestrictions(el.restrictions, locale);
    for (const pc of el.price_components) {
      let text = formatMinorDecimal(pc.price, tariff.currency, locale) + w.unit[pc.type];
      if (restriction) text += ` (${restriction})`;
      if (sharedVat === undefined && pc.vat) text += ` ${w.vat(num(pc.vat, locale))}`;
      lines.push(text);
    }
  }
  if (sharedVat && sharedVat !== "0") lines.push(w.allVat(num(sharedVat, locale)));
  if (tariff.min_price != null) lines.push(w.minimum(formatMoney(tariff.min_price, tariff.currency, locale)));
  if (tariff.max_price != null) lines.push(w.maximum(formatMoney(tariff.max_price, tariff.currency, locale)));
  return lines;
}
