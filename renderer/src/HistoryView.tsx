/**
 * History and supervisor review: every check on this computer (and those imported from a team file) in a
 * sortable, filterable table with charts and per-rule dismissal rates; one check opens as its report.
 */
import { useCallback, useEffect, useState } from 'react';
import type { Input, Outputs } from '../../src/api/contract';
import { api } from './api';
import { BarChart, LineChart } from './components/Charts';
import { SortableTable, type Column } from './components/SortableTable';
import { STATUS_LABELS, labelOf } from '../../src/api/labels';
import { saveFile, toBase64 } from './save';

type Summary = Outputs['historyList']['checks'][number];
type Filter = NonNullable<Input<'historyList'>['filter']>;
type Status = 'draft' | 'reviewed' | 'ready';
/** A rule dismissed this often is probably noisy for this team. */
const NOISY = 0.3;

const COLUMNS: Column<Summary>[] = [
  { key: 'file', label: 'File', value: (c) => c.fileName },
  { key: 'when', label: 'Checked', value: (c) => c.checkedAt, render: (c) => new Date(c.checkedAt).toLocaleString('en-GB', { dateStyle: 'medium', timeStyle: 'short' }) },
  { key: 'author', label: 'Author', value: (c) => c.author },
  { key: 'team', label: 'Team', value: (c) => c.team },
  { key: 'score', label: 'Score', value: (c) => c.score, numeric: true, render: (c) => (c.error ? `could not be read (${c.error})` : String(c.score ?? '')) },
  { key: 'findings', label: 'Open findings', value: (c) => c.disbelief + c.victimBlaming + c.jargon, numeric: true },
  { key: 'missing', label: 'Missing', value: (c) => c.missing.map((m) => labelOf(m)).join(', ') },
  { key: 'status', label: 'Status', value: (c) => STATUS_LABELS[c.status] },
  { key: 'source', label: 'From', value: (c) => (c.source === 'audit' ? 'audit' : c.source === 'team' ? 'team file' : 'app') },
];

export function HistoryView() {
  const [filter, setFilter] = useState<Filter>({});
  const [data, setData] = useState<Outputs['historyList'] | null>(null);
  const [error, setError] = useState('');
  const [open, setOpen] = useState<Outputs['historyGet'] | null>(null);
  const [settings, setSettings] = useState<Outputs['settingsGet'] | null>(null);
  const [note, setNote] = useState('');

  const load = useCallback(async (f: Filter) => {
    const r = await api.historyList({ filter: f });
    if (r.ok) {
      setData(r.value);
      setError('');
    } else setError(r.error.message);
  }, []);
  useEffect(() => {
    const t = setTimeout(() => void load(filter), 150);
    return () => clearTimeout(t);
  }, [filter, load]);
  useEffect(() => {
    void api.settingsGet({}).then((r) => r.ok && setSettings(r.value));
  }, []);

  const set = (patch: Partial<Filter>) => setFilter((f) => Object.fromEntries(Object.entries({ ...f, ...patch }).filter(([, v]) => v !== '' && v !== undefined)) as Filter);
  const openCheck = async (c: Summary) => {
    const r = await api.historyGet({ id: c.id });
    if (r.ok) setOpen(r.value);
  };
  const setStatus = async (id: number, status: Status) => {
    const r = await api.historySetStatus({ id, status });
    if (r.ok) {
      setOpen((o) => (o && o.id === id ? { ...o, status } : o));
      void load(filter);
    }
  };
  const saveSettings = async (patch: Input<'settingsSet'>) => {
    const r = await api.settingsSet(patch);
    if (r.ok) {
      setSettings(r.value);
      // turning text keeping off says so when the text could not yet be confirmed gone from the disk
      setNote(r.value.erasure && !r.value.erasure.verified ? (r.value.erasure.message ?? 'Settings saved.') : 'Settings saved.');
      void load(filter);
    } else setNote(r.error.message);
  };
  const exportTeam = async () => {
    const r = await api.teamExport({ filter });
    if (r.ok) {
      saveFile(r.value);
      setNote(`Saved ${r.value.filename}: the checks shown, without document text.`);
    } else setNote(r.error.message);
  };
  const importTeam = async (file: File) => {
    const r = await api.teamImport({ name: file.name, data: toBase64(await file.arrayBuffer()) });
    setNote(r.ok ? `Imported ${r.value.added} check${r.value.added === 1 ? '' : 's'} from ${file.name}${r.value.skipped ? `; ${r.value.skipped} were already here` : ''}.` : r.error.message);
    if (r.ok) void load(filter);
  };

  if (error && !data)
    return (
      <section className="history-view" aria-labelledby="history-title">
        <h2 id="history-title">History</h2>
        <p className="error" role="alert">
          {error}
        </p>
      </section>
    );
  const stats = data?.stats;
  const noisy = stats?.rules.filter((r) => r.dismissed > 0).sort((a, b) => b.dismissalRate - a.dismissalRate || b.total - a.total) ?? [];
  return (
    <section className="history-view" aria-labelledby="history-title">
      <h2 id="history-title">History</h2>
      <p>Checks made on this computer and imported from team files. Document text is {settings?.storeText ? 'kept with each check (you turned this on)' : 'not kept: only figures, rule names and decisions'}.</p>
      <form className="filters" aria-label="Filter checks" onSubmit={(e) => e.preventDefault()}>
        <label>
          Search <input type="search" data-testid="history-search" value={filter.search ?? ''} onChange={(e) => set({ search: e.target.value })} placeholder="file, author or team" />
        </label>
        <label>
          Status{' '}
          <select data-testid="history-status" value={filter.status ?? ''} onChange={(e) => set({ status: (e.target.value || undefined) as Status | undefined })}>
            <option value="">Any</option>
            <StatusOptions />
          </select>
        </label>
        <label>
          Team{' '}
          <select value={filter.team ?? ''} onChange={(e) => set({ team: e.target.value || undefined })}>
            <option value="">Any</option>
            {data?.teams.map((t) => (
              <option key={t} value={t}>
                {t}
              </option>
            ))}
          </select>
        </label>
        <label>
          From <input type="date" value={filter.from ?? ''} onChange={(e) => set({ from: e.target.value || undefined })} />
        </label>
        <label>
          To <input type="date" value={filter.to ?? ''} onChange={(e) => set({ to: e.target.value || undefined })} />
        </label>
        <label>
          Made in{' '}
          <select value={filter.source ?? ''} onChange={(e) => set({ source: (e.target.value || undefined) as Filter['source'] })}>
            <option value="">Anywhere</option>
            <option value="app">This app</option>
            <option value="audit">Audits</option>
            <option value="team">Team files</option>
          </select>
        </label>
      </form>
      {stats && (
        <>
          <p role="status" data-testid="history-count">
            {stats.checks} check{stats.checks === 1 ? '' : 's'}
            {stats.errors ? ` and ${stats.errors} file${stats.errors === 1 ? '' : 's'} that could not be read` : ''}
            {stats.averageScore !== null ? `; average score ${stats.averageScore}` : ''}.
          </p>
          <div className="charts">
            <LineChart title="Average score by day" points={stats.scoreOverTime.map((p) => ({ label: p.day, value: p.average }))} testId="chart-score-time" />
            <BarChart title="Most frequent rules" bars={stats.rules.slice(0, 12).map((r) => ({ label: r.rule, value: r.total }))} color="var(--disbelief)" testId="chart-history-rules" />
            <BarChart title="Missing elements" bars={stats.missing.map((m) => ({ label: labelOf(m.element), value: m.count }))} color="var(--jargon)" testId="chart-history-missing" />
          </div>
        </>
      )}
      {open && (
        <section className="check-report" aria-labelledby="check-report-title" data-testid="check-report">
          <h3 id="check-report-title">
            {open.fileName} · score {open.score ?? '–'}
          </h3>
          <p>
            Checked {new Date(open.checkedAt).toLocaleString('en-GB')}
            {open.author ? ` by ${open.author}` : ''}
            {open.team ? ` (${open.team})` : ''} · about {open.isChild === null ? 'an unknown person' : open.isChild ? 'a child' : 'an adult'} · {open.words} words
          </p>
          {open.error ? (
            <p>This file could not be read ({open.error}).</p>
          ) : (
            <>
              <p>Missing: {open.missing.length ? open.missing.map((m) => labelOf(m)).join(', ') : 'nothing'}.</p>
              <table>
                <caption className="visually-hidden">Findings and decisions</caption>
                <thead>
                  <tr>
                    <th scope="col">Rule</th>
                    <th scope="col">Severity</th>
                    <th scope="col">Decision</th>
                    {open.findings.some((f) => f.excerpt) && <th scope="col">Words</th>}
                  </tr>
                </thead>
                <tbody>
                  {open.findings.map((f, i) => (
                    <tr key={i}>
                      <td>{f.rule}</td>
                      <td>{f.severity}</td>
                      <td>{f.decision === 'dismissed' ? `dismissed: ${f.reason ?? ''}` : f.decision}</td>
                      {open.findings.some((x) => x.excerpt) && <td>{f.excerpt ?? ''}</td>}
                    </tr>
                  ))}
                </tbody>
              </table>
            </>
          )}
          <div className="actions">
            <label>
              Status{' '}
              <select data-testid="check-status" value={open.status} onChange={(e) => void setStatus(open.id, e.target.value as Status)}>
                <StatusOptions />
              </select>
            </label>
            <button type="button" onClick={() => setOpen(null)}>
              Close
            </button>
          </div>
        </section>
      )}
      {data && <SortableTable rows={data.checks} columns={COLUMNS} rowKey={(c) => c.id} caption="Checks" initial={{ key: 'when', dir: 'desc' }} onOpen={(c) => void openCheck(c)} testId="history-table" />}
      <h3>Rules users dismiss</h3>
      <p className="muted">A rule dismissed in {Math.round(NOISY * 100)}% or more of its findings is marked: it may be noisy for this kind of referral.</p>
      {noisy.length ? (
        <table data-testid="dismissal-rates">
          <caption className="visually-hidden">Dismissal rate per rule</caption>
          <thead>
            <tr>
              <th scope="col">Rule</th>
              <th scope="col" className="num">
                Findings
              </th>
              <th scope="col" className="num">
                Accepted
              </th>
              <th scope="col" className="num">
                Dismissed
              </th>
              <th scope="col" className="num">
                Dismissal rate
              </th>
            </tr>
          </thead>
          <tbody>
            {noisy.map((r) => (
              <tr key={r.rule} className={r.dismissalRate >= NOISY ? 'noisy' : undefined}>
                <td>
                  {r.rule}
                  {r.dismissalRate >= NOISY ? ' (often dismissed)' : ''}
                </td>
                <td className="num">{r.total}</td>
                <td className="num">{r.accepted}</td>
                <td className="num">{r.dismissed}</td>
                <td className="num">{Math.round(r.dismissalRate * 100)}%</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p className="empty">No finding has been dismissed yet.</p>
      )}
      <h3>Team file and settings</h3>
      <div className="actions">
        <button type="button" onClick={() => void exportTeam()}>
          Export these checks as a team file…
        </button>
        <label className="button">
          Import a team file…
          <input
            type="file"
            accept=".json,application/json"
            className="visually-hidden"
            data-testid="team-import"
            onChange={(e) => {
              const f = e.target.files?.[0];
              if (f) void importTeam(f);
              e.target.value = '';
            }}
          />
        </label>
      </div>
      {settings && <SettingsForm settings={settings} onSave={(p) => void saveSettings(p)} />}
      {note && (
        <p role="status" className="note">
          {note}
        </p>
      )}
    </section>
  );
}

function StatusOptions() {
  return (
    <>
      {(Object.keys(STATUS_LABELS) as Status[]).map((s) => (
        <option key={s} value={s}>
          {STATUS_LABELS[s]}
        </option>
      ))}
    </>
  );
}

function SettingsForm({ settings, onSave }: { settings: Outputs['settingsGet']; onSave: (p: Input<'settingsSet'>) => void }) {
  const [author, setAuthor] = useState(settings.author);
  const [team, setTeam] = useState(settings.team);
  const [days, setDays] = useState(settings.retentionDays === null ? '' : String(settings.retentionDays));
  return (
    <form
      className="settings"
      aria-label="History settings"
      onSubmit={(e) => {
        e.preventDefault();
        const n = days.trim() === '' ? null : Math.round(Number(days));
        onSave({ author: author.trim(), team: team.trim(), retentionDays: n !== null && n > 0 ? n : null });
      }}
    >
      <label>
        Your name on checks <input value={author} onChange={(e) => setAuthor(e.target.value)} maxLength={200} />
      </label>
      <label>
        Team <input value={team} onChange={(e) => setTeam(e.target.value)} maxLength={200} />
      </label>
      <label>
        Delete checks older than <input type="number" min={1} max={36500} value={days} onChange={(e) => setDays(e.target.value)} className="short" /> days (empty: keep)
      </label>
      <label className="check">
        <input type="checkbox" data-testid="store-text" checked={settings.storeText} onChange={(e) => onSave({ storeText: e.target.checked })} /> Keep the document text with each check (off by default; turning it off erases kept text)
      </label>
      <label className="check">
        <input type="checkbox" data-testid="keep-unsaved" checked={settings.keepUnsaved} onChange={(e) => onSave({ keepUnsaved: e.target.checked })} /> Keep unsaved work on this computer so that a crash loses nothing (on by default; turning it off removes what is kept)
      </label>
      <button type="submit">Save settings</button>
      <p data-testid="org-config">{settings.config.summary}</p>
      <p className="muted">History file: {settings.storePath}</p>
    </form>
  );
}
