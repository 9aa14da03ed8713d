import { lazy, startTransition, Suspense, useCallback, useEffect, useMemo, useReducer, useRef, useState, type ReactNode } from 'react';
import type { Category, Finding } from '../../src/engine/types';
import { api } from './api';
import { DocumentView } from './components/DocumentView';
import { FindingList } from './components/FindingList';
import { ResolvedList } from './components/ResolvedList';
import { flashRanges } from './flash';
import { FormPanel, type Placements } from './components/FormPanel';
import { MissingList, ScorePanel } from './components/Sidebar';
import { saveFile, toBase64 } from './save';
import { draftOf, emptySession, reducer } from './state';
import { RestoreOffer, type KeptWork } from './components/RestoreOffer';
import { DraftToolbar } from './components/DraftToolbar';
import { ExportPanel } from './components/ExportPanel';
import { ImportErrorPanel } from './components/ImportErrorPanel';
import { useHistoryEntry } from './hooks/useHistoryEntry';
import { useRecheck } from './hooks/useRecheck';
import { useKeptWork } from './hooks/useKeptWork';
import { windowId } from './window';
import { onOpenRequest } from './open-request';
import { onCheckRequest } from './open-check';
import type { Work } from '../../src/api/contract';
import { subjectLine } from '../../src/api/labels';
import { blocksOrParagraphs, placeBlocks } from './blocks';
import { findingKeys, placeOn } from './finding-keys';
import { useReviewKeys } from './hooks/useReviewKeys';
import './components/long-draft.css';

type Status = 'draft' | 'reviewed' | 'ready';

/** The active finding: its key, and its place when last chosen (kept when the finding itself goes). */
interface Selection {
  key: string | null;
  index: number;
}
const FIRST: Selection = { key: null, index: 0 };

// The editor (CodeMirror, half of the app's code) is loaded the first time the user edits, not at start.
const DraftEditor = lazy(() => import('./components/DraftEditor').then((m) => ({ default: m.DraftEditor })));

/** A fresh id for one editing session of one draft (never derived from the document). */
function newWorkId(): string {
  const b = crypto.getRandomValues(new Uint8Array(12));
  return `w-${Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('')}`;
}

/** Checking one draft: open, review findings, accept or dismiss, edit, export. Recorded in the history. */
/** `welcome`: what the empty view offers besides opening a draft (the trainer, a sample draft). */
export function CheckView({ visible, welcome }: { visible: boolean; welcome?: ReactNode }) {
  const [s, dispatch] = useReducer(reducer, emptySession);
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<{ code: string; message: string; file?: File; remedy?: 'password' | 'ocr' } | null>(null);
  const [editing, setEditing] = useState(false);
  const [asForm, setAsForm] = useState(false);
  // Paragraphs the user moved to another question of the form (kept with the unsaved work).
  const [placements, setPlacements] = useState<Placements>({});
  const move = (piece: string, question: string | null) =>
    setPlacements((p) => {
      const next = { ...p };
      if (question) next[piece] = question;
      else delete next[piece];
      return next;
    });
  const placementList = Object.entries(placements).map(([text, question]) => ({ text, question }));
  const [selection, setSelection] = useState<Selection>(FIRST);
  /** The category the findings list shows alone (its filter), or null for all. */
  const [only, setOnly] = useState<Category | null>(null);
  const [status, setStatus] = useState('');
  const fileInput = useRef<HTMLInputElement>(null);

  // what is open and the score are the core's (the same in the report, the history and the CLI)
  const findings = useMemo(() => s.result?.open ?? [], [s.result]);
  // the text the findings were found in (a new check brings new findings; a dismissal keeps them)
  const checked = useMemo(() => s.text, [s.result?.findings]);
  // each finding's identity, kept through edits elsewhere
  const keys = useMemo(() => findingKeys(checked, findings), [checked, findings]);
  // and where each is in the text now, when the user has changed it since (until the next check lands)
  const placed = useMemo(() => placeOn(checked, s.text, findings, keys), [checked, s.text, findings, keys]);
  // and the headings, paragraphs and lists the check read, placed the same way
  const blocks = useMemo(() => blocksOrParagraphs(s.text, placeBlocks(checked, s.text, s.result?.blocks ?? [])), [checked, s.text, s.result?.blocks]);
  const found = selection.key === null ? -1 : keys.indexOf(selection.key);
  const active = found >= 0 ? found : Math.min(selection.index, Math.max(0, findings.length - 1));
  // The latest findings and text, for the actions below: they stay the same functions from one check to the
  // next, so the cards and paragraphs an edit did not change are not drawn again.
  const live = useRef({ findings, keys, placed, text: s.text, isChild: false });
  live.current = { findings, keys, placed, text: s.text, isChild: Boolean(s.result?.subject.isChild) };
  /** The finding with this key as the last check found it. */
  const checkedFinding = (key: string): Finding | undefined => live.current.findings[live.current.keys.indexOf(key)];
  /** The same where it is in the text now; none when an edit since the check touched it. */
  const placedFinding = (key: string): Finding | undefined => live.current.placed.findings[live.current.placed.keys.indexOf(key)];
  const onEdit = useCallback((text: string) => dispatch({ type: 'edited', text }), []);
  const select = useCallback((key: string) => setSelection({ key, index: live.current.keys.indexOf(key) }), []);
  const setActive = useCallback((i: number) => setSelection({ key: live.current.keys[i] ?? null, index: i }), []);
  const missing = s.result?.missing ?? [];
  const sc = s.result?.score ?? { total: 100, parts: [] };

  const [exporting, setExporting] = useState(false);
  // File > Open and File > Export in the desktop app's menu.
  useEffect(
    () =>
      window.nrm?.onEvent?.((e) => {
        if (e.type === 'open') fileInput.current?.click();
        if (e.type === 'export') setExporting(true);
      }),
    [],
  );

  const save = (file: { filename: string; mime: string; data: string }) => {
    saveFile(file);
    setStatus(`Saved ${file.filename}.`);
  };

  const exportDocx = async (mode: 'clean' | 'tracked') => {
    if (!s.original) return;
    const r = await api.exportDocx({ draft: draftOf(s), mode, appendix: true });
    if (r.ok) save(r.value);
    else setError({ code: r.error.code, message: r.error.message });
  };
  const exportForm = async (format: 'docx' | 'txt') => {
    const r = await api.exportForm({ draft: draftOf(s, placementList), format });
    if (r.ok) save(r.value);
    else setError({ code: r.error.code, message: r.error.message });
  };
  const exportReport = async (format: 'html' | 'pdf', maskNames: boolean) => {
    const r = await api.exportReport({ draft: draftOf(s), format, maskNames });
    if (r.ok) save(r.value);
    else setError({ code: r.error.code, message: r.error.message });
  };

  // The history: the draft is recorded when opened, and again (debounced) as decisions and text change.
  const contentHash = useRef('');
  const [draftStatus, setDraftStatus] = useState<Status>('draft');
  const { historyId, historyNote } = useHistoryEntry(s, contentHash, draftStatus);

  /** Skips the re-lint that a newly restored text would trigger (restore lints it itself). */
  const first = useRef(true);
  // Unsaved work: kept on disk a moment after each change, so a crash or a closed window loses nothing; it
  // goes when the draft is back as it was opened. Each opened draft is kept under its own id.
  const workId = useRef<string | null>(null);
  const kept = useRef(false);
  const keptNote = useKeptWork(s, { workId, kept, contentHash, historyId, placements: placementList, status: draftStatus });

  const [offers, setOffers] = useState<KeptWork[]>([]);
  useEffect(() => {
    // Only work no other open window is working on (another tab, or another copy of the app).
    void api.recoveryList({ window: windowId }).then((r) => r.ok && setOffers(r.value.kept));
  }, []);
  const restore = async (id: string) => {
    // The work moves to this window, under a new id that no other window saves to.
    const r = await api.recoveryRestore({ id, window: windowId });
    setOffers((o) => o.filter((x) => x.id !== id));
    if (!r.ok) {
      setStatus(r.error.message);
      return;
    }
    await resume(r.value.work, r.value.id, `Restored your unsaved work on ${r.value.work.name}.`);
  };
  /** Carries on with a draft as kept (unsaved work, under its id in this window) or as History saved it (a new id). */
  const resume = async (w: Work, keptId: string | null, done: string) => {
    workId.current = keptId ?? newWorkId();
    kept.current = keptId !== null;
    historyId.current = w.historyId ?? null;
    contentHash.current = w.contentHash ?? '';
    setDraftStatus(w.status ?? 'draft');
    setPlacements(Object.fromEntries((w.placements ?? []).map((p) => [p.text, p.question])));
    first.current = true;
    dispatch({ type: 'restored', name: w.name, text: w.text, original: w.original, warnings: w.warnings, acceptedList: w.accepted, dismissed: w.dismissed });
    setSelection(FIRST);
    const l = await api.lint({ draft: { name: w.name, original: w.original, text: w.text, accepted: w.accepted, dismissed: w.dismissed } });
    if (l.ok) dispatch({ type: 'linted', text: w.text, dismissed: w.dismissed.length, result: l.value });
    setStatus(l.ok ? done : `${done} It could not be checked: ${l.error.message}`);
  };
  // A check History asks to open: its unsaved work when kept, else its last saved revision.
  useEffect(
    () =>
      onCheckRequest((id) => {
        setError(null);
        void api.historyOpen({ id, window: windowId }).then((r) => {
          if (!r.ok) return setStatus(r.error.message);
          const w = r.value.work;
          void resume(w, r.value.from === 'unsaved' ? (r.value.workId ?? null) : null, r.value.from === 'unsaved' ? `Opened ${w.name} from History with your unsaved work.` : `Opened ${w.name} from History as it was last saved.`);
        });
      }),
    [],
  );
  const discard = async (id: string) => {
    const r = await api.recoveryClear({ id, window: windowId });
    setOffers((o) => o.filter((x) => x.id !== id));
    if (!r.ok) setStatus(r.error.message);
    else setStatus(r.value.cleared ? 'Unsaved work discarded.' : 'That unsaved work was no longer kept: it may have been restored or discarded in another window.');
  };

  const open = useCallback(async (file: File, opts: { password?: string; ocr?: boolean } = {}) => {
    setError(null);
    setBusy(opts.ocr ? `Reading ${file.name} with text recognition…` : `Reading ${file.name}…`);
    const data = toBase64(await file.arrayBuffer());
    const r = await api.importDocument({ name: file.name, data, ...opts });
    setBusy(null);
    if (!r.ok) {
      // the draft on screen is not the file asked for: put it away rather than leave it looking current
      if (live.current.text) {
        historyId.current = null;
        workId.current = newWorkId();
        setPlacements({});
        dispatch({ type: 'closed' });
      }
      setError({ code: r.error.code, message: r.error.message, file, ...(r.error.remedy ? { remedy: r.error.remedy } : {}) });
      return;
    }
    historyId.current = null;
    workId.current = newWorkId();
    setPlacements({});
    kept.current = false;
    contentHash.current = r.value.contentHash;
    setDraftStatus('draft');
    dispatch({ type: 'opened', name: r.value.name, text: r.value.text, blocks: r.value.blocks, result: r.value, warnings: r.value.warnings });
    setSelection(FIRST);
    setStatus(`${file.name} opened: ${r.value.findings.length} findings, ${r.value.missing.length} missing elements.`);
  }, []);

  // A draft another view asks to open (an audit's row, the sample draft).
  useEffect(() => onOpenRequest((f) => void open(f)), [open]);

  useRecheck(s, dispatch, first, setStatus);

  const applyEdits = useCallback(
    async (list: Finding[], pick: (f: Finding) => string | undefined) => {
      const chosen = list.flatMap((f) => {
        const rep = pick(f);
        return rep === undefined ? [] : [{ finding: f, suggestion: rep }];
      });
      const edits = chosen.map(({ finding: f, suggestion }) => ({ start: f.start, end: f.end, replacement: suggestion }));
      if (!edits.length) return;
      const r = await api.applySuggestions({ text: live.current.text, edits });
      if (r.ok) {
        // (drawn as a transition: a long draft's new text is drawn a piece at a time, never holding up a key press)
        startTransition(() => dispatch({ type: 'edited', text: r.value.text, accepted: chosen, changes: r.value.changes }));
        // the words put in are marked for a moment once they are drawn
        setFlash({ text: r.value.text, ranges: r.value.changes.map((c) => ({ start: c.newStart, end: c.newEnd })) });
        setStatus(`${edits.length} suggestion${edits.length === 1 ? '' : 's'} applied. Undo them from Resolved or with Ctrl+Z.`);
      }
    },
    [],
  );

  const accept = useCallback((key: string, suggestion: string) => {
    const f = placedFinding(key);
    if (f) void applyEdits([f], () => suggestion);
    else setStatus('You changed those words since the last check. Wait a moment for the new check, then accept again.');
  }, []);
  // Apply all, once the user has confirmed which (the deletions only when they said so)
  const acceptAll = useCallback((chosen: string[]) => {
    const want = new Set(chosen);
    const { findings: list, keys: at } = live.current.placed;
    void applyEdits(list.filter((_, i) => want.has(at[i]!)), (f) => f.suggestions[0]);
  }, []);
  const [flash, setFlash] = useState<{ text: string; ranges: { start: number; end: number }[] } | null>(null);
  useEffect(() => {
    if (flash && flash.text === s.text) flashRanges(document.querySelector('[data-testid="document-text"]'), s.text, flash.ranges);
  }, [flash, s.text]);
  const undismiss = (i: number) => {
    dispatch({ type: 'undismissed', index: i });
    setStatus(`Dismissal undone: “${s.dismissed[i]?.excerpt ?? ''}” is open again.`);
  };
  const unaccept = (i: number) => {
    const a = s.acceptedList[i];
    dispatch({ type: 'unaccepted', index: i });
    if (a) setStatus(`Suggestion undone: “${a.finding.excerpt}” is back in the draft.`);
  };
  const dismiss = useCallback((key: string, reason: string) => {
    const f = checkedFinding(key);
    if (!f) return;
    dispatch({ type: 'dismissed', finding: f, reason });
    setStatus(`Finding dismissed: ${reason}`);
  }, []);
  const explain = useCallback((key: string) => {
    const f = placedFinding(key);
    if (!f) return Promise.resolve({ ok: false as const, error: { code: 'NotFound' as const, message: 'You changed those words since the last check. Close “Why” and open it again in a moment.' } });
    return api.explain({ text: live.current.text, at: f.start, subject: live.current.isChild ? 'child' : 'adult' });
  }, []);

  useReviewKeys({ visible, findings, keys, only, active, setActive, accept, dispatch });
  // with a draft open, the view fills the window: the toolbar and score stay, the panes scroll (long-draft.css)
  const hasDraft = visible && Boolean(s.name);
  useEffect(() => {
    document.documentElement.classList.toggle('checking-draft', hasDraft);
    return () => document.documentElement.classList.remove('checking-draft');
  }, [hasDraft]);

  return (
    <div
      className="check-view"
      hidden={!visible}
      onDragOver={(e) => e.preventDefault()}
      onDrop={(e) => {
        e.preventDefault();
        const f = e.dataTransfer.files[0];
        if (f) void open(f);
      }}
    >
      <DraftToolbar
        fileInput={fileInput}
        onOpen={(f) => void open(f)}
        hasDraft={Boolean(s.name)}
        exporting={exporting}
        onExporting={() => setExporting((v) => !v)}
        editing={editing}
        onEditing={() => setEditing((v) => !v)}
        asForm={asForm}
        onAsForm={() => setAsForm((v) => !v)}
        canUndo={s.undo.length > 0}
        canRedo={s.redo.length > 0}
        onUndo={() => dispatch({ type: 'undo' })}
        onRedo={() => dispatch({ type: 'redo' })}
        status={draftStatus}
        onStatus={setDraftStatus}
      />
      <p className="visually-hidden" role="status" aria-live="polite">
        {busy ?? status}
      </p>
      {busy && (
        <div className="progress" role="progressbar" aria-label={busy}>
          {busy}
        </div>
      )}
      {error && <ImportErrorPanel error={error} onRetry={(file, opts) => void open(file, opts)} />}
      {exporting && s.name && <ExportPanel onDocx={(m) => void exportDocx(m)} onReport={(f, mask) => void exportReport(f, mask)} onForm={(f) => void exportForm(f)} />}
      {!s.name && !busy && (
        <div className="welcome">
          <p>Open a draft referral (Word, PDF or text), or drop it here. Nothing leaves this computer.</p>
          <RestoreOffer offers={offers} onRestore={(id) => void restore(id)} onDiscard={(id) => void discard(id)} />
          {welcome}
        </div>
      )}
      {s.name && (
        <div className="workspace">
          {/* the draft and the findings each scroll on their own; the toolbar and the score stay in view */}
          <section className="doc-pane" aria-label={`Draft: ${s.name}`} tabIndex={0}>
            <h2>{s.name}</h2>
            {s.result && (
              <p className="subject">
                About {subjectLine(s.result.subject).replace(/^A/, 'a')}
              </p>
            )}
            {keptNote && (
              <p className="warning" role="note">
                {keptNote}
              </p>
            )}
            {historyNote && (
              <p className="warning" role="note">
                {historyNote}
              </p>
            )}
            {s.warnings.map((w) => (
              <p key={w} className="warning" role="note">
                {w}
              </p>
            ))}
            {asForm && !editing ? (
              <FormPanel draft={draftOf(s, placementList)} onMove={move} onExport={(format) => void exportForm(format)} />
            ) : editing ? (
              <Suspense fallback={<p className="muted">Opening the editor…</p>}>
                <DraftEditor text={s.text} revision={s.result} blocks={blocks} findings={placed.findings} keys={placed.keys} active={keys[active] ?? null} onChange={onEdit} onSelect={select} />
              </Suspense>
            ) : (
              <DocumentView text={s.text} blocks={blocks} findings={placed.findings} keys={placed.keys} active={keys[active] ?? null} onSelect={select} />
            )}
          </section>
          <aside className="side-pane" aria-label="Findings">
            <ScorePanel {...sc} />
            <div className="side-scroll" role="region" aria-label="Missing elements and findings" tabIndex={0} data-testid="findings-scroll">
              <h2>Missing elements</h2>
              <MissingList missing={missing} />
              <h2>Findings</h2>
              <FindingList findings={findings} keys={keys} active={active} only={only} onOnly={setOnly} onSelect={select} onAccept={accept} onDismiss={dismiss} onAcceptAll={acceptAll} onExplain={explain} />
              <ResolvedList accepted={s.acceptedList} dismissed={s.dismissed} onUnaccept={unaccept} onUndismiss={undismiss} />
              <p className="keys">Keys: j / k next and previous finding, a accept, d dismiss, Ctrl+Z undo.</p>
            </div>
          </aside>
        </div>
      )}
    </div>
  );
}
