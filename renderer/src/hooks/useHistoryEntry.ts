import { useEffect, useRef, useState, type MutableRefObject } from 'react';
import type { Input } from '../../../src/api/contract';
import { api } from '../api';
import { draftOf, type Session } from '../state';
import { historyChanged } from '../history-changes';

type Status = 'draft' | 'reviewed' | 'ready';

/**
 * The draft's entry in the history: recorded when the draft is opened, and again a moment after its text,
 * decisions or status change. Returns the entry's id (kept with the unsaved work) and a note when it failed.
 */
export function useHistoryEntry(s: Session, contentHash: MutableRefObject<string>, status: Status): { historyId: MutableRefObject<number | null>; historyNote: string } {
  const historyId = useRef<number | null>(null);
  const [historyNote, setHistoryNote] = useState('');
  /** The last change of the draft not yet recorded (it waits for the typing to pause). */
  const unsaved = useRef<Input<'historySave'> | null>(null);
  /** Entries are recorded one after another, in the order made (a draft's last change before the next draft). */
  const queue = useRef<Promise<unknown>>(Promise.resolve());
  const record = (entry: Input<'historySave'>) => {
    const r = queue.current.then(() => api.historySave(entry));
    queue.current = r.catch(() => undefined);
    return r;
  };
  useEffect(() => {
    if (!s.name || !contentHash.current) return;
    // another draft was opened (its entry is not made yet): the last change of the one before is recorded first
    if (historyId.current === null && unsaved.current?.id !== undefined) void record(unsaved.current).then((r) => r.ok && historyChanged());
    const entry = { ...(historyId.current ? { id: historyId.current } : {}), contentHash: contentHash.current, status, draft: draftOf(s) };
    unsaved.current = entry;
    const t = setTimeout(
      async () => {
        if (unsaved.current === entry) unsaved.current = null;
        const r = await record(entry);
        // (an answer for a draft no longer open leaves the open one's entry alone)
        if (r.ok && (entry.id === undefined ? historyId.current === null : historyId.current === entry.id)) {
          historyId.current = r.value.id;
          setHistoryNote('');
        } else if (!r.ok) setHistoryNote(r.error.code === 'Unavailable' ? r.error.message : `The history was not updated: ${r.error.message}`);
        if (r.ok) historyChanged();
      },
      historyId.current ? 1000 : 0,
    );
    return () => clearTimeout(t);
    // (the session's other fields, such as the view, do not change the entry)
  }, [s.name, s.text, s.acceptedList, s.dismissed, status]);
  return { historyId, historyNote };
}
