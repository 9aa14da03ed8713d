/** Batch audit: every draft in a folder is checked (two at a time), with progress, cancel, figures and charts. */
import { useEffect, useRef, useState } from 'react';
import type { AuditJobView } from '../../src/api/contract';
import { api } from './api';
import { BarChart } from './components/Charts';
import { SortableTable, type Column } from './components/SortableTable';
import { labelOf } from '../../src/api/labels';
import { saveFile } from './save';

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

export function AuditView({ visible, onOpenHistory }: { visible: boolean; onOpenHistory: () => void }) {
  const [folder, setFolder] = useState('');
  const [job, setJob] = useState<AuditJobView | null>(null);
  const [error, setError] = useState('');
  const [starting, setStarting] = useState(false);
  const canChoose = Boolean(window.nrm);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);

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

  const start = async () => {
    setError('');
    if (!folder.trim()) {
      setError('Type the path of a folder of drafts, or choose one.');
      return;
    }
    setStarting(true);
    const r = await api.auditStart({ folder: folder.trim() });
    setStarting(false);
    if (r.ok) setJob(r.value);
    else setError(r.error.message);
  };
  const choose = async () => {
    const r = await api.chooseFolder({});
    if (r.ok && r.value.folder) setFolder(r.value.folder);
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
        <input id="audit-folder" data-testid="audit-folder" value={folder} onChange={(e) => setFolder(e.target.value)} placeholder="/path/to/referrals" disabled={running} spellCheck={false} />
        {canChoose && (
          <button type="button" onClick={() => void choose()} disabled={running}>
            Choose folder…
          </button>
        )}
        <button type="submit" data-testid="audit-start" disabled={running || starting}>
          Start audit
        </button>
        {running && (
          <button type="button" data-testid="audit-cancel" onClick={() => void cancel()}>
            Cancel
          </button>
        )}
      </form>
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
            <button type="button" onClick={() => void exportAs('csv')} disabled={!job.rows.length}>
              Save as CSV
            </button>
            <button type="button" onClick={() => void exportAs('html')} disabled={!job.rows.length}>
              Save report (HTML)
            </button>
            {job.finished && (
              <button type="button" onClick={onOpenHistory}>
                Review in History
              </button>
            )}
          </div>
          <SortableTable rows={job.rows} columns={COLUMNS} rowKey={(r) => r.file} caption="Every file of the audit" testId="audit-table" />
        </>
      )}
    </section>
  );
}
