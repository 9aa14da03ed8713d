import { useEffect, useRef, type Dispatch } from 'react';
import type { Finding } from '../../../src/api/contract';
import type { Category } from '../../../src/engine/types';
import { shownFindings } from '../components/FindingList';
import type { Action } from '../state';

const cardOf = (key: string) => document.querySelector<HTMLElement>(`[data-testid="finding"][data-key="${CSS.escape(key)}"]`);

/**
 * Keyboard review: j / k next and previous finding (among the cards shown), a accept, d dismiss; Ctrl+Z /
 * Ctrl+Shift+Z undo and redo. Whenever the active finding changes (a key, a click on a card or on its words),
 * its card and its words are brought into view, each in its own scroll.
 */
/**
 * Scrolls an element into view, and again in the frames after until it stays put: cards of a long list not
 * drawn, and paragraphs off screen (not laid out: content-visibility), stand at an estimated size until drawn,
 * so the first scroll can land off once the ones it passed take their real size.
 */
function bringIntoView(el: Element | null | undefined): void {
  if (!el) return;
  el.scrollIntoView({ block: 'nearest' });
  let frames = 0;
  const again = () => {
    if (!el.isConnected || ++frames > 8) return;
    const top = el.getBoundingClientRect().top;
    el.scrollIntoView({ block: 'nearest' });
    // still moving: the cards it passed are taking their real size; look again next frame
    if (Math.abs(el.getBoundingClientRect().top - top) > 1) requestAnimationFrame(again);
  };
  requestAnimationFrame(() => requestAnimationFrame(again));
}

export function useReviewKeys(o: {
  visible: boolean;
  findings: readonly Finding[];
  keys: readonly string[];
  /** The category the list shows alone, or null: j and k move through the cards shown. */
  only: Category | null;
  active: number;
  setActive: (i: number) => void;
  accept: (key: string, suggestion: string) => void;
  dispatch: Dispatch<Action>;
}): void {
  const activeKey = o.keys[o.active] ?? null;
  /** Set when a key moved to another card: it takes the focus once drawn (a long list draws the active card wherever it is). */
  const focusNext = useRef(false);
  useEffect(() => {
    if (!o.visible || activeKey === null) return;
    const card = cardOf(activeKey);
    const stepped = focusNext.current;
    focusNext.current = false;
    if (card && stepped) card.focus({ preventScroll: true });
    // not while the user works inside the card (a click on it must land where it was pressed)
    if (card && (stepped || !card.contains(document.activeElement))) bringIntoView(card);
    bringIntoView(document.getElementById(`hl-${activeKey}`));
  }, [o.visible, activeKey]);
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (!o.visible) return;
      const target = e.target as HTMLElement;
      if (target.closest('input, textarea, select, [contenteditable], .draft-editor')) return;
      if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === 'z') {
        e.preventDefault();
        o.dispatch({ type: e.shiftKey ? 'redo' : 'undo' });
        return;
      }
      if (e.ctrlKey || e.metaKey || e.altKey || !o.findings.length) return;
      /** Moves to the next (or previous) card shown, from the active one or from where it would be. */
      const step = (by: 1 | -1) => {
        const { shown } = shownFindings(o.findings, o.only);
        if (!shown.length) return;
        const at = shown.indexOf(o.active);
        const next = at >= 0 ? shown[Math.min(shown.length - 1, Math.max(0, at + by))]! : by > 0 ? (shown.find((i) => i > o.active) ?? shown[shown.length - 1]!) : ([...shown].reverse().find((i) => i < o.active) ?? shown[0]!);
        if (next === o.active) {
          const card = cardOf(o.keys[next] ?? '');
          card?.focus({ preventScroll: true });
          bringIntoView(card);
          return;
        }
        focusNext.current = true;
        o.setActive(next);
      };
      if (!['j', 'k', 'a', 'd'].includes(e.key)) return;
      // the key is the command, not a letter: `d` opens the reason box and must not be typed into it
      e.preventDefault();
      if (e.key === 'j') step(1);
      else if (e.key === 'k') step(-1);
      else if (e.key === 'a' && o.findings[o.active]?.suggestions.length) o.accept(o.keys[o.active]!, o.findings[o.active]!.suggestions[0]!);
      else if (e.key === 'd') document.querySelector<HTMLButtonElement>(`#finding-${o.active} [data-testid="dismiss"]`)?.click();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  });
}
