/** The API implemented with the core; host-agnostic. Hosts validate inputs with `parseInput` first. */
import { createHash } from 'node:crypto';
import { AuditError, AuditJobs } from '../audit/jobs.js';
import { fromPlainText } from '../document/plain.js';
import { lint } from '../engine/lint.js';
import { explainAt } from '../engine/explain.js';
import { detectSubject } from '../engine/subject.js';
import { ImportError } from '../import/errors.js';
import { importBytes } from '../import/index.js';
import type { RuleSet } from '../rules/compile.js';
import type { RuleOptions } from '../rules/ruleset.js';
import { applySuggestions } from '../rewrite/apply.js';
import { RecoveryStore } from '../store/recovery.js';
import { StoreError, type Store } from '../store/store.js';
import { loadExamples, type TrainerExample } from '../trainer/trainer.js';
import { fail, ok, WorkSchema, type Input, type Outputs, type Result, type TrainerSummary } from './contract.js';
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
  /** The host's folder chooser (Electron's dialog); the browser host has none. */
  chooseFolder?: () => Promise<string | null>;
}

function trainerSummary(e: TrainerExample): TrainerSummary {
  return { id: e.id, title: e.title, person: e.person, summary: e.summary, categories: e.categories, missing: e.missing, steps: e.steps.length };
}

const validWork = (w: unknown) => {
  const r = WorkSchema.safeParse(w);
  return r.success ? r.data : null;
};

/** The user's placements as the mapping takes them; a question the form does not have is bad input. */
async function placementsOf(list: { text: string; question: string }[] | undefined): Promise<Result<Map<string, string>>> {
  const { loadForm } = await import('../form/form.js');
  const { pieceKey } = await import('../form/map.js');
  const ids = new Set(loadForm().sections.flatMap((s) => s.questions.map((q) => q.id)));
  const out = new Map<string, string>();
  for (const p of list ?? []) {
    if (!ids.has(p.question)) return fail('BadInput', `The form has no question "${p.question}".`);
    out.set(pieceKey(p.text), p.question);
  }
  return ok(out);
}

const words = (text: string) => text.split(/\s+/).filter(Boolean).length;

export function createHandlers(rules: RuleSet, deps: HandlerDeps = {}): Handlers {
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
  const recovery = deps.recoveryDir ? new RecoveryStore(deps.recoveryDir) : undefined;
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
        const r = await importBytes(bytes, { password: input.password, ocr: input.ocr });
        const contentHash = createHash('sha256').update(bytes).digest('hex');
        return ok({ name: input.name, format: r.format, text: r.document.text, blocks: r.document.blocks, warnings: r.warnings, contentHash, ...lint(r.document, rules) });
      } catch (e) {
        if (e instanceof ImportError) return fail(e.code, e.message);
        return fail('Internal', 'The document could not be opened because of an unexpected problem in the checker.');
      }
    },
    async lint(input) {
      const doc = fromPlainText(input.text);
      return ok(lint(doc, rules, input.subject ? { subject: { isChild: input.subject === 'child' } } : {}));
    },
    async explain(input) {
      const r = explainAt(input.text, input.at, rules, input.subject ? { isChild: input.subject === 'child' } : {});
      if (!r) return fail('BadInput', 'There is no sentence at that place in the text.');
      return ok({ about: `${r.subject.isChild ? 'a child' : 'an adult'} (${r.subject.basis})`, sentence: r.sentence });
    },
    async applySuggestions(input) {
      try {
        return ok({ text: applySuggestions(input.text, input.edits).text });
      } catch (e) {
        return fail('BadInput', (e as Error).message);
      }
    },
    async exportDocx(input) {
      const { buildDocx } = await import('../export/docx.js');
      const { diffEdits } = await import('../rewrite/diff.js');
      const edits = diffEdits(input.original.text, input.text);
      const missing = input.appendix ? lint(fromPlainText(input.text), rules).missing.map((m) => ({ element: m.element, question: m.question })) : undefined;
      const bytes = await buildDocx(input.original, edits, { mode: input.mode, literal: true, ...(missing ? { appendix: missing } : {}) });
      const base = input.name.replace(/\.[^.]+$/, '');
      return ok({ filename: `${base}-${input.mode === 'tracked' ? 'tracked' : 'cleaned'}.docx`, mime: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', data: Buffer.from(bytes).toString('base64') });
    },
    async exportReport(input) {
      const { reportModel, reportHtml, reportLines } = await import('../export/report.js');
      const document = fromPlainText(input.text);
      const now = lint(document, rules);
      const result = { ...now, findings: [...input.accepted.map((a) => a.finding), ...input.dismissed.map((d) => d.finding), ...now.findings] };
      const decisions = [
        ...input.accepted.map((a) => ({ kind: 'accepted' as const, suggestion: a.suggestion })),
        ...input.dismissed.map((d) => ({ kind: 'dismissed' as const, reason: d.reason })),
        ...now.findings.map(() => ({ kind: 'open' as const })),
      ];
      const model = reportModel({ title: input.name, document, result, rules, decisions, maskNames: input.maskNames ?? true });
      const base = input.name.replace(/\.[^.]+$/, '');
      if (input.format === 'pdf') {
        const { textPdf } = await import('../export/pdf.js');
        return ok({ filename: `${base}-report.pdf`, mime: 'application/pdf', data: Buffer.from(textPdf(reportLines(model), `Referral quality report: ${model.title}`)).toString('base64') });
      }
      return ok({ filename: `${base}-report.html`, mime: 'text/html', data: Buffer.from(reportHtml(model), 'utf8').toString('base64') });
    },
    async historyList(input) {
      return withStore((store) => {
        const all = store.listChecks({ limit: 100_000 });
        return {
          checks: store.listChecks(input.filter ?? {}),
          stats: store.stats(input.filter ?? {}),
          teams: [...new Set(all.map((c) => c.team).filter(Boolean))].sort(),
          authors: [...new Set(all.map((c) => c.author).filter(Boolean))].sort(),
        };
      });
    },
    async historyGet(input) {
      if (!deps.store) return noStore();
      const c = deps.store.getCheck(input.id);
      return c ? ok(c) : fail('NotFound', 'That check is no longer in the history.');
    },
    async historySave(input) {
      return withStore((store) => {
        const result = lint(fromPlainText(input.text), rules, { cache: false });
        // Dismissed findings are still in the text: mark them; accepted ones are gone from it: add them.
        const dismissedAt = (i: number) => input.dismissed.find((d) => d.finding.rule === result.findings[i]!.rule && d.finding.excerpt === result.findings[i]!.excerpt);
        const decisions = result.findings.flatMap((_, i) => {
          const d = dismissedAt(i);
          return d ? [{ index: i, decision: 'dismissed' as const, reason: d.reason }] : [];
        });
        const decided = input.accepted.map((a) => ({ finding: a.finding, decision: 'accepted' as const }));
        const record = { result, decisions, decided, text: input.text, words: words(input.text), ...(input.status ? { status: input.status } : {}) };
        if (input.id !== undefined) {
          store.updateCheck(input.id, record);
          return { id: input.id };
        }
        return { id: store.addCheck({ ...record, fileName: input.name, contentHash: input.contentHash, source: 'app' }) };
      });
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
      return withStore((store) => ({ ...store.settings(), storePath: deps.storePath ?? store.file }));
    },
    async settingsSet(input) {
      return withStore((store) => {
        const patch = Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined));
        // Turning it off removes the work kept so far.
        if (input.keepUnsaved === false) recovery?.clearAll();
        return { ...store.updateSettings(patch), storePath: deps.storePath ?? store.file };
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
      return auditCall(() => jobs.start(input.folder));
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
      return ok({ ...trainerSummary(e), original: e.original, cleaned: e.cleaned, steps: e.steps });
    },
    async formMap(input) {
      const { checkForm } = await import('../form/check.js');
      const { loadForm } = await import('../form/form.js');
      const form = loadForm();
      const placements = await placementsOf(input.placements);
      if (!placements.ok) return placements;
      const doc = fromPlainText(input.text);
      const { mapping, issues, missing } = checkForm(doc, rules, { ...(input.subject ? { isChild: input.subject === 'child' } : {}), placements: placements.value });
      const answered = new Set(mapping.sections.map((s) => s.id));
      return ok({
        limit: form.limit,
        sections: mapping.sections.map((s) => ({ id: s.id, title: s.title, confidence: s.confidence, questions: s.questions })),
        ...(mapping.title ? { draftTitle: mapping.title.text } : {}),
        outline: form.sections.flatMap((s) => s.questions.map((q) => ({ section: s.id, sectionTitle: s.title, id: q.id, title: q.title }))),
        unanswered: form.sections.filter((s) => !answered.has(s.id)).map((s) => s.title),
        issues: issues.map(({ check: _c, ...i }) => i),
        missing: missing.map((m) => ({ element: m.element, rule: m.rule, message: m.message, question: m.question, ...(m.formQuestion ? { formQuestion: m.formQuestion } : {}) })),
      });
    },
    async exportForm(input) {
      const { mapToForm } = await import('../form/map.js');
      const { formBoxes, formDocx, formText } = await import('../form/export.js');
      const { loadForm } = await import('../form/form.js');
      const limit = loadForm().limit;
      const placements = await placementsOf(input.placements);
      if (!placements.ok) return placements;
      const doc = fromPlainText(input.text);
      const mapping = mapToForm(doc, { isChild: detectSubject(doc.text).isChild, placements: placements.value });
      const boxes = formBoxes(mapping, limit);
      const opts = { title: input.name, limit, ...(mapping.title ? { draftTitle: mapping.title.text } : {}) };
      const base = input.name.replace(/\.[^.]+$/, '');
      if (input.format === 'docx') return ok({ filename: `${base}-form-ready.docx`, mime: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', data: Buffer.from(await formDocx(boxes, opts)).toString('base64') });
      return ok({ filename: `${base}-form-ready.txt`, mime: 'text/plain', data: Buffer.from(formText(boxes, opts), 'utf8').toString('base64') });
    },
    async recoverySave(input) {
      if (!recovery) return fail('Unavailable', 'Unsaved work is not kept in this window.');
      if (deps.store && !deps.store.settings().keepUnsaved) return fail('Unavailable', 'Keeping unsaved work is turned off in the settings.');
      try {
        return ok({ savedAt: recovery.save(input.id, input.work) });
      } catch {
        // The reason may name the folder, never the text.
        return fail('Internal', 'Your unsaved work could not be kept on disk: the app-data folder is not writable or the disk is full.');
      }
    },
    async recoveryList() {
      return ok({ kept: (recovery?.list(validWork) ?? []).map((k) => ({ id: k.id, name: k.work.name, savedAt: k.savedAt, chars: k.work.text.length })) });
    },
    async recoveryGet(input) {
      const k = recovery?.load(input.id, validWork);
      return k ? ok(k) : fail('NotFound', 'That unsaved work is no longer kept.');
    },
    async recoveryClear(input) {
      return ok({ cleared: recovery?.clear(input.id) ?? false });
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
