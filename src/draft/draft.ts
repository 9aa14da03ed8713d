/**
 * One draft, one truth. A draft is the document as it was read (its blocks, headings, table cells and pages),
 * its current revision (the same structure, the user's edits rebased through the offset map), the user's
 * decisions (accepted, dismissed with a reason), the subject when the user set it, and the lint of that
 * revision, computed once. Every output (the app's view, the report, the DOCX, the form view, the history
 * entry, an audit row) is a function of a draft (src/draft/outputs.ts), so the app, the CLI and the audit
 * cannot disagree about a score or about which findings are still open.
 */
import type { Block, Document } from '../document/model.js';
import { fromPlainText } from '../document/plain.js';
import { lint, type LintOptions } from '../engine/lint.js';
import type { RuleSet } from '../rules/compile.js';
import { scoreOf } from '../engine/score.js';
import type { Finding, LintResult } from '../engine/types.js';
import { importBytes, importFile, type Imported, type ImportOptions } from '../import/index.js';
import { applySuggestions } from '../rewrite/apply.js';
import { diffEdits } from '../rewrite/diff.js';

export interface Accepted {
  finding: Finding;
  suggestion: string;
}
export interface Dismissed {
  finding: Finding;
  reason: string;
}

/** What a host holds of a draft between calls: enough to rebuild it exactly, nothing guessed. */
export interface DraftInput {
  name: string;
  /** The document as imported (text and blocks); null for text typed or pasted in. */
  original: Document | null;
  /** The text now. */
  text: string;
  accepted: readonly Accepted[];
  dismissed: readonly Dismissed[];
  /** Set by the user when they know better than the detector. */
  subject?: 'child' | 'adult';
}

/** How drafts are checked: the rules, and the words an organisation accepts (its config). */
export interface Checker {
  rules: RuleSet;
  accept?: readonly string[];
  /** Keep per-block results for the next revision (default true; an audit of many files turns it off). */
  cache?: boolean;
  /**
   * Where the lint runs when it must not block the caller's thread (the hosts: a LintThread with the same
   * rules); `Draft.ready()` uses it. Without it, the lint runs in place.
   */
  linter?: (document: Document, options: LintOptions) => Promise<LintResult>;
}

export interface Score {
  total: number;
  parts: { label: string; points: number }[];
}

/** The draft as the app shows it: the lint of this revision, what is still open, and the score. */
export interface DraftView extends LintResult {
  /** Findings not dismissed, in document order. */
  open: Finding[];
  score: Score;
  /** The revision's headings, paragraphs, list items and table cells, as the checks read them (the app shows
   * them as such, in view and edit mode). */
  blocks: Block[];
}

/** How many times a draft's revision was linted: one lint per revision (a test counts them). */
export const draftStats = { lints: 0 };

export class Draft {
  constructor(
    readonly checker: Checker,
    readonly input: DraftInput,
    /** The current revision: the original's structure with the edits rebased, or the text read as plain text. */
    readonly document: Document,
    /** The revision's lint, when another draft of the same revision has it. */
    private result?: LintResult,
  ) {}

  get rules(): RuleSet {
    return this.checker.rules;
  }
  get name(): string {
    return this.input.name;
  }
  get text(): string {
    return this.document.text;
  }

  /** The lint of this revision (once). */
  lint(): LintResult {
    if (!this.result) {
      draftStats.lints++;
      this.result = lint(this.document, this.rules, this.lintOptions());
    }
    return this.result;
  }

  /** The draft, linted through the checker's linter (off the caller's thread) if it is not linted yet. */
  async ready(): Promise<this> {
    if (!this.result && this.checker.linter) {
      const result = await this.checker.linter(this.document, this.lintOptions());
      if (!this.result) {
        draftStats.lints++;
        this.result = result;
      }
    }
    return this;
  }

  /** Whether this revision has been linted. */
  get linted(): LintResult | undefined {
    return this.result;
  }

  private lintOptions(): LintOptions {
    return {
      ...(this.input.subject ? { subject: { isChild: this.input.subject === 'child' } } : {}),
      ...(this.checker.accept?.length ? { accept: [...this.checker.accept] } : {}),
      ...(this.checker.cache === false ? { cache: false } : {}),
    };
  }

  /**
   * This revision's findings, each with the reason it was dismissed, if it was. A dismissal takes one finding
   * with the same rule and words, so the same words flagged twice and dismissed once leave one open.
   */
  findings(): { finding: Finding; dismissed?: string }[] {
    const left = [...this.input.dismissed];
    return this.lint().findings.map((finding) => {
      const k = left.findIndex((d) => d.finding.rule === finding.rule && d.finding.excerpt === finding.excerpt);
      if (k < 0) return { finding };
      const [d] = left.splice(k, 1);
      return { finding, dismissed: d!.reason };
    });
  }

  /** The findings still open: this revision's, less those dismissed. */
  open(): Finding[] {
    return this.findings().flatMap((x) => (x.dismissed === undefined ? [x.finding] : []));
  }

  score(): Score {
    return scoreOf(this.open(), this.lint().missing.length);
  }

  view(): DraftView {
    const open = this.open();
    return { ...this.lint(), open, score: scoreOf(open, this.lint().missing.length), blocks: this.document.blocks };
  }
}

/**
 * The current revision of an imported document: the edits between the text as read and the text now, applied
 * with their offset map to the blocks. Text typed between blocks becomes paragraphs; a paragraph the user
 * split with a blank line becomes two.
 */
export function revise(original: Document, text: string): Document {
  if (text === original.text) return original;
  const applied = applySuggestions(original.text, diffEdits(original.text, text), { literal: true });
  if (applied.text !== text) return fromPlainText(text);
  const moved: Block[] = [];
  for (const b of original.blocks) {
    const start = applied.mapOffset(b.start);
    // the end follows text inserted at it only when the block's own last character survives
    const end = Math.max(start, b.end > b.start ? applied.mapOffset(b.end - 1) + 1 : start);
    if (end > start && text.slice(start, end).trim()) moved.push({ ...b, start, end });
  }
  const blocks: Block[] = [];
  let pos = 0;
  const plain = (from: number, to: number, page?: number) => {
    for (const p of fromPlainText(text.slice(from, to)).blocks) blocks.push({ ...p, start: p.start + from, end: p.end + from, ...(page ? { page } : {}) });
  };
  // (a reader's own joins between blocks, such as the ": " of a "Label: value" row, are no paragraph)
  const words = (from: number, to: number) => /[\p{L}\p{N}]/u.test(text.slice(from, to));
  moved.sort((x, y) => x.start - y.start);
  moved.forEach((b, k) => {
    // words typed on at the end of a block's line belong to it ("Leeds" → "Leeds, West Yorkshire")
    const nl = text.indexOf('\n', b.end);
    const lineEnd = Math.min(nl < 0 ? text.length : nl, moved[k + 1]?.start ?? text.length);
    if (lineEnd > b.end && words(b.end, lineEnd)) b.end = text.slice(0, lineEnd).trimEnd().length;
  });
  moved.forEach((b, k) => {
    // and so do words typed at the start of its line ("She said" → "Apparently she said"), which the offset
    // map puts before the block
    const from = Math.max(text.lastIndexOf('\n', b.start - 1) + 1, moved[k - 1]?.end ?? 0);
    if (from < b.start && words(from, b.start)) b.start = b.start - text.slice(from, b.start).trimStart().length;
  });
  for (const b of moved) {
    if (b.start < pos) continue;
    if (words(pos, b.start)) plain(pos, b.start, b.page);
    if ((b.kind === 'paragraph' || b.kind === 'list-item') && /\n\s*\n/.test(text.slice(b.start, b.end))) plain(b.start, b.end, b.page);
    else blocks.push(b);
    pos = b.end;
  }
  if (words(pos, text.length)) plain(pos, text.length);
  return { text, blocks };
}

/** Recent drafts by revision: the view, the form view and the history entry of one edit share one lint. */
const recent: { key: string; rules: RuleSet; draft: Draft }[] = [];

function keyOf(input: DraftInput, checker: Checker): string {
  const o = input.original;
  return JSON.stringify([checker.accept ?? [], input.subject ?? '', input.text, o ? o.text : null, o ? o.blocks.map((b) => [b.kind, b.start, b.end, b.level ?? 0, b.page ?? 0]) : null]);
}

/** The draft for these inputs (the same object for the same revision, while it is recent). */
export function openDraft(input: DraftInput, checker: Checker): Draft {
  const key = keyOf(input, checker);
  const hit = recent.find((r) => r.key === key && r.rules === checker.rules);
  // decisions change without a new revision: the lint is kept, the decisions are the caller's
  if (hit) {
    // the newest decisions on this revision take its place (with its lint, once there is one)
    if (hit.draft.input !== input) hit.draft = new Draft(checker, input, hit.draft.document, hit.draft.linted ?? (checker.linter ? undefined : hit.draft.lint()));
    return hit.draft;
  }
  const document = input.original ? revise(input.original, input.text) : fromPlainText(input.text);
  const draft = new Draft(checker, input, document);
  recent.unshift({ key, rules: checker.rules, draft });
  recent.length = Math.min(recent.length, 8);
  return draft;
}

/** A draft read from a file or a text, with no edits or decisions yet. */
export function draftOfDocument(name: string, document: Document, checker: Checker, decisions: Pick<DraftInput, 'accepted' | 'dismissed'> = { accepted: [], dismissed: [] }): Draft {
  return openDraft({ name, original: document, text: document.text, ...decisions }, checker);
}

/** A file read into a draft: what the reader made of it (format, warnings) and the draft, not yet decided on. */
export async function draftFromFile(file: string, checker: Checker, opts: ImportOptions = {}): Promise<Imported & { draft: Draft }> {
  const imported = await importFile(file, opts);
  return { ...imported, draft: draftOfDocument(file.split(/[\\/]/).pop()!, imported.document, checker) };
}

/** The same from the file's bytes (the app sends bytes, never a path). */
export async function draftFromBytes(name: string, bytes: Uint8Array, checker: Checker, opts: ImportOptions = {}): Promise<Imported & { draft: Draft }> {
  const imported = await importBytes(bytes, opts);
  return { ...imported, draft: draftOfDocument(name, imported.document, checker) };
}

/**
 * The draft with a suggestion accepted for each finding `pick` chooses (its first, say), as the app's
 * "accept" does: the text changes and each finding is recorded as accepted.
 */
export function acceptAll(d: Draft, pick: (f: Finding) => string | undefined): Draft {
  const chosen = d.open().flatMap((finding) => {
    const suggestion = pick(finding);
    return suggestion === undefined ? [] : [{ finding, suggestion }];
  });
  const text = applySuggestions(d.text, chosen.map(({ finding: f, suggestion }) => ({ start: f.start, end: f.end, replacement: suggestion }))).text;
  return openDraft({ ...d.input, text, accepted: [...d.input.accepted, ...chosen] }, d.checker);
}
