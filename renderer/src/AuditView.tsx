/**
 * Batch audit: every draft in a folder is checked (one worker per core), with progress, cancel, figures and
 * charts. A window that reloads mid-run takes the running audit up again. The folder is typed, or chosen: by
 * the desktop app's dialog, or in the browser by a folder input whose drafts are sent to the checker one by
 * one. Saving waits for the run to stop, and an audit stopped early is saved marked partial. A row opens its
 * draft in the check view.
 */
import { useEffect, useRef, useState } from 'react';
import type { AuditJobView } from '../../src/api/contract';
import { api } from './api';
import { BarChart } from './components/Charts';
import { SortableTable, type Column } from './components/SortableTable';
import { labelOf } from '../../src/api/labels';
import { saveFile, toBase64 } from './save';
import { fileOf } from './open-request';

type Row = AuditJobView['rows'][number];

const COLUMNS: Column<Row>[] = [
  { key: 'file', label: 'File', value: (r) => r.file },
  { key: 'status', label: 'Result', value: (r) => (r.status === 'error' ? `could not be read (${r.error})` : 'checked') },
  { key: 'score', label: 'Score', value: (r) => r.score, numeric: true },
  { key: 'disbelief', label: 'Disbelief', value: (r) => r.disbelief, numeric: true },
  { key: 'victimBlaming', label: 'Victim-blaming', value: (r) => r.victimBlaming, numeric: true },
  { key: 'jargon', label: 'Jargon', value: (r) => r.jargon, numeric: true },
  { key: 'missing', label: 'Missing', value: (r) => (r.missing ?? []).map((m) => labelOf(m)).join(', ') },
  { key: 'about', label: 'About', value: (r) => (r.status === 'error' ? '' : r.isChild ? 'child' : 'adult') },
];

/** " (48 drafts/s, about 20 s left)" while a run has a rate; "" before. */
function paceText(job: AuditJobView): string {
  if (!job.perSecond || job.secondsLeft === undefined) return '';
  const rate = job.perSecond >= 10 ? Math.round(job.perSecond) : job.perSecond;
  const s = job.secondsLeft;
  const left = s < 60 ? `${s} s` : s < 3600 ? `${Math.floor(s / 60)} min${s % 60 ? ` ${s % 60} s` : ''}` : `${Math.floor(s / 3600)} h ${Math.floor((s % 3600) / 60)} min`;
  return ` ${rate} drafts/s, about ${left} left.`;
}

/** Drafts an audit checks (as src/audit/audit.ts lists them). */
const DRAFT = /\.(pdf|docx|txt|md)$/i;

/** A folder chosen in the browser: its name and its drafts by their path inside it. */
interface Chosen {
  name: string;
  files: Map<string, File>;
  /** The audit it was sent to, once started: its rows open these files. */
  jobId?: string;
}

function chosenOf(list: FileList): Chosen | null {
  const files = new Map<string, File>();
  let name = '';
  for (const f of Array.from(list)) {
    const parts = (f.webkitRelativePath || f.name).split('/');
    name ||= parts.length > 1 ? parts[0]! : 'folder';
    const rel = parts.slice(parts.length > 1 ? 1 : 0).join('/');
    if (DRAFT.test(rel) && !/(^|\/)readme\.md$/i.test(rel) && !parts.some((p) => p.startsWith('.'))) files.set(rel, f);
  }
  return name ? { name, files } : null;
}

export function AuditView({ visible, onOpenHistory, onOpenDraft }: { visible: boolean; onOpenHistory: () => void; onOpenDraft: (file: File) => void }) {
  const [folder, setFolder] = useState('');
  const [job, setJob] = useState<AuditJobView | null>(null);
  const [error, setError] = useState('');
  const [starting, setStarting] = useState<string | false>(false);
  const [chosen, setChosen] = useState<Chosen | null>(null);
  const desktop = Boolean(window.nrm);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const folderInput = useRef<HTMLInputElement>(null);

  // A directory input (React does not know the attribute).
  useEffect(() => {
    folderInput.current?.setAttribute('webkitdirectory', '');
  }, []);

  // After a reload, the audit still running in the checker: its progress and cancel come back.
  const reattach = async () => {
    const r = await api.auditCurrent({});
    if (r.ok && r.value.job) setJob(r.value.job);
    return r.ok && r.value.job !== null;
  };
  useEffect(() => {
    void reattach();
  }, []);

  // Poll the running audit.
  useEffect(() => {
    if (!job || job.finished) return;
    timer.current = setTimeout(async () => {
      const r = await api.auditStatus({ jobId: job.jobId });
      if (r.ok) setJob(r.value);
      else setError(r.error.message);
    }, 300);
    return () => {
      if (timer.current) clearTimeout(timer.current);
    };
  }, [job]);

  /** Sends a folder chosen in the browser to the checker, draft by draft; its stage id, or null after an error. */
  const send = async (c: Chosen): Promise<string | null> => {
    let stageId: string | undefined;
    let n = 0;
    for (const [rel, file] of c.files) {
      setStarting(`Sending ${++n} of ${c.files.size} drafts to the checker (on this computer)…`);
      const r = await api.auditStage({ ...(stageId ? { stageId } : {}), path: rel, data: toBase64(await file.arrayBuffer()) });
      if (!r.ok) {
        setError(`${rel} could not be sent: ${r.error.message}`);
        return null;
      }
      stageId = r.value.stageId;
    }
    return stageId ?? null;
  };

  const start = async () => {
    setError('');
    if (!chosen && !folder.trim()) {
      setError('Type the path of a folder of drafts, or choose one.');
      return;
    }
    if (chosen && !chosen.files.size) {
      setError(`${chosen.name} has no Word, PDF or text drafts. Choose another folder.`);
      return;
    }
    setStarting('Starting…');
    let r: Awaited<ReturnType<typeof api.auditStart>>;
    if (chosen) {
      const stageId = await send(chosen);
      if (!stageId) {
        setStarting(false);
        return;
      }
      r = await api.auditStart({ stageId, name: chosen.name });
      if (r.ok) setChosen({ ...chosen, jobId: r.value.jobId });
    } else r = await api.auditStart({ folder: folder.trim() });
    setStarting(false);
    if (r.ok) setJob(r.value);
    else if (r.error.code === 'Busy' && (await reattach())) setError('An audit was already running: here it is. Wait for it to finish or cancel it, then start yours.');
    else setError(r.error.message);
  };
  const choose = async () => {
    if (!desktop) {
      folderInput.current?.click();
      return;
    }
    const r = await api.chooseFolder({});
    if (r.ok && r.value.folder) {
      setFolder(r.value.folder);
      setChosen(null);
    }
  };
  const openRow = async (row: Row) => {
    if (!job) return;
    const local = chosen?.jobId === job.jobId ? chosen.files.get(row.file) : undefined;
    if (local) return onOpenDraft(local);
    const r = await api.auditFile({ jobId: job.jobId, file: row.file });
    if (r.ok) onOpenDraft(fileOf(r.value));
    else setError(r.error.message);
  };
  const cancel = async () => {
    if (!job) return;
    const r = await api.auditCancel({ jobId: job.jobId });
    if (r.ok) setJob(r.value);
  };
  const exportAs = async (format: 'csv' | 'html') => {
    if (!job) return;
    const r = await api.auditExport({ jobId: job.jobId, format });
    if (r.ok) saveFile(r.value);
    else setError(r.error.message);
  };

  const running = Boolean(job && !job.finished);
  const s = job?.summary;
  const partial = job?.partial ? ` (partial: ${job.partial.done} of ${job.partial.total})` : '';
  return (
    <section className="audit-view" aria-labelledby="audit-title" hidden={!visible}>
      <h2 id="audit-title">Batch audit</h2>
      <p>Check every Word, PDF and text draft in a folder and its subfolders. Files stay where they are and are never changed; files that cannot be read are listed with the reason.</p>
      <form
        className="audit-form"
        onSubmit={(e) => {
          e.preventDefault();
          void start();
        }}
      >
        <label htmlFor="audit-folder">Folder</label>
        <input
          id="audit-folder"
          data-testid="audit-folder"
          value={chosen ? '' : folder}
          onChange={(e) => {
            setFolder(e.target.value);
            setChosen(null);
          }}
          placeholder={chosen ? `Chosen: ${chosen.name}` : '/path/to/referrals'}
          disabled={running}
          spellCheck={false}
        />
        <button type="button" data-testid="audit-choose" onClick={() => void choose()} disabled={running || Boolean(starting)}>
          Choose folder…
        </button>
        <input
          ref={folderInput}
          type="file"
          multiple
          hidden
          data-testid="audit-folder-input"
          aria-label="Choose a folder of drafts"
          onChange={(e) => {
            const c = e.target.files ? chosenOf(e.target.files) : null;
            e.target.value = '';
            if (!c) return;
            setChosen(c);
            setFolder('');
            setError('');
          }}
        />
        <button type="submit" data-testid="audit-start" disabled={running || Boolean(starting)}>
          Start audit
        </button>
        {running && (
          <button type="button" data-testid="audit-cancel" onClick={() => void cancel()}>
            Cancel
          </button>
        )}
      </form>
      {chosen && !running && (
        <p data-testid="audit-chosen">
          Chosen: <strong>{chosen.name}</strong>, {chosen.files.size} draft{chosen.files.size === 1 ? '' : 's'}. They are sent to the checker on this computer and not kept after the audit.
        </p>
      )}
      {starting && <p role="status">{starting}</p>}
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      {job && (
        <>
          <div className="audit-progress">
            <progress data-testid="audit-progress" max={Math.max(1, job.total)} value={job.done} aria-label="Audit progress" />
            <span role="status" aria-live="polite" data-testid="audit-progress-text">
              {job.finished ? (job.cancelled ? `Cancelled after ${job.done} of ${job.total} files.` : `Checked all ${job.total} files${job.perSecond ? ` (${job.perSecond} drafts/s)` : ''}.`) : `Checked ${job.done} of ${job.total} files…${paceText(job)}`}
            </span>
          </div>
          {job.partial && (
            <p className="warning partial" role="note" data-testid="audit-partial">
              <strong>
                Partial audit: {job.partial.done} of {job.partial.total} files.
              </strong>{' '}
              The figures and table leave out the files not checked, and anything you save says “partial”. Start the audit again to check the whole folder.
            </p>
          )}
          {job.historyNote && (
            <p className="warning" role="note">
              {job.historyNote}
            </p>
          )}
          {s && (
            <>
              <div className="figures" data-testid="audit-figures">
                <div>
                  <b>{s.checked}</b> checked
                </div>
                <div>
                  <b>{s.errors}</b> could not be read
                </div>
                <div>
                  <b>{s.averageScore ?? '–'}</b> average score
                </div>
                <div>
                  <b>{s.children}</b> about children
                </div>
                <div>
                  <b>{s.adults}</b> about adults
                </div>
              </div>
              <div className="charts">
                <BarChart title="Files per score band" bars={s.scoreBands} testId="chart-scores" />
                <BarChart title="Findings per category" bars={s.categories} color="var(--victim)" testId="chart-categories" />
                <BarChart title="Most frequent rules" bars={s.topRules} color="var(--disbelief)" testId="chart-rules" />
                <BarChart title="Files missing each element" bars={s.missing.map((m) => ({ label: labelOf(m.label), value: m.value }))} color="var(--jargon)" testId="chart-missing" />
                {s.errors > 0 && <BarChart title="Files that could not be read, by reason" bars={s.errorCodes} color="var(--muted)" testId="chart-errors" />}
              </div>
            </>
          )}
          <div className="actions">
            <button type="button" data-testid="audit-save-csv" onClick={() => void exportAs('csv')} disabled={!job.finished || !job.rows.length}>
              Save as CSV{partial}
            </button>
            <button type="button" data-testid="audit-save-html" onClick={() => void exportAs('html')} disabled={!job.finished || !job.rows.length}>
              Save report (HTML){partial}
            </button>
            {running && <span className="muted">You can save once the audit has finished, or cancel it to save the files checked so far.</span>}
            {job.finished && (
              <button type="button" onClick={onOpenHistory}>
                Review in History
              </button>
            )}
          </div>
          <SortableTable rows={job.rows} columns={COLUMNS} rowKey={(r) => r.file} caption="Every file of the audit; a file's name opens it in the check view" onOpen={(r) => void openRow(r)} testId="audit-table" />
        </>
      )}
    </section>
  );
}
