import type { MissingElement } from '../../../src/engine/types';

export function MissingList({ missing }: { missing: MissingElement[] }) {
  if (!missing.length) return <p className="empty">Every element a referral needs is there.</p>;
  return (
    <ul className="missing">
      {missing.map((m) => (
        <li key={m.element} data-testid="missing-element" data-element={m.element}>
          <strong>{m.element}</strong>: {m.message}
          {m.found && m.found.length > 0 && <span className="found"> Found so far: {m.found.join(', ')}.</span>}
          <br />
          <span className="question">Ask: {m.question}</span>
        </li>
      ))}
    </ul>
  );
}

export function ScorePanel({ total, parts }: { total: number; parts: { label: string; points: number }[] }) {
  return (
    <div className="score" data-testid="score">
      <p className="total" aria-label={`Quality score ${total} out of 100`}>
        {total}
        <span>/100</span>
      </p>
      <ul>
        {parts.map((p) => (
          <li key={p.label}>
            {p.label}: {p.points ? `−${p.points}` : '0'}
          </li>
        ))}
      </ul>
    </div>
  );
}
