// A bar chart in plain SVG (no chart library): one bar per label, the value
// in the bar's title for hover and screen readers, the largest value on the axis.
// Text is HTML beside the SVG, not SVG text: the SVG scales to the screen, so
// its text would shrink to a few pixels on a phone; HTML labels stay 11 px+
// and a phone shows fewer of them (every k-th).
export function BarChart(props: { title: string; bars: { label: string; short: string; value: number; text: string }[]; testId?: string }) {
  const W = 720, H = 180, PAD = 24;
  const max = Math.max(1, ...props.bars.map((b) => b.value));
  const n = Math.max(1, props.bars.length);
  const bw = (W - PAD) / n;
  const every = Math.ceil(n / 12);
  const everyPhone = every * Math.ceil(n / every / 5); // a subset of the wide screen's labels
  const top = props.bars.reduce((a, b) => (b.value > a.value ? b : a), props.bars[0] ?? { text: "0", value: 0 });
  const at = (i: number) => ((PAD + i * bw + bw / 2) / W) * 100;
  return (
    <figure className="bg-white rounded-lg border border-slate-200 p-3 min-w-0" data-testid={props.testId}>
      <figcaption className="text-sm font-medium mb-2">{props.title}</figcaption>
      <div className="text-xs text-slate-500 h-4" aria-hidden="true">{top.value > 0 ? top.text : ""}</div>
      <svg viewBox={`0 0 ${W} ${H}`} className="w-full h-auto block" role="img" aria-label={props.title}>
        <line x1={PAD} y1={H} x2={W} y2={H} stroke="#cbd5e1" />
        {props.bars.map((b, i) => {
          const h = (b.value / max) * (H - 16);
          return (
            <g key={b.label} data-testid="bar" data-label={b.label} data-value={b.value}>
              <rect x={PAD + i * bw + bw * 0.1} y={H - h} width={Math.max(1, bw * 0.8)} height={h} className="fill-brand-600"><title>{`${b.label}: ${b.text}`}</title></rect>
            </g>
          );
        })}
      </svg>
      <div className="relative h-5 text-xs text-slate-500" aria-hidden="true" data-testid="chart-labels">
        {props.bars.map((b, i) => {
          if (i % every !== 0) return null;
          const x = at(i);
          const shift = x < 8 ? "none" : x > 92 ? "translateX(-100%)" : "translateX(-50%)";
          return (
            <span key={b.label} className={`absolute top-0.5 whitespace-nowrap ${i % everyPhone === 0 ? "" : "hidden sm:inline"}`}
              style={{ left: `${x}%`, transform: shift }}>{b.short}</span>
          );
        })}
      </div>
    </figure>
  );
}
