import { useEffect, type Dispatch } from 'react';
import type { Finding } from '../../../src/api/contract';
import type { Action } from '../state';

/** Keyboard review: j / k next and previous finding, a accept, d dismiss; Ctrl+Z / Ctrl+Shift+Z undo and redo. */
export function useReviewKeys(o: { visible: boolean; findings: readonly Finding[]; keys: readonly string[]; active: number; setActive: (i: number) => void; accept: (key: string, suggestion: string) => void; dispatch: Dispatch<Action> }): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (!o.visible) return;
      const target = e.target as HTMLElement;
      if (target.closest('input, textarea, select')) return;
      if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === 'z') {
        e.preventDefault();
        o.dispatch({ type: e.shiftKey ? 'redo' : 'undo' });
        return;
      }
      if (e.ctrlKey || e.metaKey || e.altKey || !o.findings.length) return;
      const go = (i: number) => {
        o.setActive(i);
        document.querySelector<HTMLElement>(`[data-testid="finding"][data-key="${CSS.escape(o.keys[i] ?? '')}"]`)?.focus();
        document.getElementById(`hl-${o.keys[i]}`)?.scrollIntoView({ block: 'nearest' });
      };
      if (!['j', 'k', 'a', 'd'].includes(e.key)) return;
      // the key is the command, not a letter: `d` opens the reason box and must not be typed into it
      e.preventDefault();
      if (e.key === 'j') go(Math.min(o.findings.length - 1, o.active + 1));
      else if (e.key === 'k') go(Math.max(0, o.active - 1));
      else if (e.key === 'a' && o.findings[o.active]?.suggestions.length) o.accept(o.keys[o.active]!, o.findings[o.active]!.suggestions[0]!);
      else if (e.key === 'd') document.querySelector<HTMLButtonElement>(`#finding-${o.active} [data-testid="dismiss"]`)?.click();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  });
}
