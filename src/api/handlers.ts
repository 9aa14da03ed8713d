/** The API implemented with the core; host-agnostic. Hosts validate inputs with `parseInput` first. */
import { createHash } from 'node:crypto';
import { AuditError, AuditJobs } from '../audit/jobs.js';
import { draftFromBytes, openDraft, type Draft } from '../draft/draft.js';
import { LintStopped, type LintThread } from '../draft/off-thread.js';
import { TooLarge } from '../document/limits.js';
import { docxFile, formFile, formViewOf, historyOf, placementsOf, reportFile, type Made, type Placements } from '../draft/outputs.js';
import { inForce, settingsLine, type ConfigInForce } from '../config/in-force.js';
import { explainAt } from '../engine/explain.js';
import { ImportError } from '../import/errors.js';
import type { RuleSet } from '../rules/compile.js';
import type { RuleOptions } from '../rules/ruleset.js';
import { applySuggestions } from '../rewrite/apply.js';
import { LEASE_MS, type HostRegistry } from '../store/hosts.js';
import { RecoveryStore, WorkInUse } from '../store/recovery.js';
import { StoreError, type Store } from '../store/store.js';
import { loadExamples, ownExample, type TrainerExample } from '../trainer/trainer.js';
import { fail, failImport, HISTORY_PAGE, ok, WorkSchema, type DraftData, type Input, type Outputs, type Result, type TrainerSummary } from './contract.js';
import { savedDecisions } from './saved-decisions.js';
import { ruleWords } from './rule-words.js';
import type { Method } from './methods.js';

export type Handlers = { [M in Method]: (input: Input<M>) => Promise<Result<Outputs[M]>> };

/** What a host gives the handlers besides the rules. */
export interface HandlerDeps {
  /** The history store, opened by the host; absent when it could not be opened. */
  store?: Store;
  /** Why there is no store, for the user. */
  storeProblem?: string;
  storePath?: string;
  /** How `rules` were loaded, for the audit's worker threads (each loads its own copy); default: built-in. */
  ruleOptions?: RuleOptions;
  /** Where work in progress is kept (the app-data folder's recovery/); absent: not kept. */
  recoveryDir?: string;
  /** This process's registration in the data folder, so that windows of other hosts can tell its windows are open. */
  hosts?: HostRegistry;
  /** The host's folder chooser (Electron's dialog); the browser host has none. */
  chooseFolder?: () => Promise<string | null>;
  /** The organisation config in force (read by the host from the app-data folder), shown in Settings. */
  config?: ConfigInForce;
  /** Terms that config accepts (never flagged). */
  accept?: string[];
  /** Where drafts are linted off the host's main thread, with a time limit (the hosts give one; tests may not). */
  linter?: LintThread;
}

/** A lint stopped by a limit, as the API answers it; anything else is the checker's own fault. */
function stopped(e: unknown, internal = 'The draft could not be checked because of an unexpected problem in the checker.'): Result<never> {
  if (e instanceof TooLarge || e instanceof LintStopped) return fail(e.code === 'internal' ? 'Internal' : e.code, e.message);
  return fail('Internal', internal);
}

function trainerSummary(e: TrainerExample): TrainerSummary {
  return { id: e.id, title: e.title, person: e.person, summary: e.summary, categories: e.categories, missing: e.missing, steps: e.steps.length };
}

const trainerView = (e: TrainerExample) => ({ ...trainerSummary(e), original: e.original, cleaned: e.cleaned, steps: e.steps, left: e.left });

/** A made file as the API carries it. */
const encoded = (m: Made) => ({ filename: m.filename, mime: m.mime, data: Buffer.from(m.bytes).toString('base64') });

const validWork = (w: unknown) => {
  const r = WorkSchema.safeParse(w);
  return r.success ? r.data : null;
};

export function createHandlers(rules: RuleSet, deps: HandlerDeps = {}): Handlers {
  const linter = deps.linter;
  const checker = { rules, ...(deps.accept?.length ? { accept: deps.accept } : {}), ...(linter ? { linter: linter.lint.bind(linter) } : {}) };
  /**
   * Runs `fn` with the core's draft for what the app holds (the same object, and one lint, for one revision),
   * linted off the main thread when the host gave a linter; a draft too large or too slow to check is
   * answered with its typed error.
   */
  const withDraft = async <T>(d: DraftData, fn: (draft: Draft) => Result<T> | Promise<Result<T>>): Promise<Result<T>> => {
    try {
      const draft = openDraft({ name: d.name, original: d.original, text: d.text, accepted: d.accepted, dismissed: d.dismissed, ...(d.subject ? { subject: d.subject } : {}) }, checker);
      return await fn(await draft.ready());
    } catch (e) {
      if (e instanceof TooLarge || e instanceof LintStopped) return stopped(e);
      throw e;
    }
  };
  /** The same with the draft's placements on the form; a question the form does not have is bad input. */
  const withPlacements = async <T>(d: DraftData, fn: (draft: Draft, placements: Placements) => Result<T> | Promise<Result<T>>): Promise<Result<T>> => {
    let placements: Placements;
    try {
      placements = placementsOf(d.placements);
    } catch (e) {
      if (e instanceof RangeError) return fail('BadInput', e.message);
      throw e;
    }
    return withDraft(d, (draft) => fn(draft, placements));
  };
  const jobs = new AuditJobs(deps.ruleOptions ?? {}, () => deps.store);
  const noStore = () => fail('Unavailable', deps.storeProblem ?? 'The history is not available in this window.');
  /** Runs a store operation, turning its errors into data. */
  const withStore = <T>(fn: (store: Store) => T): Result<T> => {
    if (!deps.store) return noStore();
    try {
      return ok(fn(deps.store));
    } catch (e) {
      if (e instanceof StoreError) return fail('BadInput', e.message);
      return fail('Internal', 'The history could not be updated because of an unexpected problem.');
    }
  };
  const org = deps.config ?? inForce(null, undefined);
  /** Which organisation config is in force, as Settings shows it. */
  const orgConfig = { file: org.file, disabled: org.disabled, summary: settingsLine(org) };
  const recovery = deps.recoveryDir ? new RecoveryStore(deps.recoveryDir, deps.hosts) : undefined;
  const auditCall = <T>(fn: () => T): Result<T> => {
    try {
      return ok(fn());
    } catch (e) {
      if (e instanceof AuditError) return fail(e.code, e.message);
      return fail('Internal', 'The audit could not be run because of an unexpected problem.');
    }
  };
  return {
    async importDocument(input) {
      try {
        const bytes = Buffer.from(input.data, 'base64');
        const r = await draftFromBytes(input.name, bytes, checker, { password: input.password, ocr: input.ocr });
        const contentHash = createHash('sha256').update(bytes).digest('hex');
        return ok({ name: input.name, format: r.format, text: r.document.text, warnings: r.warnings, contentHash, ...(await r.draft.ready()).view() });
      } catch (e) {
        if (e instanceof ImportError) return failImport(e);
        return stopped(e, 'The document could not be opened because of an unexpected problem in the checker.');
      }
    },
    async lint(input) {
      return withDraft(input.draft, (draft) => ok(draft.view()));
    },
    async explain(input) {
      const r = explainAt(input.text, input.at, rules, input.subject ? { isChild: input.subject === 'child' } : {});
      if (!r) return fail('BadInput', 'There is no sentence at that place in the text.');
      return ok({ about: `${r.subject.isChild ? 'a child' : 'an adult'} (${r.subject.basis})`, sentence: r.sentence });
    },
    async applySuggestions(input) {
      try {
        const applied = applySuggestions(input.text, input.edits);
        return ok({ text: applied.text, changes: applied.changes });
      } catch (e) {
        return fail('BadInput', (e as Error).message);
      }
    },
    async exportDocx(input) {
      return withDraft(input.draft, async (draft) => ok(encoded(await docxFile(draft, { mode: input.mode, appendix: input.appendix ?? false }))));
    },
    async exportReport(input) {
      return withDraft(input.draft, async (draft) => ok(encoded(await reportFile(draft, input.format, { maskNames: input.maskNames ?? true }))));
    },
    async historyList(input) {
      return withStore((store) => {
        const { needsWork, ...asked } = input.filter ?? {};
        const needsWorkBelow = store.settings().needsWorkBelow;
        const filter = needsWork ? { ...asked, needsWorkBelow } : asked;
        const offset = input.offset ?? 0;
        const checks = store.pageChecks(filter, { sort: input.sort, offset, limit: input.limit ?? HISTORY_PAGE });
        const total = store.countChecks();
        if (input.stats === false) return { checks, offset, matching: store.countChecks(filter), total, needsWorkBelow };
        const stats = store.stats(filter);
        const groups = store.groups(filter, needsWorkBelow);
        return { checks, offset, matching: stats.checks + stats.errors, total, stats, ...store.people(), groups, ruleWords: ruleWords(rules, stats.rules.map((r) => r.rule)), needsWorkBelow };
      });
    },
    async historyGet(input) {
      if (!deps.store) return noStore();
      const c = deps.store.getCheck(input.id);
      return c ? ok({ ...c, ruleWords: ruleWords(rules, c.findings.map((f) => f.rule)) }) : fail('NotFound', 'That check is no longer in the history.');
    },
    async historyOpen(input) {
      if (!deps.store) return noStore();
      const c = deps.store.getCheck(input.id);
      if (!c) return fail('NotFound', 'That check is no longer in the history.');
      // the work left unsaved on this check, when no other window has it open
      const kept = recovery?.list(validWork, input.window).find((k) => k.work.historyId === input.id && !k.inUse);
      if (kept && recovery) {
        try {
          const k = recovery.restore(kept.id, input.window, validWork);
          if (k) return ok({ from: 'unsaved' as const, workId: k.id, work: k.work });
        } catch (e) {
          if (e instanceof WorkInUse) return fail('Busy', 'This draft is open in another window. Carry on in that window, or close it and try again.');
        }
      }
      if (c.error) return fail('NotFound', `${c.fileName} could not be read (${c.error}), so there is no draft to open. Open the file again in Check a draft once it can be read.`);
      if (c.text === null)
        return fail('NotFound', `The words of ${c.fileName} are not kept on this computer (only its figures are), so it cannot be opened from History. Open the file again in Check a draft; to open checks from History in future, turn on "Keep the document text" in Settings.`);
      const text = c.text;
      return withDraft({ name: c.fileName, original: null, text, accepted: [], dismissed: [] }, (draft) =>
        ok({ from: 'saved' as const, work: { name: c.fileName, ...(/^[0-9a-f]{64}$/.test(c.contentHash) ? { contentHash: c.contentHash } : {}), original: null, text, warnings: [], historyId: c.id, status: c.status, ...savedDecisions(c.findings, draft.lint().findings, rules) } }),
      );
    },
    async historySave(input) {
      return withDraft(input.draft, (draft) =>
        withStore((store) => {
          const record = { ...historyOf(draft), ...(input.status ? { status: input.status } : {}) };
          if (input.id !== undefined) {
            store.updateCheck(input.id, record);
            return { id: input.id };
          }
          return { id: store.addCheck({ ...record, fileName: input.draft.name, contentHash: input.contentHash, source: 'app' }) };
        }),
      );
    },
    async historySetStatus(input) {
      return withStore((store) => {
        store.setStatus(input.id, input.status);
        return { id: input.id };
      });
    },
    async historyDelete(input) {
      return withStore((store) => {
        store.deleteCheck(input.id);
        return { id: input.id };
      });
    },
    async settingsGet() {
      return withStore((store) => ({ ...store.settings(), storePath: deps.storePath ?? store.file, config: orgConfig }));
    },
    async settingsSet(input) {
      return withStore((store) => {
        const patch = Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined));
        // Turning it off removes the work kept so far.
        if (input.keepUnsaved === false) recovery?.clearAll();
        return { ...store.updateSettings(patch), storePath: deps.storePath ?? store.file, config: orgConfig };
      });
    },
    async teamExport(input) {
      return withStore((store) => {
        const file = store.exportTeam(input.filter ?? {}, { includeText: input.includeText ?? false });
        const settings = store.settings();
        const day = new Date().toISOString().slice(0, 10);
        const who = (settings.team || settings.author || 'team').replace(/[^\w-]+/g, '-').toLowerCase();
        return { filename: `nrm-checks-${who}-${day}.json`, mime: 'application/json', data: Buffer.from(JSON.stringify(file, null, 1), 'utf8').toString('base64') };
      });
    },
    async teamImport(input) {
      let raw: unknown;
      try {
        raw = JSON.parse(Buffer.from(input.data, 'base64').toString('utf8'));
      } catch {
        return fail('BadInput', `${input.name} is not a team file (it is not JSON). Export one from the History view of another checker.`);
      }
      return withStore((store) => store.importTeam(raw));
    },
    async chooseFolder() {
      if (!deps.chooseFolder) return fail('Unavailable', 'This window cannot show a folder chooser; type the folder path instead.');
      return ok({ folder: await deps.chooseFolder() });
    },
    async auditStart(input) {
      return auditCall(() => ('folder' in input ? jobs.start(input.folder) : jobs.startStaged(input.stageId, input.name)));
    },
    async auditCurrent() {
      return ok({ job: jobs.current() });
    },
    async auditStage(input) {
      return auditCall(() => jobs.stage(input.stageId, input.path, Buffer.from(input.data, 'base64')));
    },
    async auditFile(input) {
      return auditCall(() => jobs.file(input.jobId, input.file));
    },
    async auditStatus(input) {
      return auditCall(() => jobs.status(input.jobId));
    },
    async auditCancel(input) {
      return auditCall(() => jobs.cancel(input.jobId));
    },
    async auditExport(input) {
      return auditCall(() => jobs.export(input.jobId, input.format));
    },
    async trainerList() {
      return ok(loadExamples(rules).map(trainerSummary));
    },
    async trainerGet(input) {
      const e = loadExamples(rules).find((x) => x.id === input.id);
      if (!e) return fail('NotFound', `There is no example ${input.id}.`);
      return ok(trainerView(e));
    },
    async trainerOwn(input) {
      try {
        const r = await draftFromBytes(input.name, Buffer.from(input.data, 'base64'), checker);
        if (!r.document.text.trim()) return fail('BadInput', `${input.name} has no text to show. Choose a draft with some writing in it.`);
        return ok(trainerView(ownExample(input.name, r.document.text, rules)));
      } catch (e) {
        if (e instanceof ImportError) return fail(e.code, e.message);
        return stopped(e, 'The draft could not be shown as an example because of an unexpected problem in the checker.');
      }
    },
    async formMap(input) {
      return withPlacements(input.draft, (draft, placements) => ok(formViewOf(draft, placements)));
    },
    async exportForm(input) {
      return withPlacements(input.draft, async (draft, placements) => ok(encoded(await formFile(draft, input.format, placements))));
    },
    async recoverySave(input) {
      if (!recovery) return fail('Unavailable', 'Unsaved work is not kept in this window.');
      if (deps.store && !deps.store.settings().keepUnsaved) return fail('Unavailable', 'Keeping unsaved work is turned off in the settings.');
      try {
        return ok({ savedAt: recovery.save(input.id, input.work, { window: input.window }) });
      } catch (e) {
        if (e instanceof WorkInUse) return fail('Busy', 'This draft is being kept by another open window, so this window did not save over it. Carry on in that window, or open the draft again here.');
        // The reason may name the folder, never the text.
        return fail('Internal', 'Your unsaved work could not be kept on disk: the app-data folder is not writable or the disk is full.');
      }
    },
    async recoveryList(input) {
      if (input.window) recovery?.hosts.touch(input.window, Date.now(), { reopen: true });
      const kept = (recovery?.list(validWork, input.window) ?? []).filter((k) => !input.window || !k.inUse);
      return ok({ kept: kept.map((k) => ({ id: k.id, name: k.work.name, savedAt: k.savedAt, chars: k.work.text.length, inUse: k.inUse })) });
    },
    async recoveryGet(input) {
      const k = recovery?.load(input.id, validWork);
      return k ? ok({ id: k.id, savedAt: k.savedAt, work: k.work }) : fail('NotFound', 'That unsaved work is no longer kept.');
    },
    async recoveryRestore(input) {
      if (!recovery) return fail('NotFound', 'That unsaved work is no longer kept.');
      try {
        const k = recovery.restore(input.id, input.window, validWork);
        return k ? ok({ id: k.id, savedAt: k.savedAt, work: k.work }) : fail('NotFound', 'That unsaved work is no longer kept: it may have been restored or discarded in another window.');
      } catch (e) {
        if (e instanceof WorkInUse) return fail('Busy', 'This draft is open in another window, so it was not restored here. Carry on in that window, or close it and try again.');
        return fail('Internal', 'Your unsaved work could not be restored: the app-data folder is not writable or the disk is full. It is still kept; try again.');
      }
    },
    async recoveryClear(input) {
      try {
        return ok({ cleared: recovery?.clear(input.id, input.window) ?? false });
      } catch (e) {
        if (e instanceof WorkInUse) return fail('Busy', 'This draft is open in another window, so its unsaved work was not discarded. Close it in that window first.');
        return fail('Internal', 'The unsaved work could not be discarded because of an unexpected problem; it is still kept.');
      }
    },
    async recoveryTouch(input) {
      if (input.closing) recovery?.hosts.close(input.window);
      else recovery?.hosts.touch(input.window, Date.now(), { reopen: true });
      return ok({ leaseSeconds: LEASE_MS / 1000 });
    },
    async listRules() {
      return ok(
        rules.loaded.map((l) => ({
          id: l.id,
          kind: l.rule.kind,
          category: 'category' in l.rule ? l.rule.category : 'missing-element',
          severity: l.rule.severity,
          message: l.rule.message,
          rationale: l.rule.rationale.trim(),
          source: l.rule.source.id,
        })),
      );
    },
  };
}
