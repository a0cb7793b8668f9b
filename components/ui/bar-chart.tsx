// A bar chart in plain SVG (no chart library): one bar per label, the value
// in the bar's title for hover and screen readers, the largest value on the axis.
export function BarChart(props: { title: string; bars: { label: string; short: string; value: number; text: string }[]; testId?: string }) {
  const W = 720, H = 180, PAD = 24;
  const max = Math.max(1, ...props.bars.map((b) => b.value));
  const n = Math.max(1, props.bars.length);
  const bw = (W - PAD) / n;
  const every = Math.ceil(n / 12);
  const top = props.bars.reduce((a, b) => (b.value > a.value ? b : a), props.bars[0] ?? { text: "0", value: 0 });
  return (
    <figure className="bg-white rounded-lg border border-slate-200 p-3" data-testid={props.testId}>
      <figcaption className="text-sm font-medium mb-2">{props.title}</figcaption>
      <svg viewBox={`0 0 ${W} ${H + 18}`} className="w-full h-auto" role="img" aria-label={props.title}>
        <line x1={PAD} y1={H} x2={W} y2={H} stroke="#cbd5e1" />
        <text x={0} y={10} fontSize="10" fill="#64748b">{top.value > 0 ? top.text : ""}</text>
        {props.bars.map((b, i) => {
          const h = (b.value / max) * (H - 16);
          return (
            <g key={b.label} data-testid="bar" data-label={b.label} data-value={b.value}>
              <rect x={PAD + i * bw + bw * 0.1} y={H - h} width={Math.max(1, bw * 0.8)} height={h} className="fill-brand-600"><title>{`${b.label}: ${b.text}`}</title></rect>
              {i % every === 0 && <text x={PAD + i * bw + bw / 2} y={H + 13} fontSize="10" textAnchor="middle" fill="#64748b">{b.short}</text>}
            </g>
          );
        })}
      </svg>
    </figure>
  );
}
