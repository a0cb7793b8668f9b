// A small SVG line chart of a session's meter readings: energy delivered
// (kWh since the start) and power (kW), on a shared time axis.
type TPoint = { at: string; kind: "energy" | "power"; value: number };

const W = 640, H = 220, PAD = { l: 48, r: 48, t: 12, b: 28 };

function scale(points: { x: number; y: number }[], maxY: number, t0: number, t1: number) {
  const sx = (x: number) => PAD.l + ((x - t0) / Math.max(1, t1 - t0)) * (W - PAD.l - PAD.r);
  const sy = (y: number) => H - PAD.b - (y / (maxY || 1)) * (H - PAD.t - PAD.b);
  return points.map((p) => `${sx(p.x).toFixed(1)},${sy(p.y).toFixed(1)}`).join(" ");
}

export function MeterChart({ points, meterStartWh, labels, locale, timeZone }: { points: TPoint[]; meterStartWh: number; labels: { energy: string; power: string; empty: string }; locale: string; timeZone: string }) {
  const energy = points.filter((p) => p.kind === "energy").map((p) => ({ x: Date.parse(p.at), y: Math.max(0, p.value - meterStartWh) / 1000 }));
  const power = points.filter((p) => p.kind === "power").map((p) => ({ x: Date.parse(p.at), y: p.value / 1000 }));
  if (energy.length + power.length === 0) return <p className="text-sm text-slate-600" data-testid="chart-empty">{labels.empty}</p>;
  const xs = [...energy, ...power].map((p) => p.x);
  const t0 = Math.min(...xs), t1 = Math.max(...xs);
  const maxE = Math.max(0.001, ...energy.map((p) => p.y));
  const maxP = Math.max(0.1, ...power.map((p) => p.y));
  const fmt = (n: number, d: number) => new Intl.NumberFormat(locale, { maximumFractionDigits: d }).format(n);
  const time = (ms: number) => new Intl.DateTimeFormat(locale, { timeStyle: "short", timeZone }).format(ms);
  return (
    <figure data-testid="meter-chart">
      <svg viewBox={`0 0 ${W} ${H}`} className="w-full h-auto" role="img" aria-label={`${labels.energy}, ${labels.power}`}>
        <line x1={PAD.l} y1={H - PAD.b} x2={W - PAD.r} y2={H - PAD.b} stroke="#cbd5e1" />
        <line x1={PAD.l} y1={PAD.t} x2={PAD.l} y2={H - PAD.b} stroke="#cbd5e1" />
        <line x1={W - PAD.r} y1={PAD.t} x2={W - PAD.r} y2={H - PAD.b} stroke="#cbd5e1" />
        <text x={PAD.l - 4} y={PAD.t + 8} fontSize="11" textAnchor="end" fill="#047857">{fmt(maxE, 3)}</text>
        <text x={PAD.l - 4} y={H - PAD.b} fontSize="11" textAnchor="end" fill="#047857">0</text>
        <text x={W - PAD.r + 4} y={PAD.t + 8} fontSize="11" fill="#2563eb">{fmt(maxP, 1)}</text>
        <text x={PAD.l} y={H - 8} fontSize="11" fill="#475569">{time(t0)}</text>
        <text x={W - PAD.r} y={H - 8} fontSize="11" textAnchor="end" fill="#475569">{time(t1)}</text>
        {energy.length > 0 && <polyline points={scale(energy, maxE, t0, t1)} fill="none" stroke="#059669" strokeWidth="2" data-testid="chart-energy" />}
        {power.length > 0 && <polyline points={scale(power, maxP, t0, t1)} fill="none" stroke="#2563eb" strokeWidth="1.5" strokeDasharray="4 3" data-testid="chart-power" />}
      </svg>
      <figcaption className="flex gap-4 text-xs text-slate-600">
        <span><span aria-hidden className="inline-block w-3 h-0.5 bg-emerald-600 align-middle mr-1" />{labels.energy}</span>
        <span><span aria-hidden className="inline-block w-3 h-0.5 bg-blue-600 align-middle mr-1" />{labels.power}</span>
      </figcaption>
    </figure>
  );
}
