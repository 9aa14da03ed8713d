/**
 * History and supervisor review: every document checked on this computer (and those imported from a team
 * file), one row each however often it was checked, in a table that sorts, filters and searches the whole
 * history through the core (a page of rows at a time, so a year of checks opens at once). Which referrals need
 * work and why: a threshold on the score, figures by author and team, rules by name and reason with their
 * dismissal rates. A row opens as its report, with its versions beneath, and opens its draft in the check
 * view. The list follows checks made meanwhile (in this window or another).
 */
import { memo, useCallback, useEffect, useMemo, useState } from 'react';
import type { Outputs } from '../../src/api/contract';
import { api } from './api';
import { BarChart, LineChart } from './components/Charts';
import { HistoryTable, type HistoryColumn } from './components/HistoryTable';
import { useHistoryPages, type Filter, type Overview, type Sort, type Summary } from './hooks/useHistoryPages';
import { STATUS_LABELS, labelOf } from '../../src/api/labels';
import { saveFile, toBase64 } from './save';
import { onHistoryChanged } from './history-changes';

type Status = 'draft' | 'reviewed' | 'ready';
/** A rule dismissed this often is probably noisy for this team. */
const NOISY = 0.3;
/** Typing in the search box asks the core once the typing pauses this long (ms). */
const TYPING = 200;
const count = (n: number) => n.toLocaleString('en-GB');
const idOf = (c: Summary) => c.id;
type Words = Record<string, { name: string; about: string }>;
/** A rule's name in words (its id when the history names a rule the checker no longer has words for). */
const nameOf = (words: Words | undefined, rule: string) => words?.[rule]?.name ?? rule;

/** The table's columns; a score below the threshold says the referral needs work. */
const columnsFor = (needsWorkBelow: number): HistoryColumn<Summary, Sort['key']>[] => [
  { key: 'file', label: 'File', text: (c) => (c.versions > 1 ? `${c.fileName} (${c.versions} versions)` : c.fileName), width: '19%' },
  { key: 'when', label: 'Checked', text: (c) => new Date(c.checkedAt).toLocaleString('en-GB', { dateStyle: 'medium', timeStyle: 'short' }), width: '16%' },
  { key: 'author', label: 'Author', text: (c) => c.author, width: '11%' },
  { key: 'team', label: 'Team', text: (c) => c.team, width: '8%' },
  { key: 'score', label: 'Score', text: (c) => (c.error ? `could not be read (${c.error})` : c.score !== null && c.score < needsWorkBelow ? `${c.score} needs work` : String(c.score ?? '')), numeric: true, width: '12%' },
  { key: 'findings', label: 'Open findings', text: (c) => String(c.disbelief + c.victimBlaming + c.jargon), numeric: true, width: '8%' },
  { key: 'missing', label: 'Missing', text: (c) => c.missing.map((m) => labelOf(m)).join(', '), width: '10%' },
  { key: 'status', label: 'Status', text: (c) => STATUS_LABELS[c.status], width: '11%' },
  { key: 'source', label: 'From', text: (c) => (c.source === 'audit' ? 'audit' : c.source === 'team' ? 'team file' : 'app'), width: '5%' },
];

export function HistoryView({ onOpenCheck }: { onOpenCheck: (id: number) => void }) {
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
  const needsWorkBelow = history.needsWorkBelow;
  const columns = useMemo(() => columnsFor(needsWorkBelow), [needsWorkBelow]);
  // a check made or changed meanwhile (here or in another window): the rows, figures and open report follow
  const { reload } = history;
  const openId = open?.id;
  useEffect(
    () =>
      onHistoryChanged(() => {
        reload();
        if (openId !== undefined) void api.historyGet({ id: openId }).then((r) => r.ok && setOpen((o) => (o && o.id === openId ? r.value : o)));
      }),
    [reload, openId],
  );

  useEffect(() => {
    const t = setTimeout(() => setFilter((f) => (JSON.stringify(f) === JSON.stringify(form) ? f : form)), TYPING);
    return () => clearTimeout(t);
  }, [form]);
  useEffect(() => {
    void api.settingsGet({}).then((r) => r.ok && setSettings(r.value));
  }, []);

  const set = (patch: Partial<Filter>) => setForm((f) => Object.fromEntries(Object.entries({ ...f, ...patch }).filter(([, v]) => v !== '' && v !== undefined)) as Filter);
  const sortBy = useCallback((key: Sort['key']) => setSort((s) => ({ key, dir: s.key === key && s.dir === 'asc' ? 'desc' : 'asc' })), []);
  const openCheck = useCallback(async (c: { id: number }) => {
    const r = await api.historyGet({ id: c.id });
    if (r.ok) setOpen(r.value);
    else setNote(r.error.message);
  }, []);
  const setStatus = async (id: number, status: Status) => {
    const r = await api.historySetStatus({ id, status });
    if (r.ok) {
      setOpen((o) => (o && o.id === id ? { ...o, status } : o));
      history.reload();
    }
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
      <p>
        Documents checked on this computer and imported from team files, one row each: a document checked again is one row, with its versions beneath it when opened. Document text is{' '}
        {settings?.storeText ? 'kept with each check (you turned this on in Settings)' : 'not kept: only figures, rule names and decisions (Settings)'}.
      </p>
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
        <AnyOf label="Team" value={form.team} options={data?.teams} onChange={(team) => set({ team })} />
        <AnyOf label="Author" value={form.author} options={data?.authors} onChange={(author) => set({ author })} />
        <label className="check">
          <input type="checkbox" data-testid="history-needs-work" checked={form.needsWork ?? false} onChange={(e) => set({ needsWork: e.target.checked || undefined })} /> Only those that need work (score below {needsWorkBelow})
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
      {data && <Figures overview={data} needsWorkBelow={needsWorkBelow} />}
      {open && (
        <section className="check-report" aria-labelledby="check-report-title" data-testid="check-report">
          <h3 id="check-report-title">
            {open.fileName} · score {open.score ?? '–'}
            {open.score !== null && open.score < needsWorkBelow ? ' · needs work' : ''}
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
                    <th scope="col">Why it matters</th>
                    <th scope="col">Severity</th>
                    <th scope="col">Decision</th>
                    {open.findings.some((f) => f.excerpt) && <th scope="col">Words</th>}
                  </tr>
                </thead>
                <tbody>
                  {open.findings.map((f, i) => (
                    <tr key={i}>
                      <td>{nameOf(open.ruleWords, f.rule)}</td>
                      <td>{open.ruleWords[f.rule]?.about ?? ''}</td>
                      <td>{f.severity}</td>
                      <td>{f.decision === 'dismissed' ? `dismissed: ${f.reason ?? ''}` : f.decision}</td>
                      {open.findings.some((x) => x.excerpt) && <td>{f.excerpt ?? ''}</td>}
                    </tr>
                  ))}
                </tbody>
              </table>
            </>
          )}
          {open.versionList.length > 1 && (
            <table data-testid="check-versions">
              <caption>Versions of this document ({open.versionList.length}), newest first</caption>
              <thead>
                <tr>
                  <th scope="col">Checked</th>
                  <th scope="col">By</th>
                  <th scope="col" className="num">
                    Score
                  </th>
                  <th scope="col" className="num">
                    Open findings
                  </th>
                  <th scope="col">From</th>
                </tr>
              </thead>
              <tbody>
                {open.versionList.map((v) => (
                  <tr key={v.id} aria-current={v.id === open.id ? 'true' : undefined}>
                    <td>
                      {v.id === open.id ? (
                        `${new Date(v.checkedAt).toLocaleString('en-GB', { dateStyle: 'medium', timeStyle: 'short' })} (shown)`
                      ) : (
                        <button type="button" className="link" onClick={() => void openCheck(v)}>
                          {new Date(v.checkedAt).toLocaleString('en-GB', { dateStyle: 'medium', timeStyle: 'short' })}
                        </button>
                      )}
                    </td>
                    <td>{v.author || '–'}</td>
                    <td className="num">{v.error ? 'not read' : (v.score ?? '–')}</td>
                    <td className="num">{v.disbelief + v.victimBlaming + v.jargon}</td>
                    <td>{v.source === 'audit' ? 'audit' : v.source === 'team' ? 'team file' : 'app'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          <div className="actions">
            {!open.error && (
              <button type="button" data-testid="open-in-check" disabled={!open.hasText} aria-describedby={open.hasText ? undefined : 'open-in-check-why'} onClick={() => onOpenCheck(open.id)}>
                Open this draft in Check a draft
              </button>
            )}
            {!open.error && !open.hasText && (
              <span id="open-in-check-why" className="muted">
                Its words are not kept on this computer, so it cannot be opened from here: open the file itself in Check a draft. (Settings: keep the document text.)
              </span>
            )}
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
            {history.total === 0 ? 'No documents in the history yet' : `Listing ${count(history.matching)} of ${count(history.total)} document${history.total === 1 ? '' : 's'}${history.matching < history.total ? ', those that match the filters' : ''}`}
            {error ? ` (${error})` : ''}.
          </p>
          <HistoryTable
            columns={columns}
            count={history.matching}
            rowAt={history.rowAt}
            rowId={idOf}
            ensure={history.ensure}
            sort={sort}
            onSort={sortBy}
            onOpen={openCheck}
            caption={`Documents: ${count(history.matching)} of ${count(history.total)}`}
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
                  {nameOf(data?.ruleWords, r.rule)}
                  {r.dismissalRate >= NOISY ? ' (often dismissed)' : ''}
                  {data?.ruleWords[r.rule]?.about ? <span className="muted">: {data.ruleWords[r.rule]!.about}</span> : null}
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
      <h3>Team file</h3>
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
      {note && (
        <p role="status" className="note">
          {note}
        </p>
      )}
    </section>
  );
}

/** How many checks and their average, and the charts: drawn again only when the figures change, not as the user types. */
const Figures = memo(function Figures({ overview: { stats, groups, ruleWords }, needsWorkBelow }: { overview: Overview; needsWorkBelow: number }) {
  const who = (name: string, none: string) => name || none;
  return (
    <>
      <p role="status" data-testid="history-count">
        {count(stats.checks)} document{stats.checks === 1 ? '' : 's'}
        {stats.errors ? ` and ${count(stats.errors)} file${stats.errors === 1 ? '' : 's'} that could not be read` : ''}
        {stats.averageScore !== null ? `; average score ${stats.averageScore}` : ''}; {count(groups.needsWork)} need{groups.needsWork === 1 ? 's' : ''} work (score below {needsWorkBelow}).
      </p>
      <div className="charts">
        <BarChart title="Needing work, by author" bars={groups.byAuthor.slice(0, 12).map((g) => ({ label: who(g.name, 'no name set'), value: g.needsWork }))} color="var(--victim)" format={(v) => `${v}`} testId="chart-history-authors" />
        <BarChart title="Average score, by team" bars={groups.byTeam.slice(0, 12).map((g) => ({ label: who(g.name, 'no team set'), value: g.averageScore ?? 0 }))} testId="chart-history-teams" />
        <LineChart title="Average score by day" points={stats.scoreOverTime.map((p) => ({ label: p.day, value: p.average }))} testId="chart-score-time" />
        <BarChart title="Most frequent rules" bars={stats.rules.slice(0, 12).map((r) => ({ label: nameOf(ruleWords, r.rule), value: r.total }))} color="var(--disbelief)" testId="chart-history-rules" />
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

/** A filter that is one of a list of names, or any. */
function AnyOf({ label, value, options, onChange }: { label: string; value: string | undefined; options: readonly string[] | undefined; onChange: (v: string | undefined) => void }) {
  return (
    <label>
      {label}{' '}
      <select value={value ?? ''} onChange={(e) => onChange(e.target.value || undefined)}>
        <option value="">Any</option>
        {options?.map((o) => (
          <option key={o} value={o}>
            {o}
          </option>
        ))}
      </select>
    </label>
  );
}
