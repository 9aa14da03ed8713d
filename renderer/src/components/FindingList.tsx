import { useState } from 'react';
import type { Category, Finding } from '../../../src/engine/types';

const LABELS: Record<Category, string> = { disbelief: 'Disbelief', 'victim-blaming': 'Victim-blaming', jargon: 'Jargon' };
const ORDER: Category[] = ['disbelief', 'victim-blaming', 'jargon'];

interface Props {
  findings: Finding[];
  active: number;
  onSelect: (i: number) => void;
  onAccept: (i: number, suggestion: string) => void;
  onDismiss: (i: number, reason: string) => void;
  onAcceptAll: (category: Category) => void;
}

export function FindingList(props: Props) {
  const { findings } = props;
  if (!findings.length) return <p className="empty">No language problems found.</p>;
  return (
    <div className="findings">
      {ORDER.map((cat) => {
        const items = findings.map((f, i) => ({ f, i })).filter(({ f }) => f.category === cat);
        if (!items.length) return null;
        return (
          <section key={cat} aria-labelledby={`cat-${cat}`}>
            <div className="cat-head">
              <h3 id={`cat-${cat}`}>
                <span className={`chip chip-${cat}`} aria-hidden="true" /> {LABELS[cat]} ({items.length})
              </h3>
              {items.some(({ f }) => f.suggestions.length) && (
                <button type="button" className="link" onClick={() => props.onAcceptAll(cat)}>
                  Apply all {LABELS[cat].toLowerCase()} suggestions
                </button>
              )}
            </div>
            <ul>
              {items.map(({ f, i }) => (
                <FindingCard key={`${f.rule}-${f.start}`} finding={f} index={i} {...props} />
              ))}
            </ul>
          </section>
        );
      })}
    </div>
  );
}

function FindingCard({ finding: f, index, active, onSelect, onAccept, onDismiss }: Props & { finding: Finding; index: number }) {
  const [choice, setChoice] = useState(0);
  const [dismissing, setDismissing] = useState(false);
  const [reason, setReason] = useState('');
  const suggestion = f.suggestions[choice];
  return (
    <li
      id={`finding-${index}`}
      className={`finding${index === active ? ' active' : ''}`}
      data-testid="finding"
      data-category={f.category}
      data-rule={f.rule}
      tabIndex={index === active ? 0 : -1}
      aria-current={index === active ? 'true' : undefined}
      onFocus={() => onSelect(index)}
    >
      <p className="msg">
        <span className={`sev sev-${f.severity}`}>{f.severity}</span> {f.message}
      </p>
      <p className="excerpt">“{f.excerpt.length > 120 ? f.excerpt.slice(0, 117) + '…' : f.excerpt}”</p>
      {f.suggestions.length > 1 && (
        <label className="choice">
          Suggestion{' '}
          <select value={choice} onChange={(e) => setChoice(Number(e.target.value))}>
            {f.suggestions.map((s, k) => (
              <option key={k} value={k}>
                {s === '' ? '(delete)' : s}
              </option>
            ))}
          </select>
        </label>
      )}
      {f.suggestions.length === 1 && <p className="suggest">Suggestion: {suggestion === '' ? 'delete it' : `“${suggestion}”`}</p>}
      {f.note && <p className="note">{f.note}</p>}
      <details>
        <summary>Why</summary>
        <p>{f.rationale}</p>
        <p className="source">
          Source: {f.source.title}
          {f.source.locator ? `, ${f.source.locator}` : ''}
        </p>
      </details>
      <div className="actions">
        {suggestion !== undefined && (
          <button type="button" data-testid="accept" onClick={() => onAccept(index, suggestion)}>
            Accept
          </button>
        )}
        <button type="button" data-testid="dismiss" onClick={() => setDismissing(true)} aria-expanded={dismissing}>
          Dismiss
        </button>
        <button type="button" className="link" onClick={() => document.getElementById(`hl-${index}`)?.scrollIntoView({ block: 'center' })}>
          Jump to text
        </button>
      </div>
      {dismissing && (
        <form
          className="dismiss"
          onSubmit={(e) => {
            e.preventDefault();
            if (reason.trim()) onDismiss(index, reason.trim());
          }}
        >
          <label>
            Reason for dismissing
            <input data-testid="dismiss-reason" value={reason} onChange={(e) => setReason(e.target.value)} autoFocus required />
          </label>
          <button type="submit" data-testid="dismiss-confirm">
            Dismiss finding
          </button>
        </form>
      )}
    </li>
  );
}
