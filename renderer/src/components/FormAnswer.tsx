/**
 * One answer box of the form view: the answer as it will be pasted, its open findings marked in it, and Copy.
 * Copy never pastes open findings silently: with findings in the answer it says how many, lists them, and
 * offers the answer with the suggestions applied (the draft itself is not changed) or the answer as it is.
 * The box scrolls, so it takes the keyboard focus and is named after its question. Text is shown as text.
 */
import { useState, type ReactNode } from 'react';
import type { FormView } from '../../../src/api/contract';
import './review.css';

type Question = FormView['sections'][number]['questions'][number];

/** Puts text on the clipboard; older shells copy through a hidden text area. */
export async function copyText(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    const ta = document.createElement('textarea');
    ta.value = text;
    ta.setAttribute('readonly', '');
    ta.className = 'visually-hidden';
    document.body.appendChild(ta);
    ta.select();
    const done = document.execCommand('copy');
    ta.remove();
    return done;
  }
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** The answer's text with its findings marked. */
function Marked({ q }: { q: Question }) {
  const parts: ReactNode[] = [];
  let pos = 0;
  q.findings.forEach((f, k) => {
    if (f.start > pos) parts.push(q.text.slice(pos, f.start));
    parts.push(
      <mark key={k} className={`hl hl-${f.category}`} data-testid="form-finding" data-rule={f.rule} title={f.message}>
        {q.text.slice(f.start, f.end)}
      </mark>,
    );
    pos = f.end;
  });
  if (pos < q.text.length) parts.push(q.text.slice(pos));
  return <>{parts}</>;
}

export function FormAnswer({ q, limit, onNote }: { q: Question; limit: number; onNote: (note: string) => void }) {
  const [asking, setAsking] = useState(false);
  const n = q.findings.length;
  const over = q.box && q.text.length > limit;
  const fixable = q.findings.filter((f) => f.suggestion !== undefined).length;
  const copy = async (text: string, how: string) => {
    setAsking(false);
    onNote((await copyText(text)) ? `Copied the answer to “${q.title}”${how}.` : 'The text could not be copied; select it and copy it by hand.');
  };
  return (
    <>
      <div className="form-answer" role="region" tabIndex={0} aria-label={`Answer to “${q.title}”${n ? `, ${plural(n, 'open finding')}` : ''}`} data-testid="form-answer">
        <Marked q={q} />
      </div>
      <div className="actions">
        <button type="button" data-testid="copy" onClick={() => (n ? setAsking(true) : void copy(q.text, ''))} aria-expanded={n ? asking : undefined} aria-label={`Copy the answer to “${q.title}”`}>
          Copy
        </button>
        <span className={over ? 'over' : 'muted'}>
          {q.text.length.toLocaleString('en-GB')} characters{over ? ` — over the ${limit.toLocaleString('en-GB')} limit` : ''}
        </span>
        {n > 0 && (
          <span className="open-count" data-testid="form-open-count">
            {plural(n, 'open finding')} in this answer
          </span>
        )}
      </div>
      {asking && (
        <div className="copy-warning" role="group" aria-labelledby={`cw-${q.id}`} data-testid="copy-warning">
          <p id={`cw-${q.id}`}>
            <strong>{plural(n, 'open finding')} in this answer.</strong> Pasted as it is, the form gets these words:
          </p>
          <ul>
            {q.findings.map((f, k) => (
              <li key={k}>
                “{f.excerpt}”{f.suggestion === undefined ? ' (no suggestion: change it yourself)' : f.suggestion === '' ? ' → deleted' : ` → “${f.suggestion}”`}
              </li>
            ))}
          </ul>
          {q.applied !== undefined && fixable < n && <p className="muted">{plural(n - fixable, 'finding')} with no suggestion will stay as written.</p>}
          <div className="actions">
            {q.applied !== undefined && (
              <button type="button" data-testid="copy-applied" onClick={() => void copy(q.applied!, ` with ${plural(fixable, 'suggestion')} applied. The draft itself is unchanged: accept them in the check view to keep them`)}>
                Copy with the suggestions applied
              </button>
            )}
            <button type="button" data-testid="copy-as-is" onClick={() => void copy(q.text, `, with ${plural(n, 'open finding')} in it`)}>
              Copy as it is
            </button>
            <button type="button" className="link" onClick={() => setAsking(false)}>
              Cancel
            </button>
          </div>
        </div>
      )}
    </>
  );
}
