import { useEffect, useRef, useState, type MutableRefObject } from 'react';
import { api } from '../api';
import { decisions, isDirty, type Session } from '../state';
import { keepWindowOpen, windowId } from '../window';

type Status = 'draft' | 'reviewed' | 'ready';

/**
 * Unsaved work: kept on disk a moment after each change, so a crash or a closed window loses nothing, and
 * removed when the draft is back as it was opened. Each opened draft is kept under its own id (`workId`);
 * `kept` says whether something is on disk for it. A save waiting for its moment runs at once if the window
 * goes away. The work is this window's (see ../window.ts), which tells the checker the window is open for as
 * long as it is. Returns a note when the work could not be kept.
 */
export function useKeptWork(
  s: Session,
  o: { workId: MutableRefObject<string | null>; kept: MutableRefObject<boolean>; contentHash: MutableRefObject<string>; historyId: MutableRefObject<number | null>; placements: { text: string; question: string }[]; status: Status },
): string {
  const [keptNote, setKeptNote] = useState('');
  const pendingSave = useRef<(() => void) | null>(null);
  useEffect(() => keepWindowOpen(), []);
  useEffect(() => {
    const flush = () => pendingSave.current?.();
    window.addEventListener('pagehide', flush);
    return () => window.removeEventListener('pagehide', flush);
  }, []);
  const placementKey = JSON.stringify(o.placements);
  useEffect(() => {
    const id = o.workId.current;
    if (!id || !s.name) return;
    const dirty = isDirty(s) || o.placements.length > 0;
    if (!dirty) {
      if (o.kept.current) void api.recoveryClear({ id, window: windowId }).then(() => (o.kept.current = false));
      return;
    }
    const save = async () => {
      pendingSave.current = null;
      const r = await api.recoverySave({
        id,
        window: windowId,
        work: {
          name: s.name,
          ...(o.contentHash.current ? { contentHash: o.contentHash.current } : {}),
          ...(o.historyId.current ? { historyId: o.historyId.current } : {}),
          ...(o.placements.length ? { placements: o.placements } : {}),
          status: o.status,
          original: s.original,
          text: s.text,
          warnings: s.warnings,
          ...decisions(s),
        },
      });
      if (r.ok) {
        o.kept.current = true;
        setKeptNote('');
      } else setKeptNote(r.error.code === 'Unavailable' ? '' : r.error.message);
    };
    pendingSave.current = () => void save();
    const t = setTimeout(() => void save(), 500);
    return () => {
      clearTimeout(t);
      pendingSave.current = null;
    };
  }, [s, o.status, placementKey]);
  return keptNote;
}
