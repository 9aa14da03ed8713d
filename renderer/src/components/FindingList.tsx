import { memo, useMemo, useRef, useState, type ReactNode } from 'react';
import type { Category, Finding } from '../../../src/engine/types';
import type { Outputs, Result } from '../../../src/api/contract';
import { CATEGORY_LABELS } from '../../../src/api/labels';
import { useCardWindow } from '../hooks/useCardWindow';

type Reading = Outputs['explain'];

const LABELS = CATEGORY_LABELS;
const ORDER: Category[] = ['disbelief', 'victim-blaming', 'jargon'];

/**
 * What a card does, by the finding's key (see ../finding-keys.ts): the functions stay the same from one check
 * to the next, so a card whose finding did not change is not drawn again.
 */
interface Actions {
  onSelect: (key: string) => void;
  onAccept: (key: string, suggestion: string) => void;
  onDismiss: (key: string, reason: string) => void;
  /** How the sentence of a finding was read (asked when the user opens "Why"). */
  onExplain?: (key: string) => Promise<Result<Reading>>;
}

interface Props extends Actions {
  /** Open findings in document order, and their keys in the same order. */
  findings: readonly Finding[];
  keys: readonly string[];
  /** The active finding's place in `findings`. */
  active: number;
  /** The category shown alone (the user's filter), or null for all. */
  only: Category | null;
  onOnly: (category: Category | null) => void;
  /** Applies the first suggestion of each of these findings (by key), once the user has confirmed them. */
  onAcceptAll: (keys: string[]) => void;
}

/** Reasons a writer most often has for keeping flagged words, offered beside their own. */
export const PRESET_REASONS = ["The person's own words", 'A name or service', 'Not a problem here'] as const;

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
            {c.directive ? ", the writer's advice to readers" : ''}
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

/**
 * The findings as cards in the order their words come in the draft, so a card sits near its neighbours in
 * the text. Above them, each category with its count, a filter (show only these) and its Apply all. The
 * list is drawn again only when the findings, the active one or the filter change, or, in a long list, when
 * a scroll brings other cards near the view.
 */
export const FindingList = memo(function FindingList({ findings, keys, active, only, onOnly, onAcceptAll, ...actions }: Props) {
  const cats = useMemo(() => ORDER.map((cat) => ({ cat, items: findings.flatMap((f, i) => (f.category === cat ? [{ f, i, key: keys[i]! }] : [])) })).filter((c) => c.items.length), [findings, keys]);
  const { showing, shown } = useMemo(() => shownFindings(findings, only), [findings, only]);
  const shownKeys = useMemo(() => shown.map((i) => keys[i]!), [shown, keys]);
  const list = useRef<HTMLUListElement>(null);
  const at = shown.indexOf(active);
  const plan = useCardWindow(list, shownKeys, at >= 0 ? at : null);
  if (!findings.length) return <p className="empty">No language problems found.</p>;
  const drawn = plan ? plan.drawn : shown.map((_, index) => ({ index, before: 0 }));
  return (
    <div className="findings">
      <div className="categories" data-testid="categories">
        {cats.map(({ cat, items }) => (
          <section key={cat} className="category" aria-labelledby={`cat-${cat}`}>
            <div className="cat-head">
              <h3 id={`cat-${cat}`}>
                <span className={`chip chip-${cat}`} aria-hidden="true" /> {LABELS[cat]} ({items.length})
              </h3>
              <button type="button" className="filter" data-testid="filter" data-category={cat} aria-pressed={showing === cat} onClick={() => onOnly(showing === cat ? null : cat)}>
                {showing === cat ? 'Show all' : 'Show only these'}
              </button>
            </div>
            {items.some(({ f }) => f.suggestions.length) && <ApplyAll category={cat} items={items} onApply={onAcceptAll} />}
          </section>
        ))}
      </div>
      <p className="showing" data-testid="showing" data-count={shown.length}>
        {showing ? `Showing ${LABELS[showing].toLowerCase()} findings only, in the order they come in the draft.` : `All ${findings.length} findings, in the order they come in the draft.`}
      </p>
      {/* a long list draws only the cards near the view; space stands for the others (../hooks/useCardWindow.ts) */}
      <ul className={plan ? 'cards windowed' : 'cards'} ref={list} style={plan?.after ? { paddingBottom: plan.after } : undefined}>
        {drawn.map(({ index, before }) => {
          const i = shown[index]!;
          const f = findings[i]!;
          return (
            <FindingItem key={keys[i]!} fkey={keys[i]!} index={i} active={i === active} category={f.category} rule={f.rule} onSelect={actions.onSelect} before={before} place={plan ? { at: index + 1, of: shown.length } : undefined}>
              <FindingCard finding={f} fkey={keys[i]!} {...actions} />
            </FindingItem>
          );
        })}
      </ul>
    </div>
  );
});

/**
 * The findings a filter shows: those of the category `only` (when there are any; else all), by their places
 * in `findings`, in order. The list draws these, and j and k move through them.
 */
export function shownFindings(findings: readonly Finding[], only: Category | null): { showing: Category | null; shown: number[] } {
  const showing = only !== null && findings.some((f) => f.category === only) ? only : null;
  return { showing, shown: findings.flatMap((f, i) => (showing === null || f.category === showing ? [i] : [])) };
}

/**
 * "Apply all" for one category, asked first: the button opens a list of what changes, and the words that
 * would be deleted apart, left out unless the user ticks them in (as the CLI's --allow-deletions).
 */
function ApplyAll({ category, items, onApply }: { category: Category; items: { f: Finding; key: string }[]; onApply: (keys: string[]) => void }) {
  const [asking, setAsking] = useState(false);
  const [deleting, setDeleting] = useState(false);
  const label = LABELS[category].toLowerCase();
  const changes = items.filter(({ f }) => f.suggestions[0]);
  const deletions = items.filter(({ f }) => f.suggestions[0] === '');
  const chosen = [...changes, ...(deleting ? deletions : [])];
  const cut = (t: string) => (t.length > 90 ? `${t.slice(0, 87)}…` : t);
  if (!asking)
    return (
      <button type="button" className="link" data-testid="apply-all" aria-expanded={false} onClick={() => setAsking(true)}>
        Apply all {label} suggestions
      </button>
    );
  return (
    <div className="apply-confirm" role="group" aria-labelledby={`apply-${category}`} data-testid="apply-confirm">
      <p id={`apply-${category}`}>
        <strong>
          Apply {changes.length + deletions.length} {label} suggestion{changes.length + deletions.length === 1 ? '' : 's'}?
        </strong>{' '}
        You can undo this afterwards.
      </p>
      {changes.length > 0 && (
        <ul data-testid="apply-changes">
          {changes.map(({ f, key }) => (
            <li key={key}>
              “{cut(f.excerpt)}” → “{f.suggestions[0]}”
            </li>
          ))}
        </ul>
      )}
      {deletions.length > 0 && (
        <>
          <p className="goes">
            {deletions.length === 1 ? 'One suggestion deletes words' : `${deletions.length} suggestions delete words`}; these would go:
          </p>
          <ul data-testid="apply-deletions">
            {deletions.map(({ f, key }) => (
              <li key={key} className="goes">
                <del>{cut(f.excerpt)}</del>
              </li>
            ))}
          </ul>
          <label>
            <input type="checkbox" data-testid="apply-allow-deletions" checked={deleting} onChange={(e) => setDeleting(e.target.checked)} /> Delete {deletions.length === 1 ? 'it' : 'them'} too
          </label>
        </>
      )}
      <div className="actions">
        <button
          type="button"
          data-testid="apply-confirm-button"
          disabled={!chosen.length}
          onClick={() => {
            setAsking(false);
            setDeleting(false);
            onApply(chosen.map((x) => x.key));
          }}
        >
          Apply {chosen.length} change{chosen.length === 1 ? '' : 's'}
        </button>
        <button type="button" className="link" onClick={() => (setAsking(false), setDeleting(false))}>
          Cancel
        </button>
      </div>
    </div>
  );
}

/**
 * A card's place in the list: whether it is active. The active card is also named by its place
 * (`finding-<n>`, as the keyboard moves); the others only by their key, so that a finding coming or going
 * near the start of a long draft does not rename every card after it. The card inside is not drawn again.
 */
function FindingItem({
  fkey,
  index,
  active,
  category,
  rule,
  onSelect,
  before,
  place,
  children,
}: {
  fkey: string;
  index: number;
  active: boolean;
  category: Category;
  rule: string;
  onSelect: (key: string) => void;
  /** Space before the card for the cards not drawn before it (a long list), in pixels. */
  before: number;
  /** The card's place among those shown, said to screen readers when not every card is in the page. */
  place?: { at: number; of: number };
  children: ReactNode;
}) {
  return (
    <li
      style={before ? { marginTop: before } : undefined}
      aria-posinset={place?.at}
      aria-setsize={place?.of}
      id={active ? `finding-${index}` : undefined}
      data-key={fkey}
      className={`finding${active ? ' active' : ''}`}
      data-testid="finding"
      data-category={category}
      data-rule={rule}
      tabIndex={active ? 0 : -1}
      aria-current={active ? 'true' : undefined}
      onFocus={() => onSelect(fkey)}
    >
      {children}
    </li>
  );
}

/** Whether two findings with the same key show the same (the subject, say, can change a message). */
function sameLook(a: Finding, b: Finding): boolean {
  return (
    a === b ||
    (a.message === b.message &&
      a.severity === b.severity &&
      a.excerpt === b.excerpt &&
      a.note === b.note &&
      a.rationale === b.rationale &&
      a.source.title === b.source.title &&
      a.source.locator === b.source.locator &&
      a.suggestions.length === b.suggestions.length &&
      a.suggestions.every((x, k) => x === b.suggestions[k]))
  );
}

/** One finding: its message, suggestions, why, accept and dismiss. Drawn again only when what it shows changes. */
const FindingCard = memo(
  function FindingCard({ finding: f, fkey, onAccept, onDismiss, onExplain }: Actions & { finding: Finding; fkey: string }) {
    const [choice, setChoice] = useState(0);
    const [reading, setReading] = useState<Reading | null>(null);
    const [readingError, setReadingError] = useState('');
    const [dismissing, setDismissing] = useState(false);
    const [reason, setReason] = useState('');
    const suggestion = f.suggestions[choice] ?? f.suggestions[0];
    return (
      <>
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
            void onExplain(fkey).then((r) => (r.ok ? setReading(r.value) : setReadingError(r.error.message)));
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
            <button type="button" data-testid="accept" onClick={() => onAccept(fkey, suggestion)}>
              Accept
            </button>
          )}
          <button type="button" data-testid="dismiss" onClick={() => setDismissing(true)} aria-expanded={dismissing}>
            Dismiss
          </button>
          <button type="button" className="link" onClick={() => document.getElementById(`hl-${fkey}`)?.scrollIntoView({ block: 'center' })}>
            Jump to text
          </button>
        </div>
        {dismissing && (
          <form
            className="dismiss"
            onSubmit={(e) => {
              e.preventDefault();
              if (reason.trim()) onDismiss(fkey, reason.trim());
            }}
          >
            <fieldset className="reasons">
              <legend>Why keep these words?</legend>
              {PRESET_REASONS.map((r) => (
                <button key={r} type="button" data-testid="dismiss-preset" onClick={() => onDismiss(fkey, r)}>
                  {r}
                </button>
              ))}
            </fieldset>
            <label>
              Or in your own words{' '}
              <input data-testid="dismiss-reason" value={reason} onChange={(e) => setReason(e.target.value)} autoFocus required />
            </label>
            <button type="submit" data-testid="dismiss-confirm">
              Dismiss finding
            </button>
            <button type="button" className="link" onClick={() => (setDismissing(false), setReason(''))}>
              Cancel
            </button>
          </form>
        )}
      </>
    );
  },
  (a, b) => a.fkey === b.fkey && sameLook(a.finding, b.finding) && a.onAccept === b.onAccept && a.onDismiss === b.onDismiss && a.onExplain === b.onExplain,
);
