// Figures as the garage pages show them: energy to the watt-hour (the charger's
// register resolution) so statements match the metered energy exactly.
export function formatKwhExact(wh: number, locale = "en"): string {
  return `${new Intl.NumberFormat(locale, { minimumFractionDigits: 3, maximumFractionDigits: 3 }).format(wh / 1000)} kWh`;
}

export function formatKw(w: number | null, locale = "en"): string {
  if (w === null) return "—";
  return `${new Intl.NumberFormat(locale, { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(w / 1000)} kW`;
}

export function formatDuration(start: Date | string | null, end: Date | string | null): string {
  if (!start || !end) return "—";
  const s = Math.max(0, Math.round((new Date(end).getTime() - new Date(start).getTime()) / 1000));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  return h ? `${h} h ${m} min` : m ? `${m} min` : `${s} s`;
}
