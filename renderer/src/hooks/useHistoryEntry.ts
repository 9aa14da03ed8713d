import { useEffect, useRef, useState, type MutableRefObject } from 'react';
import { api } from '../api';
import { draftOf, type Session } from '../state';

type Status = 'draft' | 'reviewed' | 'ready';

/**
 * The draft's entry in the history: recorded when the draft is opened, and again a moment after its text,
 * decisions or status change. Returns the entry's id (kept with the unsaved work) and a note when it failed.
 */
export function useHistoryEntry(s: Session, contentHash: MutableRefObject<string>, status: Status): { historyId: MutableRefObject<number | null>; historyNote: string } {
  const historyId = useRef<number | null>(null);
  const [historyNote, setHistoryNote] = useState('');
  useEffect(() => {
    if (!s.name || !contentHash.current) return;
    const t = setTimeout(
      async () => {
        const r = await api.historySave({ ...(historyId.current ? { id: historyId.current } : {}), contentHash: contentHash.current, status, draft: draftOf(s) });
        if (r.ok) {
          historyId.current = r.value.id;
          setHistoryNote('');
        } else setHistoryNote(r.error.code === 'Unavailable' ? r.error.message : `The history was not updated: ${r.error.message}`);
      },
      historyId.current ? 1000 : 0,
    );
    return () => clearTimeout(t);
    // (the session's other fields, such as the view, do not change the entry)
  }, [s.name, s.text, s.acceptedList, s.dismissed, status]);
  return { historyId, historyNote };
}
