import { useState } from 'react';
import type { Category, Finding } from '../../../src/engine/types';
import type { Outputs, Result } from '../../../src/api/contract';
import { CATEGORY_LABELS } from '../../../src/api/labels';

type Reading = Outputs['explain'];

const LABELS = CATEGORY_LABELS;
const ORDER: Category[] = ['disbelief', 'victim-blaming', 'jargon'];

interface Props {
  findings: Finding[];
  active: number;
  onSelect: (i: number) => void;
  onAccept: (i: number, suggestion: string) => void;
  onDismiss: (i: number, reason: string) => void;
  onAcceptAll: (category: Category) => void;
  /** How the sentence of finding `i` was read (asked when the user opens "Why"). */
  onExplain?: (i: number) => Promise<Result<Reading>>;
}

const ROLE: Record<string, string> = {
  writer: 'the writer',
  person: 'the person referred',
  other: 'another party',
  generic: 'people in general',
  thing: 'a thing or event',
  none: 'no subject',
};
const VOICE: Record<string, string> = {
  writer: "the writer's own words",
  person: "the person's words",
  other: "another party's words",
  generic: 'a general statement, instruction or definition',
  mention: 'words named as language (a mention)',
};

/** The sentence layer's reading of a finding's sentence, as plain text (never HTML). */
function ReadingView({ reading, rule }: { reading: Reading; rule: string }) {
  const s = reading.sentence;
  const mine = s.candidates.filter((c) => c.rule === rule);
  const fired = mine.find((c) => c.fired);
  return (
    <div className="reading" data-testid="reading">
      <p className="reading-head">How the checker read this sentence (about {reading.about}):</p>
      <ul>
        {s.clauses.map((c, k) => (
          <li key={k}>
            “{c.text}”
            {c.subject ? ` — subject “${c.subject.text}” (${ROLE[c.subject.role] ?? c.subject.role})` : ''}
            {c.verb ? `, verb “${c.verb.text}” (${c.verb.tense}${c.verb.modal ? `, ${c.verb.modal}` : ''})` : ''}
            {c.negators.length ? `, negated by “${c.negators.join('”, “')}”` : ''}
            {c.generic ? ', a general statement' : ''}
          </li>
        ))}
      </ul>
      {s.voices
        .filter((v) => v.voice !== 'writer')
        .map((v, k) => (
          <p key={k} className="voice">
            {VOICE[v.voice] ?? v.voice}: “{v.text}”
          </p>
        ))}
      <p data-testid="reading-verdict">
        {fired
          ? `This rule applies: “${fired.matched}” ${fired.origin ? `is in the meaning class ${fired.origin}, ` : ''}${fired.why}.`
          : mine.length
            ? `This rule's words are here, but: ${mine.map((c) => c.why).join('; ')}.`
            : 'This finding comes from a check of the whole draft (acronyms, quotation marks or missing elements), not from a phrase rule.'}
      </p>
    </div>
  );
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

function FindingCard({ finding: f, index, active, onSelect, onAccept, onDismiss, onExplain }: Props & { finding: Finding; index: number }) {
  const [choice, setChoice] = useState(0);
  const [reading, setReading] = useState<Reading | null>(null);
  const [readingError, setReadingError] = useState('');
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
      <details
        onToggle={(e) => {
          if (!e.currentTarget.open || reading || !onExplain) return;
          void onExplain(index).then((r) => (r.ok ? setReading(r.value) : setReadingError(r.error.message)));
        }}
      >
        <summary>Why</summary>
        <p>{f.rationale}</p>
        <p className="source">
          Source: {f.source.title}
          {f.source.locator ? `, ${f.source.locator}` : ''}
        </p>
        {reading && <ReadingView reading={reading} rule={f.rule} />}
        {readingError && <p className="note">{readingError}</p>}
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
