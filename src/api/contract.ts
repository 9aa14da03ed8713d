/**
 * One typed API for every host (Electron IPC, the local browser host, tests): per method a zod schema for the
 * input, validated by the host before any handler runs. Errors cross the boundary as data, never as throws.
 */
import { z } from 'zod';
import { Decided } from '../draft/schema.js';
import type { AuditJobView } from '../audit/jobs.js';
import type { Block } from '../document/model.js';
import type { DraftView } from '../draft/draft.js';
import type { ElementName, Finding } from '../engine/types.js';
import type { SentenceExplained } from '../engine/explain.js';
import type { AnswerFinding } from '../form/answer-findings.js';
import type { MappedQuestion } from '../form/map.js';
import type { CheckDetail, CheckSummary, HistoryGroups, HistoryStats, Settings } from '../store/store.js';
import type { RuleWords } from './rule-words.js';
import { SORT_KEYS } from '../store/history-query.js';
import type { TrainerStep } from '../trainer/trainer.js';
import { IMPORT_ERROR_CODES, type ImportError, type ImportRemedy } from '../import/errors.js';
import type { Method } from './methods.js';

const MAX_DOC_BYTES = 50 * 1024 * 1024;

const BlockSchema = z
  .object({
    kind: z.enum(['heading', 'paragraph', 'list-item', 'table-cell']),
    start: z.number().int().min(0),
    end: z.number().int().min(0),
    level: z.number().int().min(1).max(6).optional(),
    page: z.number().int().min(1).optional(),
  })
  .strict();

const MAX_TEXT = 2_000_000;
/** The most checks one historyList answer carries, and how many it carries unless asked (the view's page). */
export const HISTORY_PAGE_MAX = 500;
export const HISTORY_PAGE = 100;
const STATUS = z.enum(['draft', 'reviewed', 'ready']);
const Id = z.number().int().min(1).max(Number.MAX_SAFE_INTEGER);
const Day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date as YYYY-MM-DD');
const Filter = z
  .object({
    search: z.string().max(200).optional(),
    status: STATUS.optional(),
    team: z.string().max(200).optional(),
    author: z.string().max(200).optional(),
    source: z.enum(['app', 'audit', 'team']).optional(),
    from: Day.optional(),
    to: Day.optional(),
    /** Only documents whose score is below the "needs work" threshold in the settings. */
    needsWork: z.boolean().optional(),
  })
  .strict();
/** Paragraphs the user moved to another question of the form: the paragraph's text and the question's id. */
const Placements = z.array(z.object({ text: z.string().min(1).max(MAX_TEXT), question: z.string().regex(/^[a-z][a-z0-9-]{0,79}$/) }).strict()).max(5000);

/** The work in progress: the draft as imported (its structure, for exports), the text now, and the decisions. */
export const WorkSchema = z
  .object({
    name: z.string().min(1).max(255),
    contentHash: z.string().regex(/^[0-9a-f]{64}$/).optional(),
    original: z.object({ text: z.string().max(MAX_TEXT), blocks: z.array(BlockSchema).max(100_000) }).strict().nullable(),
    text: z.string().max(MAX_TEXT),
    warnings: z.array(z.string().max(2000)).max(100),
    /** The draft's row in the history, so a restored draft goes on updating it. */
    historyId: Id.optional(),
    placements: Placements.optional(),
    status: STATUS.optional(),
    ...Decided,
  })
  .strict()
  .refine((w) => !w.original || w.original.blocks.every((b) => b.end <= w.original!.text.length && b.start <= b.end), 'a block lies outside the text');
export type Work = z.infer<typeof WorkSchema>;
/**
 * The draft as the app holds it between calls: the document as imported (its structure, never guessed again),
 * the text now, the decisions, the subject when the user set it, and where the user moved paragraphs of the
 * form view. Every method that reads a draft takes this; the core rebuilds the same draft from it.
 */
const DraftSchema = z
  .object({
    name: z.string().min(1).max(255),
    original: z.object({ text: z.string().max(MAX_TEXT), blocks: z.array(BlockSchema).max(100_000) }).strict().nullable(),
    text: z.string().max(MAX_TEXT),
    subject: z.enum(['child', 'adult']).optional(),
    placements: Placements.optional(),
    ...Decided,
  })
  .strict()
  .refine((w) => !w.original || w.original.blocks.every((b) => b.end <= w.original!.text.length && b.start <= b.end), 'a block lies outside the text');
export type DraftData = z.infer<typeof DraftSchema>;

/** One editing session of one draft: chosen by the app when the draft is opened. */
const WorkId = z.string().regex(/^[a-z0-9-]{8,64}$/);
/** One app window (one browser tab, or the desktop window), from its start to its close. */
/** Bytes as base64 (standard alphabet, padded), at most `max` characters. */
const base64 = (max: number) =>
  z
    .string()
    .max(max)
    .refine((s) => s.length % 4 === 0 && /^[A-Za-z0-9+/]*={0,2}$/.test(s), 'not base64 data');
const WindowId = z.string().regex(/^[a-z0-9-]{8,64}$/);
const JobId = z.string().regex(/^[a-z0-9-]{8,64}$/);

export const contract = {
  importDocument: z
    .object({
      name: z.string().min(1).max(255),
      /** The file's bytes, base64: the renderer never sends a path. */
      data: base64(Math.ceil((MAX_DOC_BYTES * 4) / 3) + 4),
      password: z.string().max(1000).optional(),
      ocr: z.boolean().optional(),
    })
    .strict(),
  /** The draft's current revision checked: findings, what is still open, missing elements, the score. */
  lint: z.object({ draft: DraftSchema }).strict(),
  explain: z
    .object({
      text: z.string().max(MAX_TEXT),
      /** An offset in the text: the sentence that holds it is explained (a finding's start). */
      at: z.number().int().min(0),
      subject: z.enum(['child', 'adult']).optional(),
    })
    .strict(),
  applySuggestions: z
    .object({
      text: z.string().max(MAX_TEXT),
      edits: z
        .array(z.object({ start: z.number().int().min(0), end: z.number().int().min(0), replacement: z.string().max(10_000) }).strict().refine((e) => e.end >= e.start, 'end before start'))
        .max(10_000),
    })
    .strict()
    .refine((x) => x.edits.every((e) => e.end <= x.text.length), { message: 'an edit ends past the end of the text', path: ['edits'] }),
  listRules: z.object({}).strict(),
  exportDocx: z.object({ draft: DraftSchema, mode: z.enum(['clean', 'tracked']), appendix: z.boolean().optional() }).strict(),
  exportReport: z.object({ draft: DraftSchema, format: z.enum(['html', 'pdf']), maskNames: z.boolean().optional() }).strict(),
  /**
   * A page of the checks a filter matches, in the order of a table column (newest first unless given), with
   * how many match and how many the history holds; with the figures and the filters' choices unless `stats`
   * is false (the view asks for them once per filter, not for each page it scrolls to).
   */
  historyList: z
    .object({
      filter: Filter.optional(),
      sort: z.object({ key: z.enum(SORT_KEYS), dir: z.enum(['asc', 'desc']) }).strict().optional(),
      offset: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER).optional(),
      limit: z.number().int().min(1).max(HISTORY_PAGE_MAX).optional(),
      stats: z.boolean().optional(),
    })
    .strict(),
  historyGet: z.object({ id: Id }).strict(),
  /** Records the open draft (new when `id` is absent); its text is kept only if the setting is on. */
  historySave: z.object({ id: Id.optional(), contentHash: z.string().regex(/^[0-9a-f]{64}$/), status: STATUS.optional(), draft: DraftSchema }).strict(),
  historySetStatus: z.object({ id: Id, status: STATUS }).strict(),
  historyDelete: z.object({ id: Id }).strict(),
  /**
   * A check's draft for the check view: the window's unsaved work on it when that is kept (restored to
   * `window`, as recoveryRestore does), else its last saved revision when the history keeps document text.
   */
  historyOpen: z.object({ id: Id, window: WindowId }).strict(),
  settingsGet: z.object({}).strict(),
  settingsSet: z
    .object({
      storeText: z.boolean().optional(),
      retentionDays: z.number().int().min(1).max(36_500).nullable().optional(),
      author: z.string().max(200).optional(),
      team: z.string().max(200).optional(),
      keepUnsaved: z.boolean().optional(),
      needsWorkBelow: z.number().int().min(1).max(100).optional(),
      theme: z.enum(['system', 'light', 'dark']).optional(),
    })
    .strict(),
  teamExport: z.object({ filter: Filter.optional(), includeText: z.boolean().optional() }).strict(),
  teamImport: z.object({ name: z.string().min(1).max(255), data: base64(Math.ceil((200 * 1048576 * 4) / 3)) }).strict(),
  chooseFolder: z.object({}).strict(),
  /**
   * A folder on this computer (every draft in it and its subfolders is checked), or a folder chosen in the
   * browser and sent with `auditStage` (`stageId`), shown by the name it was chosen by.
   */
  auditStart: z.union([z.object({ folder: z.string().min(1).max(4096) }).strict(), z.object({ stageId: JobId, name: z.string().min(1).max(255) }).strict()]),
  auditStatus: z.object({ jobId: JobId }).strict(),
  auditCancel: z.object({ jobId: JobId }).strict(),
  auditExport: z.object({ jobId: JobId, format: z.enum(['csv', 'html']) }).strict(),
  /** The audit still running, for a window that reloaded mid-run. */
  auditCurrent: z.object({}).strict(),
  /** One draft of a folder chosen in the browser: its path inside the folder and its bytes; no `stageId` starts a new folder. */
  auditStage: z.object({ stageId: JobId.optional(), path: z.string().min(1).max(1024), data: base64(Math.ceil((50 * 1048576 * 4) / 3)) }).strict(),
  /** One audited file's bytes (path as the audit's rows give it), to open it in the check view. */
  auditFile: z.object({ jobId: JobId, file: z.string().min(1).max(4096) }).strict(),
  trainerList: z.object({}).strict(),
  trainerGet: z.object({ id: z.string().regex(/^[a-z0-9-]{1,80}$/) }).strict(),
  /** A trainer's own draft (a Word, PDF or text file), stepped through like an example; not kept. */
  trainerOwn: z.object({ name: z.string().min(1).max(255), data: base64(Math.ceil((50 * 1048576 * 4) / 3)) }).strict(),
  /** The draft laid out as the online form, with the form's own checks. */
  formMap: z.object({ draft: DraftSchema }).strict(),
  exportForm: z.object({ draft: DraftSchema, format: z.enum(['docx', 'txt']) }).strict(),
  /**
   * The open draft and the user's decisions, kept so that a crash loses nothing (replaces what was kept).
   * `window`: the asking window's id (made by the window when it starts); the work is that window's until it closes.
   */
  recoverySave: z.object({ id: WorkId, window: WindowId, work: WorkSchema }).strict(),
  /**
   * Kept work, newest first (name and time; the text only when restored). A window is offered only what no
   * other open window is working on; without `window` (a tool, not a window) everything, each marked inUse.
   */
  recoveryList: z.object({ window: WindowId.optional() }).strict(),
  /** A look at kept work, as it is; it stays where it is (a window restores with recoveryRestore). */
  recoveryGet: z.object({ id: WorkId }).strict(),
  /** The window carries on with kept work: it moves to a new id (in the answer) that only this window saves to. */
  recoveryRestore: z.object({ id: WorkId, window: WindowId }).strict(),
  /** The user discarded the kept work, or the draft is back as it was opened; refused while another window has it open. */
  recoveryClear: z.object({ id: WorkId, window: WindowId }).strict(),
  /** The window is still open (sent every third of the lease), or is `closing` now. */
  recoveryTouch: z.object({ window: WindowId, closing: z.boolean().optional() }).strict(),
} satisfies Record<Method, z.ZodType>;

export type Input<M extends Method> = z.input<(typeof contract)[M]>;

export const ERROR_CODES = ['BadInput', 'Forbidden', 'NotFound', 'Internal', 'Unavailable', 'Busy', ...IMPORT_ERROR_CODES] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

/** `remedy`: for an import error, what may open the file on a second try (a password, text recognition). */
export type Result<T> = { ok: true; value: T } | { ok: false; error: { code: ErrorCode; message: string; issues?: string[]; remedy?: ImportRemedy } };

export function ok<T>(value: T): Result<T> {
  return { ok: true, value };
}

export function fail(code: ErrorCode, message: string, issues?: string[]): Result<never> {
  return { ok: false, error: { code, message, ...(issues ? { issues } : {}) } };
}

/** An import error as the API answers it: its code, message and remedy. */
export function failImport(e: ImportError): Result<never> {
  return { ok: false, error: { code: e.code, message: e.message, ...(e.remedy ? { remedy: e.remedy } : {}) } };
}

/** Validates a raw input for a method; a bad input never reaches the handler. */
export function parseInput<M extends Method>(method: M, raw: unknown): { ok: true; value: z.output<(typeof contract)[M]> } | { ok: false; result: Result<never> } {
  const r = contract[method].safeParse(raw ?? {});
  if (r.success) return { ok: true, value: r.data as z.output<(typeof contract)[M]> };
  return { ok: false, result: fail('BadInput', `Invalid input for ${method}.`, r.error.issues.map((i) => `${i.path.join('.') || '(input)'}: ${i.message}`)) };
}

/** What each method returns on success. */
export interface RuleInfo {
  id: string;
  kind: string;
  category: string;
  severity: string;
  message: string;
  rationale: string;
  source: string;
}

/** A file for the user to save: its suggested name, type and bytes (base64). */
export interface ExportFile {
  filename: string;
  mime: string;
  data: string;
}

/** A batch audit as the app sees it: progress, a row per finished file (path relative to the folder), figures. */
export type { AuditJobView, Block, DraftView, Finding };

/** One example as the trainer steps through it and shows it before and after. */
export type TrainerExampleView = Omit<TrainerSummary, 'steps'> & { original: string; cleaned: string; steps: TrainerStep[]; left: string[] };

export interface TrainerSummary {
  id: string;
  title: string;
  person: 'child' | 'adult';
  summary: string;
  categories: string[];
  missing: ElementName[];
  steps: number;
}

/** The draft as the online form: sections in the form's order, each question's text and confidence. */
export interface FormView {
  limit: number;
  sections: {
    id: string;
    title: string;
    confidence: number;
    /** Each question as mapped (src/form/map.ts), with what the form view adds to its answer. */
    questions: (MappedQuestion & {
      /** The open findings inside this answer, offsets into `text` (see src/form/answer-findings.ts). */
      findings: AnswerFinding[];
      /** The answer with those findings' suggestions applied, when any has one. */
      applied?: string;
    })[];
  }[];
  /** The draft's own title line, which answers no question. */
  draftTitle?: string;
  /** Every question of the form a paragraph can be moved to, in the form's order. */
  outline: { section: string; sectionTitle: string; id: string; title: string }[];
  /** Form sections the draft does not touch, in order (titles). */
  unanswered: string[];
  issues: { rule: string; severity: string; start: number; end: number; excerpt: string; message: string; question: string; rationale: string; source: { id: string; title: string; locator?: string }; formQuestion?: string }[];
  /** Questions the form asks that the draft leaves open, each with the form question it belongs under. */
  missing: { element: string; rule: string; message: string; question: string; formQuestion?: string }[];
}

/** The organisation config in force in the app: its file (null: none), the rules it turns off, and the line Settings shows. */
export interface OrgConfig {
  file: string | null;
  disabled: string[];
  summary: string;
}

export interface Outputs {
  importDocument: { name: string; format: string; text: string; blocks: Block[]; warnings: string[]; contentHash: string } & DraftView;
  lint: DraftView;
  /** How the sentence at an offset was read, and why each candidate rule fired or not. */
  explain: { about: string; sentence: SentenceExplained };
  /** The new text, and where each edit went: `[start, end)` in the old text became `[newStart, newEnd)`. */
  applySuggestions: { text: string; changes: { start: number; end: number; newStart: number; newEnd: number }[] };
  listRules: RuleInfo[];
  exportDocx: ExportFile;
  exportReport: ExportFile;
  /**
   * `checks`: the page, from `offset` in the order asked; `matching`: how many checks the filter matches (the
   * table's rows); `total`: how many the history holds. The figures and choices come unless `stats` was false.
   */
  historyList: {
    checks: CheckSummary[];
    offset: number;
    matching: number;
    total: number;
    stats?: HistoryStats;
    teams?: string[];
    authors?: string[];
    /** Documents by author and by team, and how many need work (with the figures). */
    groups?: HistoryGroups;
    /** The rules of the figures in words (with the figures). */
    ruleWords?: Record<string, RuleWords>;
    /** The "needs work" threshold in force: a score below it needs work. */
    needsWorkBelow: number;
  };
  /** A check, its document's versions, and its findings' rules in words. */
  historyGet: CheckDetail & { ruleWords: Record<string, RuleWords> };
  historySave: { id: number };
  historySetStatus: { id: number };
  historyDelete: { id: number };
  /** `from`: the unsaved work (then `workId` is its id in this window) or the last saved revision. */
  historyOpen: { from: 'unsaved' | 'saved'; workId?: string; work: Work };
  settingsGet: Settings & { storePath: string; config: OrgConfig };
  /** `erasure`: after text keeping is turned off, whether the text is confirmed gone from the disk. */
  settingsSet: Settings & { storePath: string; config: OrgConfig; erasure?: { verified: boolean; message?: string } };
  teamExport: ExportFile;
  teamImport: { added: number; skipped: number };
  chooseFolder: { folder: string | null };
  auditStart: AuditJobView;
  auditStatus: AuditJobView;
  auditCancel: AuditJobView;
  auditExport: ExportFile;
  auditCurrent: { job: AuditJobView | null };
  auditStage: { stageId: string };
  auditFile: ExportFile;
  trainerList: TrainerSummary[];
  /** `left`: what the rules found but could not word (a trainer's own draft only). */
  trainerGet: TrainerExampleView;
  trainerOwn: TrainerExampleView;
  formMap: FormView;
  exportForm: ExportFile;
  recoverySave: { savedAt: string };
  recoveryList: { kept: { id: string; name: string; savedAt: string; chars: number; inUse: boolean }[] };
  recoveryGet: { id: string; savedAt: string; work: Work };
  recoveryRestore: { id: string; savedAt: string; work: Work };
  recoveryClear: { cleared: boolean };
  recoveryTouch: { leaseSeconds: number };
}
