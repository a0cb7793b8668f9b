// Energy with the unit in the reader's language (lib/format's formatKwh is English-only).
export function energy(wh: number, locale: string): string {
  const n = new Intl.NumberFormat(locale, { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(wh / 1000);
  return `${n} ${locale === "ru" ? "кВт·ч" : "kWh"}`;
}
