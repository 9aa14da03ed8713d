/**
 * Trainer mode: built-in example drafts (or the trainer's own draft) stepped through from the original to the
 * cleaned version, one change at a time with its reason and source, or shown whole before and after, side by
 * side. The presentation view hides the app's chrome, enlarges everything for a room and scrolls to each change.
 */
import { useEffect, useRef, useState, type ReactNode } from 'react';
import type { Outputs } from '../../src/api/contract';
import { api } from './api';
import { toBase64 } from './save';
import { CATEGORY_LABELS as CATEGORIES, labelOf } from '../../src/api/labels';

type Example = Outputs['trainerGet'];

const CATEGORY_LABELS: Record<string, string> = { ...CATEGORIES, 'missing-element': 'Missing element' };

/** Text with marked spans (in order, not overlapping), each numbered by its step; the current step's stands out. */
function marked(text: string, spans: { start: number; end: number; step: number }[], current: number, side: string): ReactNode[] {
  const out: ReactNode[] = [];
  let at = 0;
  for (const sp of [...spans].sort((a, b) => a.start - b.start)) {
    if (sp.start < at) continue;
    out.push(text.slice(at, sp.start));
    out.push(
      <mark key={`${side}-${sp.step}`} className={`changed ${side}${sp.step === current ? ' current' : ''}`} data-step={sp.step}>
        {text.slice(sp.start, sp.end)}
      </mark>,
    );
    at = sp.end;
  }
  out.push(text.slice(at));
  return out;
}

export function TrainerView({ presenting, onPresenting }: { presenting: boolean; onPresenting: (on: boolean) => void }) {
  const [list, setList] = useState<Outputs['trainerList']>([]);
  const [ex, setEx] = useState<Example | null>(null);
  const [step, setStep] = useState(0);
  const [error, setError] = useState('');
  const [note, setNote] = useState('');
  const [compare, setCompare] = useState(false);

  useEffect(() => {
    void api.trainerList({}).then((r) => (r.ok ? setList(r.value) : setError(r.error.message)));
  }, []);

  // Choosing an example (or going back to the list) takes away the button that was pressed: the keyboard
  // focus goes to the heading of what is shown now, not back to the top of the page.
  const title = useRef<HTMLHeadingElement>(null);
  const shownId = ex?.id ?? null;
  const first = useRef(true);
  useEffect(() => {
    if (first.current) first.current = false;
    else title.current?.focus();
  }, [shownId]);

  const choose = async (id: string) => {
    const r = await api.trainerGet({ id });
    if (r.ok) {
      setEx(r.value);
      setStep(0);
    } else setError(r.error.message);
  };
  /** The trainer's own draft as an example, for this session only. */
  const loadOwn = async (file: File) => {
    setNote(`Reading ${file.name}…`);
    const r = await api.trainerOwn({ name: file.name, data: toBase64(await file.arrayBuffer()) });
    if (r.ok) {
      setNote('');
      setEx(r.value);
      setStep(0);
    } else setNote(r.error.message);
  };

  // Each change is brought into view as the steps move (in the presentation view, the room follows it).
  useEffect(() => {
    if (!ex || step === 0) return;
    for (const m of document.querySelectorAll('.trainer-view mark.current')) m.scrollIntoView({ block: 'center', behavior: 'smooth' });
  }, [ex, step, compare, presenting]);

  const total = ex?.steps.length ?? 0;
  // ← and → move through the steps; Escape leaves the presentation view.
  useEffect(() => {
    if (!ex) return;
    const onKey = (e: KeyboardEvent) => {
      if ((e.target as HTMLElement).closest('input, textarea, select, [contenteditable], .draft-editor')) return;
      if (e.key === 'ArrowRight') setStep((s) => Math.min(total, s + 1));
      else if (e.key === 'ArrowLeft') setStep((s) => Math.max(0, s - 1));
      else if (e.key === 'Escape' && presenting) onPresenting(false);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [ex, total, presenting, onPresenting]);

  if (error)
    return (
      <p className="error" role="alert">
        {error}
      </p>
    );
  if (!ex)
    return (
      <section className="trainer-view" aria-labelledby="trainer-title">
        <h2 id="trainer-title" ref={title} tabIndex={-1}>
          Trainer
        </h2>
        <p>Example drafts written for training (not real cases). Each steps from the draft as written to a stronger referral, one change at a time, with the reason for each.</p>
        <ul className="examples" data-testid="trainer-list">
          {list.map((e) => (
            <li key={e.id}>
              <button type="button" className="example" data-testid="trainer-example" onClick={() => void choose(e.id)}>
                <strong>{e.title}</strong>
                <span>{e.summary}</span>
                <span className="muted">
                  About {e.person === 'child' ? 'a child' : 'an adult'} · {e.steps} steps · {[...e.categories.map((c) => CATEGORY_LABELS[c] ?? c), ...e.missing.map((m) => `missing ${labelOf(m)}`)].join(', ')}
                </span>
              </button>
            </li>
          ))}
        </ul>
        <h3>Your own draft</h3>
        <p>Show a draft of your own the same way: the changes the checker can word, one at a time, and what is left to talk through. It is not kept.</p>
        <label className="button">
          Use your own draft…
          <input
            type="file"
            className="visually-hidden"
            data-testid="trainer-own"
            accept=".docx,.pdf,.txt,.md"
            onChange={(e) => {
              const f = e.target.files?.[0];
              e.target.value = '';
              if (f) void loadOwn(f);
            }}
          />
        </label>
        {note && (
          <p role="status" data-testid="trainer-note">
            {note}
          </p>
        )}
      </section>
    );

  const current = step > 0 ? ex.steps[step - 1]! : null;
  const text = current ? current.text : ex.original;
  return (
    <section className="trainer-view" aria-labelledby="trainer-title">
      <div className="trainer-head">
        <h2 id="trainer-title" ref={title} tabIndex={-1}>
          {ex.title}
        </h2>
        <div className="actions">
          <button type="button" onClick={() => setEx(null)}>
            All examples
          </button>
          <button type="button" aria-pressed={compare} data-testid="compare" onClick={() => setCompare((c) => !c)}>
            {compare ? 'One change at a time' : 'Before and after'}
          </button>
          <button type="button" aria-pressed={presenting} data-testid="present" onClick={() => onPresenting(!presenting)}>
            {presenting ? 'Leave presentation view' : 'Presentation view'}
          </button>
        </div>
      </div>
      <p className="muted">{ex.summary}</p>
      <div className="stepper" role="group" aria-label="Steps">
        <button type="button" data-testid="step-prev" onClick={() => setStep((s) => Math.max(0, s - 1))} disabled={step === 0}>
          ← Previous
        </button>
        <span role="status" aria-live="polite" data-testid="step-count">
          {step === 0 ? `The draft as written · ${total} changes to make` : step === total ? `Step ${step} of ${total} · the cleaned draft` : `Step ${step} of ${total}`}
        </span>
        <button type="button" data-testid="step-next" onClick={() => setStep((s) => Math.min(total, s + 1))} disabled={step === total}>
          Next →
        </button>
      </div>
      {ex.left.length > 0 && (
        <details className="left" data-testid="trainer-left">
          <summary>{ex.left.length} more to talk through (the checker has no wording for them)</summary>
          <ul>
            {ex.left.map((m, i) => (
              <li key={i}>{m}</li>
            ))}
          </ul>
        </details>
      )}
      {compare && current && (
        <p data-testid="compare-reason">
          <strong>{CATEGORY_LABELS[current.category] ?? current.category}:</strong> {current.message}
        </p>
      )}
      {compare ? (
        <div className="before-after" data-testid="before-after">
          <section aria-labelledby="before-title">
            <h3 id="before-title">As written</h3>
            <div className="document trainer-text" data-testid="before-text">
              {marked(ex.original, ex.steps.flatMap((x, i) => (x.origStart !== undefined && x.origEnd !== undefined ? [{ start: x.origStart, end: x.origEnd, step: i + 1 }] : [])), step, 'before')}
            </div>
          </section>
          <section aria-labelledby="after-title">
            <h3 id="after-title">After the changes</h3>
            <div className="document trainer-text" data-testid="after-text">
              {marked(ex.cleaned, ex.steps.map((x, i) => ({ start: x.finalStart, end: x.finalEnd, step: i + 1 })), step, 'after')}
            </div>
          </section>
        </div>
      ) : (
      <div className="trainer-body">
        <div className="document trainer-text" data-testid="trainer-text" aria-label="The draft at this step">
          {current ? (
            <>
              {text.slice(0, current.start)}
              <mark className="changed current">{text.slice(current.start, current.end)}</mark>
              {text.slice(current.end)}
            </>
          ) : (
            text
          )}
        </div>
        <aside className="reason" aria-label="Why" data-testid="trainer-reason">
          {current ? (
            <>
              <p className="sev">{CATEGORY_LABELS[current.category] ?? current.category}</p>
              {current.kind === 'change' ? (
                <p>
                  <del>{current.before}</del> → <ins>{current.after || '(removed)'}</ins>
                </p>
              ) : (
                <p>
                  Added: <ins>{current.after}</ins>
                </p>
              )}
              <p>
                <strong>{current.message}</strong>
              </p>
              <p>{current.rationale}</p>
              <p className="source">Source: {current.source}</p>
            </>
          ) : (
            <p>Read the draft as a decision maker would. What does it say about the person, and what is missing? Press Next (or →) to see each change and why.</p>
          )}
        </aside>
      </div>
      )}
    </section>
  );
}
