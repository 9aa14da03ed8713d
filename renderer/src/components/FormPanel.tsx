/**
 * The draft as the online NRM form: each section and question in the form's order with the text that
 * answers it, how sure the checker is of the placement, a character count against the box limit, and a Copy
 * button per box; then the form's own checks. Text is shown as text, never as HTML.
 */
import { useEffect, useState } from 'react';
import type { DraftData, FormView } from '../../../src/api/contract';
import { api } from '../api';
import { FormAnswer } from './FormAnswer';

/** The user's placements: a paragraph's text to the question it answers. */
export type Placements = Record<string, string>;

const pct = (n: number) => `${Math.round(n * 100)}%`;

type Question = FormView['sections'][number]['questions'][number];

/**
 * Under an answer: its paragraphs, each with the question it goes to, which the user may change. Drawn only
 * while open: a long draft has hundreds of paragraphs and the form some forty questions.
 */
function MovePieces({ question: q, outline, onMove }: { question: Question; outline: FormView['outline']; onMove: (text: string, to: string | null) => void }) {
  const [open, setOpen] = useState(false);
  const sections = [...new Set(outline.map((o) => o.section))];
  return (
    <details className="pieces" onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary>Move a paragraph of this answer to another question</summary>
      {open && (
        <ul>
          {q.pieces.map((p, k) => (
            <li key={k} data-testid="form-piece" data-how={p.how}>
              <span className="piece-text">{short(p.text)}</span>
              {p.how === 'user' && <span className="muted"> (placed by you)</span>}{' '}
              <select
                data-testid="move-piece"
                aria-label={`Question for the paragraph “${short(p.text)}”`}
                value={q.id}
                onChange={(e) => onMove(p.text, e.target.value === '' ? null : e.target.value)}
              >
                {p.how === 'user' && <option value="">Let the checker place it</option>}
                {sections.map((sec) => (
                  <optgroup key={sec} label={outline.find((o) => o.section === sec)!.sectionTitle}>
                    {outline
                      .filter((o) => o.section === sec)
                      .map((o) => (
                        <option key={o.id} value={o.id}>
                          {o.title}
                        </option>
                      ))}
                  </optgroup>
                ))}
              </select>
            </li>
          ))}
        </ul>
      )}
    </details>
  );
}

const short = (t: string) => (t.length > 60 ? `${t.slice(0, 57).trimEnd()}…` : t);

export function FormPanel({ draft, onMove, onExport }: { draft: DraftData; onMove: (piece: string, question: string | null) => void; onExport: (format: 'docx' | 'txt') => void }) {
  const [view, setView] = useState<FormView | null>(null);
  const [note, setNote] = useState('');
  // laid out again when the text, the decisions or the placements change
  const key = JSON.stringify([draft.text, draft.placements ?? [], draft.dismissed.length, draft.accepted.length]);
  useEffect(() => {
    const t = setTimeout(async () => {
      const r = await api.formMap({ draft });
      if (r.ok) setView(r.value);
      else setNote(r.error.message);
    }, 200);
    return () => clearTimeout(t);
  }, [key]); // `key` stands for the draft's content

  if (!view) return <p className="muted">Laying the draft out as the form…</p>;
  // The form's sections in its order: each question the draft answers, and in its place each question the
  // form will ask that the draft leaves open.
  const layout = [...new Set(view.outline.map((o) => o.section))].flatMap((id) => {
    const answered = view.sections.find((x) => x.id === id);
    const items = view.outline
      .filter((o) => o.section === id)
      .flatMap((o): ({ kind: 'answer'; q: Question } | { kind: 'open'; open: FormView['outline'][number]; missing: FormView['missing'] })[] => {
        const q = answered?.questions.find((x) => x.id === o.id);
        if (q) return [{ kind: 'answer', q }];
        const missing = view.missing.filter((m) => m.formQuestion === o.id);
        return missing.length ? [{ kind: 'open', open: o, missing }] : [];
      });
    return items.length ? [{ id, title: view.outline.find((o) => o.section === id)!.sectionTitle, items }] : [];
  });
  const shown = new Set(layout.map((x) => x.title));
  const unanswered = view.unanswered.filter((t) => !shown.has(t));
  return (
    <div className="form-view" data-testid="form-view">
      <p className="muted">
        The online form asks these questions in this order. Each box below is ready to paste; check it first. A box holds {view.limit.toLocaleString('en-GB')} characters.
      </p>
      <div className="actions">
        <button type="button" data-testid="export-form-docx" onClick={() => onExport('docx')}>
          Form-ready Word document
        </button>
        <button type="button" data-testid="export-form-txt" onClick={() => onExport('txt')}>
          Form-ready text
        </button>
      </div>
      <p role="status" aria-live="polite" className="visually-hidden">
        {note}
      </p>
      {note && <p className="note">{note}</p>}
      {view.draftTitle && (
        <p className="muted" data-testid="form-draft-title">
          The draft’s title, “{view.draftTitle}”, answers no question and goes in no box.
        </p>
      )}
      {(view.issues.length > 0 || view.missing.length > 0) && (
        <section aria-labelledby="form-checks-title" className="form-checks" data-testid="form-checks">
          <h3 id="form-checks-title">For the form</h3>
          <ul>
            {view.issues.map((i, k) => (
              <li key={`i${k}`} data-testid="form-issue" data-rule={i.rule}>
                <span className={`sev sev-${i.severity}`}>{i.severity}</span> {i.message}
                <br />
                <span className="question">Ask: {i.question}</span>
              </li>
            ))}
            {view.missing.map((m) => (
              <li key={m.element} data-testid="form-missing" data-element={m.element}>
                {m.message}
                <br />
                <span className="question">Ask: {m.question}</span>
              </li>
            ))}
          </ul>
        </section>
      )}
      {layout.map((s) => (
        <section key={s.id} className="form-section" aria-labelledby={`fs-${s.id}`} data-testid="form-section" data-section={s.id}>
          <h3 id={`fs-${s.id}`}>{s.title}</h3>
          {s.items.map((item) => {
            if (item.kind === 'open') {
              const o = item.open;
              return (
                <div key={o.id} className="form-question open" data-testid="form-open-question" data-question={o.id}>
                  <h4>{o.title}</h4>
                  <p>
                    <strong>Not answered in the draft.</strong> {item.missing.map((m) => m.message).join(' ')}
                  </p>
                  {item.missing.map((m) => (
                    <p key={m.element} className="question">
                      Ask: {m.question}
                    </p>
                  ))}
                </div>
              );
            }
            const q = item.q;
            return (
              <div key={q.id} className="form-question" data-testid="form-question" data-question={q.id}>
                <div className="form-question-head">
                  <h4 id={`fq-${q.id}`}>{q.title}</h4>
                  <span className={`confidence ${q.confidence < 0.5 ? 'low' : ''}`} title="How sure the checker is that this text answers this question">
                    {q.confidence < 0.5 ? 'Check the placement: ' : 'Placed with '}
                    {pct(q.confidence)} confidence
                  </span>
                </div>
                {q.hint && <p className="muted hint">{q.hint}</p>}
                <FormAnswer q={q} limit={view.limit} onNote={setNote} />
                <MovePieces
                  question={q}
                  outline={view.outline}
                  onMove={(text, to) => {
                    onMove(text, to);
                    setNote(to === null ? 'The checker places that paragraph again.' : `Moved the paragraph to “${view.outline.find((o) => o.id === to)?.title ?? to}”.`);
                  }}
                />
              </div>
            );
          })}
        </section>
      ))}
      {unanswered.length > 0 && (
        <p className="muted" data-testid="form-unanswered">
          Sections with nothing from this draft: {unanswered.join(', ')}.
        </p>
      )}
    </div>
  );
}
