/** Small SVG charts for the audit and history views; each has a text alternative and its figures as text. */

export interface Bar {
  label: string;
  value: number;
}

function Empty({ title, testId }: { title: string; testId?: string | undefined }) {
  return (
    <figure className="chart" data-testid={testId}>
      <figcaption>{title}</figcaption>
      <p className="empty">Nothing to show yet.</p>
    </figure>
  );
}

export function BarChart({ title, bars, color = 'var(--accent)', format = (v: number) => String(v), testId }: { title: string; bars: readonly Bar[]; color?: string; format?: (v: number) => string; testId?: string }) {
  if (!bars.length) return <Empty title={title} testId={testId} />;
  const max = Math.max(1, ...bars.map((b) => b.value));
  const row = 24;
  const labelW = 210;
  const barW = 300;
  const h = bars.length * row + 6;
  return (
    <figure className="chart" data-testid={testId}>
      <figcaption>{title}</figcaption>
      <svg role="img" aria-label={`${title}: ${bars.map((b) => `${b.label} ${format(b.value)}`).join(', ')}`} viewBox={`0 0 ${labelW + barW + 70} ${h}`} width="100%" style={{ maxWidth: labelW + barW + 70 }}>
        {bars.map((b, i) => {
          const y = 3 + i * row;
          const w = Math.max(b.value > 0 ? 2 : 0, Math.round((b.value / max) * barW));
          return (
            <g key={b.label}>
              <text x={labelW - 8} y={y + 16} textAnchor="end" className="chart-label">
                {b.label.length > 30 ? `${b.label.slice(0, 29)}…` : b.label}
              </text>
              <rect x={labelW} y={y + 3} width={w} height={row - 8} fill={color} data-value={b.value} />
              <text x={labelW + w + 6} y={y + 16} className="chart-label">
                {format(b.value)}
              </text>
            </g>
          );
        })}
      </svg>
    </figure>
  );
}

/** Average score per day, as a line with its points. */
export function LineChart({ title, points, testId }: { title: string; points: readonly { label: string; value: number }[]; testId?: string }) {
  if (!points.length) return <Empty title={title} testId={testId} />;
  const w = 560;
  const h = 180;
  const pad = 34;
  const x = (i: number) => (points.length === 1 ? w / 2 : pad + (i * (w - 2 * pad)) / (points.length - 1));
  const y = (v: number) => h - pad - (v / 100) * (h - 2 * pad);
  return (
    <figure className="chart" data-testid={testId}>
      <figcaption>{title}</figcaption>
      <svg role="img" aria-label={`${title}: ${points.map((p) => `${p.label} ${p.value}`).join(', ')}`} viewBox={`0 0 ${w} ${h}`} width="100%" style={{ maxWidth: w }}>
        {[0, 50, 100].map((v) => (
          <g key={v}>
            <line x1={pad} x2={w - pad} y1={y(v)} y2={y(v)} className="chart-grid" />
            <text x={pad - 6} y={y(v) + 4} textAnchor="end" className="chart-label">
              {v}
            </text>
          </g>
        ))}
        <polyline fill="none" stroke="var(--accent)" strokeWidth="2" points={points.map((p, i) => `${x(i)},${y(p.value)}`).join(' ')} />
        {points.map((p, i) => (
          <circle key={p.label} cx={x(i)} cy={y(p.value)} r="4" fill="var(--accent)" />
        ))}
        <text x={pad} y={h - 8} className="chart-label">
          {points[0]!.label}
        </text>
        {points.length > 1 && (
          <text x={w - pad} y={h - 8} textAnchor="end" className="chart-label">
            {points[points.length - 1]!.label}
          </text>
        )}
      </svg>
    </figure>
  );
}
