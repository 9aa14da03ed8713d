/**
 * nrm-check: the command-line host of the core.
 *   nrm-check check <files...> [--format text|json|sarif] [--config FILE] [--rules DIR] [--disable ID]
 *   nrm-check rules list|lint [--rules DIR]
 * Exit 0 when no error-severity finding, 1 when there are, 2 for usage or input errors.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Config } from '../config/config.js';
import { acceptAll, draftFromFile, openDraft, type DraftInput } from '../draft/draft.js';
import type { Finding } from '../engine/types.js';
import { ImportError } from '../import/errors.js';
import { TooLarge } from '../document/limits.js';
import type { RuleSet } from '../rules/compile.js';
import { RuleLoadError } from '../rules/errors.js';
import { DEFAULT_RULES_DIR, loadRulesCached, type RuleOptions } from '../rules/ruleset.js';
import { parseArgs, UsageError } from './args.js';
import { expandGlobs } from './glob.js';
import { formatExplanation, toJson, toSarif, toText, type FileResult } from './format.js';
import { later } from './later.js';
import { configLine, ignoredLines, inForce, offNote, type ConfigInForce } from '../config/in-force.js';
import { ExportError, writeAtomic } from '../export/write.js';
import { rememberExportFolder, sweepAtStart } from '../store/sweep.js';

const VERSION = '0.1.0';
const USAGE = `usage: nrm-check check <files or patterns...> [--format text|json|sarif] [--config FILE] [--rules DIR]
                 [--disable ID] [--password PW] [--ocr] [--max-size MB] [--max-pages N] [--timeout SECONDS]
       nrm-check fix <file> --out <file.docx> [--tracked] [--category C] [--allow-deletions] [--comments] [--appendix]
       nrm-check report <file> --out <report.html|report.pdf> [--show-names] [--decisions <work.json>]
       nrm-check form <file> [--format text|json] [--out <form.docx|form.txt>]
       nrm-check audit <folder> [--csv <out.csv>] [--out <report.html>] [--jobs N] [--history FILE | --no-history] [--timeout SECONDS] [--progress]
       nrm-check rules list|lint [--rules DIR]
       nrm-check explain "<sentence>" [--child | --adult] [--format text|json] [--all]
Checks draft National Referral Mechanism referrals (.docx, .pdf, .txt, .md) for disbelief, victim-blaming
and jargon, and for missing elements. Exit status: 0 no errors, 1 error-severity findings, 2 usage or input
error (a file that cannot be read is reported and the others are still checked).`;

interface Io {
  out: (s: string) => void;
  err: (s: string) => void;
  isTty: boolean;
  /** stderr is a terminal: progress lines may be shown there. */
  errIsTty?: boolean;
  /** Rewrites one progress line on stderr (an empty string clears it). */
  progress: (line: string) => void;
}

export async function main(argv: readonly string[], io: Io): Promise<number> {
  try {
    const [cmd, ...rest] = argv;
    if (!cmd || cmd === '--help' || cmd === '-h' || cmd === 'help') {
      io.out(USAGE);
      return cmd ? 0 : 2;
    }
    if (cmd === '--version') {
      io.out(VERSION);
      return 0;
    }
    sweepAtStart(); // temporary files an export killed mid-write left behind
    if (cmd === 'check') return await check(rest, io);
    if (cmd === 'fix') return await fix(rest, io);
    if (cmd === 'report') return await report(rest, io);
    if (cmd === 'form') return await formCmd(rest, io);
    if (cmd === 'audit') return await audit(rest, io);
    if (cmd === 'rules') return await rulesCmd(rest, io);
    if (cmd === 'explain') return await explainCmd(rest, io);
    throw new UsageError(`unknown command "${cmd}"`);
  } catch (e) {
    if (e instanceof UsageError) {
      io.err(`nrm-check: ${e.message}\n${USAGE}`);
      return 2;
    }
    if (e instanceof RuleLoadError) {
      io.err(`nrm-check: the rules could not be loaded:\n${e.message}`);
      return 2;
    }
    if (e instanceof ExportError) {
      io.err(`nrm-check: ${e.message}`);
      return 2;
    }
    if (e instanceof ImportError) {
      io.err(`nrm-check: ${withFlag(e)}`);
      return 2;
    }
    // (the config module, with its schema library, is loaded only when a config is found)
    if (e instanceof TooLarge || (e instanceof Error && e.name === 'ConfigError' && e instanceof (await import('../config/config.js')).ConfigError)) {
      io.err(`nrm-check: ${e.message}`);
      return 2;
    }
    io.err(unexpected(e));
    return 2;
  }
}

/**
 * One line for an error the checker did not expect (a fault of its own): what it was, never a stack, and at
 * most the first line of its message, cut short (it could quote a document).
 */
export function unexpected(e: unknown): string {
  const name = e instanceof Error ? e.name : 'Error';
  const first = (e instanceof Error ? e.message : String(e)).split('\n')[0]!.slice(0, 120);
  return `nrm-check: an unexpected problem stopped the check (${name}: ${first}). Nothing was changed. If it happens again, report it with the command you ran (not the document).`;
}

interface Loaded {
  rules: RuleSet;
  config: Config;
  ruleOptions: RuleOptions;
  /** The config in force and what it changes, as the output states it. */
  inForce: ConfigInForce;
  /** Rules turned off with --disable. */
  offByFlag: string[];
}

/**
 * The rules with the config in force (--config, or found from the first file's folder upwards). Says on
 * stderr which config is in force and which were passed over, unless `quiet` (JSON and SARIF carry it).
 */
async function loadFor(files: string[], opts: Map<string, string[]>, io: Io, quiet = false): Promise<Loaded> {
  const { findConfig, readConfig } = await later.config();
  const given = opts.get('config')?.[0];
  const found = given ? { file: path.resolve(given), ignored: [] } : findConfig(files[0] ? path.dirname(path.resolve(files[0])) : process.cwd());
  const config: Config = found.file ? await readConfig(found.file) : { disable: [], severity: {}, rules: [], accept: [] };
  const offByFlag = opts.get('disable') ?? [];
  const ruleOptions: RuleOptions = {
    extraDirs: [...config.rules, ...(opts.get('rules') ?? []).map((d) => path.resolve(d))],
    disable: [...config.disable, ...offByFlag],
    severity: config.severity,
  };
  const rules = await loadRulesCached(ruleOptions);
  const state = inForce(found.file ?? null, found.file ? config : undefined, { known: rules.loaded.map((l) => l.id), ignored: found.ignored });
  for (const line of ignoredLines(state)) io.err(`nrm-check: ${line}`);
  const line = configLine(state);
  if (line && !quiet) io.err(line);
  return { rules, config, ruleOptions, inForce: state, offByFlag };
}

/** The config as JSON and SARIF carry it: the file in force, what it changes, and rules off by --disable. */
function configData(l: Loaded): object {
  return { ...l.inForce, disabledOnCommandLine: l.offByFlag };
}

/** Writes an export atomically and remembers its folder, so a start after a crash can sweep it. */
function writeExport(out: string, data: Uint8Array | string, opts?: { protect?: string[] }): void {
  writeAtomic(out, data, opts);
  rememberExportFolder(path.dirname(path.resolve(out)));
}

async function check(argv: readonly string[], io: Io): Promise<number> {
  const { positional: patterns, opts, flags } = parseArgs(argv, { values: ['format', 'config', 'password', 'max-size', 'max-pages', 'timeout'], repeatable: ['rules', 'disable'], booleans: ['ocr'] });
  const format = opts.get('format')?.[0] ?? 'text';
  if (!['text', 'json', 'sarif'].includes(format)) throw new UsageError(`--format must be text, json or sarif`);
  if (!patterns.length) throw new UsageError('no files given');
  const positional = expandGlobs(patterns);
  const number = (name: string, min: number): number | undefined => {
    const v = opts.get(name)?.[0];
    if (v === undefined) return undefined;
    const n = Number(v);
    if (!Number.isFinite(n) || n < min) throw new UsageError(`--${name} must be a number of at least ${min}`);
    return n;
  };
  const maxSize = number('max-size', 1);
  const maxPages = number('max-pages', 1);
  const timeout = number('timeout', 1);
  const importOpts = {
    password: opts.get('password')?.[0],
    ...(maxSize ? { maxBytes: maxSize * 1048576 } : {}),
    ...(maxPages ? { maxPages } : {}),
    ...(timeout ? { timeoutMs: timeout * 1000 } : {}),
    ocr: flags.has('ocr'),
    ...(io.errIsTty
      ? { onOcrProgress: (p: { page: number; pages: number; progress: number }) => io.progress(`Reading scanned page ${p.page} of ${p.pages}: ${Math.round(p.progress * 100)}%`) }
      : {}),
  };
  const loaded = await loadFor(positional, opts, io, format !== 'text');
  const { rules, config } = loaded;
  const results: FileResult[] = [];
  const failures: { file: string; code: string; message: string }[] = [];
  for (const file of positional) {
    try {
      const { document: doc, warnings, draft } = await draftFromFile(file, { rules, accept: config.accept }, importOpts);
      for (const w of warnings) io.err(`nrm-check: ${file}: ${w}`);
      results.push({ file, text: doc.text, blocks: doc.blocks, warnings, ...draft.lint() });
    } catch (e) {
      if (!(e instanceof ImportError || e instanceof TooLarge)) throw e;
      const message = e instanceof ImportError ? withFlag(e) : e.message;
      failures.push({ file, code: e.code, message });
      io.err(`nrm-check: ${file}: ${message}`);
    }
  }
  if (format === 'json') {
    const items: object[] = [...results.map((r) => ({ ...toJson(r), config: configData(loaded) })), ...failures.map((f) => ({ file: f.file, error: { code: f.code, message: f.message } }))];
    io.out(JSON.stringify(positional.length === 1 ? items[0] : items, null, 2));
  } else if (format === 'sarif') {
    const meta = rules.loaded.map((l) => ({ id: l.id, message: l.rule.message, rationale: l.rule.rationale.trim(), source: l.rule.source.id }));
    io.out(JSON.stringify(toSarif(results, meta, VERSION, { data: configData(loaded), disabled: [...loaded.inForce.disabled, ...loaded.offByFlag], notes: [configLine(loaded.inForce), ...ignoredLines(loaded.inForce)].filter((x) => x !== undefined) }), null, 2));
  } else {
    const off = offNote(loaded.inForce, loaded.offByFlag);
    io.out(results.map((r) => toText(r, io.isTty && !process.env.NO_COLOR, off)).join('\n\n'));
  }
  if (failures.length) return 2;
  return results.some((r) => r.findings.some((f) => f.severity === 'error')) ? 1 : 0;
}

async function fix(argv: readonly string[], io: Io): Promise<number> {
  const { positional, opts, flags } = parseArgs(argv, {
    values: ['out', 'category', 'config', 'password'],
    repeatable: ['rules', 'disable'],
    booleans: ['tracked', 'allow-deletions', 'comments', 'appendix', 'ocr'],
  });
  const file = positional[0];
  const out = opts.get('out')?.[0];
  if (!file || positional.length > 1) throw new UsageError('fix takes one file');
  if (!out || !/\.docx$/i.test(out)) throw new UsageError('fix needs --out FILE.docx');
  const category = opts.get('category')?.[0];
  if (category && !['disbelief', 'victim-blaming', 'jargon'].includes(category)) throw new UsageError('--category must be disbelief, victim-blaming or jargon');
  const { rules, config } = await loadFor([file], opts, io);
  const checker = { rules, accept: config.accept };
  const { draft } = await draftFromFile(file, checker, { password: opts.get('password')?.[0], ocr: flags.has('ocr') });
  const result = draft.lint();
  const wanted = (f: Finding) => f.suggestions.length > 0 && (!category || f.category === category);
  const chosen = result.findings.filter(wanted);
  const applied = chosen.filter((f) => f.suggestions[0] !== '' || flags.has('allow-deletions'));
  const skipped = chosen.length - applied.length;
  const { docxFile } = await later.outputs();
  const open = result.findings.filter((f) => !applied.includes(f));
  // the draft with every chosen first suggestion accepted, exported as the app exports
  const fixed = acceptAll(draft, (f) => (applied.includes(f) ? f.suggestions[0] : undefined));
  const { bytes } = await docxFile(fixed, {
    mode: flags.has('tracked') ? 'tracked' : 'clean',
    appendix: flags.has('appendix'),
    ...(flags.has('comments') ? { comments: open.map((f) => ({ start: f.start, end: f.end, text: f.message + (f.note ? ` ${f.note}` : '') })) } : {}),
  });
  writeExport(out, bytes, { protect: [file] });
  io.out(
    `Applied ${applied.length} suggestion${applied.length === 1 ? '' : 's'}${flags.has('tracked') ? ' as tracked changes' : ''}` +
      (skipped ? ` (${skipped} deletion${skipped === 1 ? '' : 's'} left: add --allow-deletions to apply them)` : '') +
      `; ${open.length} finding${open.length === 1 ? '' : 's'} left for you. Wrote ${out}.`,
  );
  return 0;
}

async function report(argv: readonly string[], io: Io): Promise<number> {
  const { positional, opts, flags } = parseArgs(argv, { values: ['out', 'config', 'password', 'decisions'], repeatable: ['rules', 'disable'], booleans: ['show-names', 'ocr'] });
  const file = positional[0];
  const out = opts.get('out')?.[0];
  if (!file || positional.length > 1) throw new UsageError('report takes one file');
  if (!out || !/\.(html?|pdf)$/i.test(out)) throw new UsageError('report needs --out FILE.html or FILE.pdf');
  const { rules, config } = await loadFor([file], opts, io);
  const decisions = opts.has('decisions') ? await readDecisions(opts.get('decisions')![0]!) : undefined;
  const checker = { rules, accept: config.accept };
  const read = await draftFromFile(file, checker, { password: opts.get('password')?.[0], ocr: flags.has('ocr') });
  // the draft as the user left it: their text and decisions on the document as read
  const draft = decisions ? openDraft({ ...read.draft.input, text: decisions.text ?? read.document.text, accepted: decisions.accepted, dismissed: decisions.dismissed }, checker) : read.draft;
  const { reportFile } = await later.outputs();
  const made = await reportFile(draft, /\.pdf$/i.test(out) ? 'pdf' : 'html', { maskNames: !flags.has('show-names') });
  writeExport(out, made.bytes, { protect: [file] });
  const open = draft.open().length;
  const missing = draft.lint().missing.length;
  io.out(`Score ${made.model.score}/100, ${open} open finding${open === 1 ? '' : 's'}, ${missing} missing element${missing === 1 ? '' : 's'}. Wrote ${out}${made.model.masked ? ' (names masked; --show-names to keep them)' : ''}.`);
  return 0;
}

/**
 * The user's decisions on a draft, as the app keeps them (its unsaved work or a history entry's): the text
 * now, the accepted and dismissed findings. A report made from them matches the app's.
 */
async function readDecisions(file: string): Promise<{ text?: string } & Pick<DraftInput, 'accepted' | 'dismissed'>> {
  const { DecisionsFile } = await import('../draft/schema.js');
  let raw: unknown;
  try {
    raw = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (e) {
    throw new UsageError(`--decisions ${file} could not be read as JSON (${(e as Error).message})`);
  }
  const r = DecisionsFile.safeParse(raw);
  if (!r.success) throw new UsageError(`--decisions ${file} is not a decisions file: ${r.error.issues[0]!.path.join('.')}: ${r.error.issues[0]!.message}`);
  return r.data;
}

/** The draft laid out as the online form: sections and questions in the form's order, with confidence. */
async function formCmd(argv: readonly string[], io: Io): Promise<number> {
  const { positional, opts, flags } = parseArgs(argv, { values: ['format', 'out', 'config', 'password'], repeatable: ['rules', 'disable'], booleans: ['ocr'] });
  const file = positional[0];
  const format = opts.get('format')?.[0] ?? 'text';
  const out = opts.get('out')?.[0];
  if (!file || positional.length > 1) throw new UsageError('form takes one file');
  if (!['text', 'json'].includes(format)) throw new UsageError('--format must be text or json');
  if (out && !/\.(docx|txt)$/i.test(out)) throw new UsageError('--out is the form-ready text: give it a name ending in .docx or .txt');
  const { rules, config } = await loadFor([file], opts, io);
  const { draft } = await draftFromFile(file, { rules, accept: config.accept }, { password: opts.get('password')?.[0], ocr: flags.has('ocr') });
  const result = draft.lint();
  const { formFile, formViewOf } = await later.outputs();
  // the same view the app's form view shows
  const view = formViewOf(draft);
  const { issues, missing: formMissing, limit } = view;
  if (out) {
    writeExport(out, (await formFile(draft, /\.docx$/i.test(out) ? 'docx' : 'txt')).bytes, { protect: [file] });
  }
  const sections = view.sections.map((s) => ({ ...s, questions: s.questions.map(({ pieces: _p, ...q }) => q) }));
  if (format === 'json') {
    // The core findings, then the form's own (category "form", each with the form question it concerns).
    const findings = [...result.findings, ...issues.map((i) => ({ ...i, category: 'form' }))];
    const missing = [...result.missing, ...formMissing].map((m) => ({ element: m.element, message: m.message, question: m.question }));
    io.out(JSON.stringify({ file, sections, findings, missing }, null, 2));
  } else {
    io.out(`${file} — as the online NRM form (${sections.length} of ${sections.length + view.unanswered.length} sections answered)`);
    for (const s of sections) {
      io.out(`\n  ${s.title}  (confidence ${Math.round(s.confidence * 100)}%)`);
      for (const q of s.questions) {
        const over = q.box && q.text.length > limit ? `  over the ${limit}-character limit` : '';
        io.out(`    ${q.title}  [${q.text.length} characters, ${Math.round(q.confidence * 100)}%]${over}`);
        io.out(`      ${q.text.replace(/\s+/g, ' ').slice(0, 110)}${q.text.length > 110 ? '…' : ''}`);
      }
    }
    if (issues.length) {
      io.out(`\n  For the form (${issues.length})`);
      for (const i of issues) io.out(`    ${i.severity.padEnd(10)} ${i.message}  ${i.rule}\n               Ask: ${i.question}`);
    }
    if (formMissing.length) {
      io.out(`\n  Questions the form asks that the draft leaves open (${formMissing.length})`);
      for (const m of formMissing) io.out(`    ${m.element.padEnd(18)} ${m.message}\n                       Ask: ${m.question}`);
    }
    if (out) io.out(`\nWrote ${out}.`);
  }
  return 0;
}

/** An import error in the command line's terms: what may open the file, as the flag that does it. */
function withFlag(e: ImportError): string {
  if (e.remedy === 'password') return `${e.message} Use --password PASSWORD.`;
  if (e.remedy === 'ocr') return `${e.message} Use --ocr.`;
  return e.message;
}

async function audit(argv: readonly string[], io: Io): Promise<number> {
  const { positional, opts, flags } = parseArgs(argv, { values: ['csv', 'out', 'config', 'jobs', 'history', 'timeout'], repeatable: ['rules', 'disable'], booleans: ['no-history', 'progress'] });
  const dir = positional[0];
  const csv = opts.get('csv')?.[0];
  const html = opts.get('out')?.[0];
  if (!dir || positional.length > 1) throw new UsageError('audit takes one folder');
  if (!csv && !html) throw new UsageError('audit needs --csv FILE.csv, --out REPORT.html or both');
  if (html && !/\.html?$/i.test(html)) throw new UsageError('--out is the HTML report: give it a name ending in .html');
  if (!fs.existsSync(dir) || !fs.statSync(dir).isDirectory()) throw new UsageError(`${dir} is not a folder`);
  const { auditCheck, auditFiles, listDrafts, toCsv, defaultConcurrency } = await later.audit();
  const { pace, paceText } = await later.auditPace();
  const jobs = Number(opts.get('jobs')?.[0] ?? defaultConcurrency());
  if (!Number.isInteger(jobs) || jobs < 1 || jobs > 16) throw new UsageError('--jobs takes a whole number from 1 to 16');
  const timeout = opts.has('timeout') ? Number(opts.get('timeout')![0]) : undefined;
  if (timeout !== undefined && !(timeout >= 1 && timeout <= 3600)) throw new UsageError('--timeout takes a number of seconds from 1 to 3600');
  // Loaded here so a broken rule or config stops the audit before it starts; each worker loads its own copy.
  const { ruleOptions } = await loadFor([path.join(dir, 'x')], opts, io);
  const files = listDrafts(dir);
  // Every finished file goes into the history (one transaction each) before its progress is reported.
  let history: import('../store/store.js').Store | undefined;
  let auditId: number | undefined;
  if (!flags.has('no-history')) {
    const { Store } = await later.store();
    const { defaultStorePath } = await later.storePaths();
    const file = opts.get('history')?.[0] ?? defaultStorePath();
    try {
      history = Store.open(file);
      auditId = history.startAudit(path.resolve(dir), files.length);
    } catch (e) {
      io.err(`nrm-check: the history ${file} could not be opened (${(e as Error).message}); the audit goes on without it.`);
      history = undefined;
    }
  }
  const plain = flags.has('progress') && !io.errIsTty;
  const started = performance.now();
  const rows = await auditFiles(files, ruleOptions, {
    concurrency: jobs,
    ...(timeout ? { importOptions: { timeoutMs: timeout * 1000 } } : {}),
    onRow: (row, detail) => history?.addCheck(auditCheck(dir, row, detail, auditId)),
    onProgress: (done, total, row) => {
      if (plain) io.err(`checked ${done} of ${total}: ${path.relative(dir, row.file)}`);
      else {
        const speed = paceText(pace(done, total, performance.now() - started));
        io.progress(`Checked ${done} of ${total} files${speed ? ` (${speed})` : ''}`);
      }
    },
  });
  io.progress('');
  if (history && auditId !== undefined) {
    history.finishAudit(auditId);
    history.close();
  }
  if (csv) writeExport(csv, toCsv(rows, dir));
  if (html) {
    const { auditHtml } = await later.auditReport();
    writeExport(html, auditHtml(rows, dir));
  }
  const errors = rows.filter((r) => r.status === 'error').length;
  const rate = pace(rows.length, rows.length, performance.now() - started).perSecond;
  io.out(`Checked ${rows.length - errors} of ${rows.length} files (${errors} could not be read${rate ? `; ${rate} drafts/s` : ''}). Wrote ${[csv, html].filter(Boolean).join(' and ')}.`);
  return 0;
}

/** How a sentence was read and why each candidate rule fired or did not. */
async function explainCmd(argv: readonly string[], io: Io): Promise<number> {
  const { positional, opts, flags } = parseArgs(argv, { values: ['format'], repeatable: ['rules'], booleans: ['child', 'adult', 'all'] });
  const text = positional.join(' ').trim();
  if (!text) throw new UsageError('explain needs a sentence: nrm-check explain "She claims she was never paid."');
  const format = opts.get('format')?.[0] ?? 'text';
  if (format !== 'text' && format !== 'json') throw new UsageError('--format must be text or json');
  const rules = await loadRulesCached({ extraDirs: opts.get('rules')?.map((d) => path.resolve(d)) ?? [] });
  const { explain } = await later.explain();
  
  const subject = flags.has('child') ? { isChild: true } : flags.has('adult') ? { isChild: false } : undefined;
  const ex = explain(text, rules, subject);
  io.out(format === 'json' ? JSON.stringify(ex, null, 2) : formatExplanation(ex, flags.has('all')));
  return 0;
}

async function rulesCmd(argv: readonly string[], io: Io): Promise<number> {
  const { positional, opts } = parseArgs(argv, { values: [], repeatable: ['rules'], booleans: [] });
  const sub = positional[0];
  const dirs = opts.get('rules')?.map((d) => path.resolve(d)) ?? [];
  const rules = await loadRulesCached({ extraDirs: dirs });
  if (sub === 'list') {
    for (const l of rules.loaded) io.out(`${l.id.padEnd(42)} ${l.rule.kind.padEnd(12)} ${'category' in l.rule ? l.rule.category : 'element'}`);
    return 0;
  }
  if (sub === 'lint') {
    const { checkAllExamples } = await later.examples();
    const { loadRuleDirs } = await later.ruleFiles();
    const failures = checkAllExamples(loadRuleDirs([DEFAULT_RULES_DIR, ...dirs]));
    for (const f of failures) io.err(`${path.relative(process.cwd(), f.file)}: ${f.rule}: ${f.message}`);
    io.out(`${rules.loaded.length} rule files, ${failures.length} problem${failures.length === 1 ? '' : 's'}`);
    return failures.length ? 1 : 0;
  }
  throw new UsageError(`rules needs "list" or "lint"`);
}
