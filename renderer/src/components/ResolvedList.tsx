/**
 * What the writer has decided, by category: each accepted suggestion and each dismissal with its reason, and
 * an Undo beside each, so no decision is final. An accepted suggestion whose words were changed since cannot be
 * taken back on its own (the Undo button of the toolbar still can).
 */
import type { Category } from '../../../src/engine/types';
import { CATEGORY_LABELS } from '../../../src/api/labels';
import type { Accepted } from '../decisions';
import type { Dismissal } from '../state';
import './review.css';

const ORDER: Category[] = ['disbelief', 'victim-blaming', 'jargon'];
const cut = (t: string) => (t.length > 80 ? `${t.slice(0, 77)}…` : t);

export function ResolvedList({ accepted, dismissed, onUnaccept, onUndismiss }: { accepted: readonly Accepted[]; dismissed: readonly Dismissal[]; onUnaccept: (index: number) => void; onUndismiss: (index: number) => void }) {
  const total = accepted.length + dismissed.length;
  if (!total) return null;
  return (
    <section className="resolved" aria-labelledby="resolved-title" data-testid="resolved">
      <h2 id="resolved-title">Resolved ({total})</h2>
      {ORDER.map((cat) => {
        const acc = accepted.flatMap((a, i) => (a.finding.category === cat ? [{ a, i }] : []));
        const dis = dismissed.flatMap((d, i) => (d.finding.category === cat ? [{ d, i }] : []));
        const n = acc.length + dis.length;
        if (!n) return null;
        return (
          <details key={cat} data-testid="resolved-category" data-category={cat}>
            <summary>
              <span className={`chip chip-${cat}`} aria-hidden="true" /> {CATEGORY_LABELS[cat]}: resolved ({n})
            </summary>
            <ul>
              {acc.map(({ a, i }) => (
                <li key={`a${i}`} data-testid="resolved-item" data-kind="accepted" data-rule={a.finding.rule}>
                  <span>
                    “{cut(a.finding.excerpt)}” {a.suggestion === '' ? 'deleted' : <>→ “{cut(a.suggestion)}”</>} <span className="muted">(accepted)</span>
                  </span>
                  {a.at ? (
                    <button type="button" data-testid="undo-decision" onClick={() => onUnaccept(i)} aria-label={`Undo accepting “${cut(a.suggestion || a.finding.excerpt)}”`}>
                      Undo
                    </button>
                  ) : (
                    <span className="muted">changed since: use Undo in the toolbar</span>
                  )}
                </li>
              ))}
              {dis.map(({ d, i }) => (
                <li key={`d${i}`} data-testid="resolved-item" data-kind="dismissed" data-rule={d.finding.rule}>
                  <span>
                    “{cut(d.excerpt)}” <span className="muted">(dismissed: {d.reason})</span>
                  </span>
                  <button type="button" data-testid="undo-decision" onClick={() => onUndismiss(i)} aria-label={`Undo dismissing “${cut(d.excerpt)}”`}>
                    Undo
                  </button>
                </li>
              ))}
            </ul>
          </details>
        );
      })}
    </section>
  );
}
