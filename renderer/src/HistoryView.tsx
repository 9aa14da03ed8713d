/**
 * History and supervisor review: every check on this computer (and those imported from a team file) in a
 * table that sorts, filters and searches the whole history through the core (a page of rows at a time, so a
 * year of checks opens at once), with charts and per-rule dismissal rates; one check opens as its report.
 */
import { memo, useCallback, useEffect, useState } from 'react';
import type { Input, Outputs } from '../../src/api/contract';
import { api } from './api';
import { BarChart, LineChart } from './components/Charts';
import { HistoryTable, type HistoryColumn } from './components/HistoryTable';
import { useHistoryPages, type Filter, type Overview, type Sort, type Summary } from './hooks/useHistoryPages';
import { STATUS_LABELS, labelOf } from '../../src/api/labels';
import { saveFile, toBase64 } from './save';

type Status = 'draft' | 'reviewed' | 'ready';
/** A rule dismissed this often is probably noisy for this team. */
const NOISY = 0.3;
/** Typing in the search box asks the core once the typing pauses this long (ms). */
const TYPING = 200;
const count = (n: number) => n.toLocaleString('en-GB');
const idOf = (c: Summary) => c.id;

const COLUMNS: HistoryColumn<Summary, Sort['key']>[] = [
  { key: 'file', label: 'File', text: (c) => c.fileName, width: '19%' },
  { key: 'when', label: 'Checked', text: (c) => new Date(c.checkedAt).toLocaleString('en-GB', { dateStyle: 'medium', timeStyle: 'short' }), width: '16%' },
  { key: 'author', label: 'Author', text: (c) => c.author, width: '11%' },
  { key: 'team', label: 'Team', text: (c) => c.team, width: '8%' },
  { key: 'score', label: 'Score', text: (c) => (c.error ? `could not be read (${c.error})` : String(c.score ?? '')), numeric: true, width: '7%' },
  { key: 'findings', label: 'Open findings', text: (c) => String(c.disbelief + c.victimBlaming + c.jargon), numeric: true, width: '8%' },
  { key: 'missing', label: 'Missing', text: (c) => c.missing.map((m) => labelOf(m)).join(', '), width: '13%' },
  { key: 'status', label: 'Status', text: (c) => STATUS_LABELS[c.status], width: '11%' },
  { key: 'source', label: 'From', text: (c) => (c.source === 'audit' ? 'audit' : c.source === 'team' ? 'team file' : 'app'), width: '7%' },
];

export function HistoryView() {
  /** The filter as the form shows it (each keystroke), and as asked of the core (once typing pauses). */
  const [form, setForm] = useState<Filter>({});
  const [filter, setFilter] = useState<Filter>({});
  const [sort, setSort] = useState<Sort>({ key: 'when', dir: 'desc' });
  const history = useHistoryPages(filter, sort);
  const [open, setOpen] = useState<Outputs['historyGet'] | null>(null);
  const [settings, setSettings] = useState<Outputs['settingsGet'] | null>(null);
  const [note, setNote] = useState('');
  const error = history.error;
  const data = history.overview;

  useEffect(() => {
    const t = setTimeout(() => setFilter((f) => (JSON.stringify(f) === JSON.stringify(form) ? f : form)), TYPING);
    return () => clearTimeout(t);
  }, [form]);
  useEffect(() => {
    void api.settingsGet({}).then((r) => r.ok && setSettings(r.value));
  }, []);

  const set = (patch: Partial<Filter>) => setForm((f) => Object.fromEntries(Object.entries({ ...f, ...patch }).filter(([, v]) => v !== '' && v !== undefined)) as Filter);
  const sortBy = useCallback((key: Sort['key']) => setSort((s) => ({ key, dir: s.key === key && s.dir === 'asc' ? 'desc' : 'asc' })), []);
  const openCheck = useCallback(async (c: Summary) => {
    const r = await api.historyGet({ id: c.id });
    if (r.ok) setOpen(r.value);
  }, []);
  const setStatus = async (id: number, status: Status) => {
    const r = await api.historySetStatus({ id, status });
    if (r.ok) {
      setOpen((o) => (o && o.id === id ? { ...o, status } : o));
      history.reload();
    }
  };
  const saveSettings = async (patch: Input<'settingsSet'>) => {
    const r = await api.settingsSet(patch);
    if (r.ok) {
      setSettings(r.value);
      // turning text keeping off says so when the text could not yet be confirmed gone from the disk
      setNote(r.value.erasure && !r.value.erasure.verified ? (r.value.erasure.message ?? 'Settings saved.') : 'Settings saved.');
      history.reload();
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
    if (r.ok) history.reload();
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
          Search <input type="search" data-testid="history-search" value={form.search ?? ''} onChange={(e) => set({ search: e.target.value })} placeholder="file, author or team" />
        </label>
        <label>
          Status{' '}
          <select data-testid="history-status" value={form.status ?? ''} onChange={(e) => set({ status: (e.target.value || undefined) as Status | undefined })}>
            <option value="">Any</option>
            <StatusOptions />
          </select>
        </label>
        <label>
          Team{' '}
          <select value={form.team ?? ''} onChange={(e) => set({ team: e.target.value || undefined })}>
            <option value="">Any</option>
            {data?.teams.map((t) => (
              <option key={t} value={t}>
                {t}
              </option>
            ))}
          </select>
        </label>
        <label>
          From <input type="date" value={form.from ?? ''} onChange={(e) => set({ from: e.target.value || undefined })} />
        </label>
        <label>
          To <input type="date" value={form.to ?? ''} onChange={(e) => set({ to: e.target.value || undefined })} />
        </label>
        <label>
          Made in{' '}
          <select value={form.source ?? ''} onChange={(e) => set({ source: (e.target.value || undefined) as Filter['source'] })}>
            <option value="">Anywhere</option>
            <option value="app">This app</option>
            <option value="audit">Audits</option>
            <option value="team">Team files</option>
          </select>
        </label>
      </form>
      {data && <Figures overview={data} />}
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
      {history.ready && (
        <>
          <p data-testid="history-rows" id="history-rows">
            {history.total === 0 ? 'No checks in the history yet' : `Listing ${count(history.matching)} of ${count(history.total)} check${history.total === 1 ? '' : 's'}${history.matching < history.total ? ', those that match the filters' : ''}`}
            {error ? ` (${error})` : ''}.
          </p>
          <HistoryTable
            columns={COLUMNS}
            count={history.matching}
            rowAt={history.rowAt}
            rowId={idOf}
            ensure={history.ensure}
            sort={sort}
            onSort={sortBy}
            onOpen={openCheck}
            caption={`Checks: ${count(history.matching)} of ${count(history.total)}`}
            generation={history.query}
            testId="history-table"
          />
        </>
      )}
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

/** How many checks and their average, and the charts: drawn again only when the figures change, not as the user types. */
const Figures = memo(function Figures({ overview: { stats } }: { overview: Overview }) {
  return (
    <>
      <p role="status" data-testid="history-count">
        {count(stats.checks)} check{stats.checks === 1 ? '' : 's'}
        {stats.errors ? ` and ${count(stats.errors)} file${stats.errors === 1 ? '' : 's'} that could not be read` : ''}
        {stats.averageScore !== null ? `; average score ${stats.averageScore}` : ''}.
      </p>
      <div className="charts">
        <LineChart title="Average score by day" points={stats.scoreOverTime.map((p) => ({ label: p.day, value: p.average }))} testId="chart-score-time" />
        <BarChart title="Most frequent rules" bars={stats.rules.slice(0, 12).map((r) => ({ label: r.rule, value: r.total }))} color="var(--disbelief)" testId="chart-history-rules" />
        <BarChart title="Missing elements" bars={stats.missing.map((m) => ({ label: labelOf(m.element), value: m.count }))} color="var(--jargon)" testId="chart-history-missing" />
      </div>
    </>
  );
});

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
