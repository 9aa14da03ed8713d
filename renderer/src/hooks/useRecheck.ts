import { startTransition, useEffect, useRef, type Dispatch, type MutableRefObject } from 'react';
import { api } from '../api';
import { draftOf, type Action, type Session } from '../state';

/**
 * Asks the core for the draft's view again as the text changes (debounced), after undo and redo, and at once
 * after a dismissal: the core says what is open and what the score is. `skip` is set when the caller has just
 * asked itself (a restored draft). A draft the core cannot check (too large, or it took too long) is said
 * through `problem`; the findings shown stay those of the last revision checked. The new view is drawn as a
 * transition: in a long draft it is drawn a piece at a time, between the user's key presses, never holding
 * one up.
 */
export function useRecheck(s: Session, dispatch: Dispatch<Action>, skip: MutableRefObject<boolean>, problem: (message: string) => void): void {
  const lastText = useRef('');
  useEffect(() => {
    if (skip.current || !s.name) {
      skip.current = false;
      lastText.current = s.text;
      return;
    }
    const draft = draftOf(s);
    const typed = draft.text !== lastText.current;
    lastText.current = draft.text;
    const t = setTimeout(
      async () => {
        const r = await api.lint({ draft });
        if (r.ok) startTransition(() => dispatch({ type: 'linted', text: draft.text, dismissed: draft.dismissed.length, result: r.value }));
        else problem(r.error.message);
      },
      typed ? 250 : 0,
    );
    return () => clearTimeout(t);
  }, [s.text, s.name, s.dismissed]);
}
