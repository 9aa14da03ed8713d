/**
 * Batch audit of a folder: every PDF, DOCX, TXT and MD draft is imported and checked, two at a time (parsing
 * runs in worker threads, so both cores work); a file that fails to import becomes a row with its error code
 * and never stops the run. No document text is kept.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { lint } from '../engine/lint.js';
import { ELEMENTS, type ElementName, type LintResult } from '../engine/types.js';
import { scoreOf } from '../engine/score.js';
import { ImportError } from '../import/errors.js';
import { importFile } from '../import/index.js';
import type { RuleSet } from '../rules/compile.js';
import type { NewCheck } from '../store/store.js';
import type { SummaryRow } from './summary.js';

export interface AuditRow extends SummaryRow {
  file: string;
  missing?: ElementName[];
  words?: number;
  /** SHA-256 of the file's bytes. */
  hash?: string;
}

/** What a finished file gives besides its row (for the history store); never written to the CSV. */
export interface AuditDetail {
  result?: LintResult;
  text?: string;
}

/** A finished file as a history record (file name relative to the audited folder). */
export function auditCheck(dir: string, row: AuditRow, detail: AuditDetail, auditId?: number): NewCheck {
  return {
    fileName: path.relative(dir, row.file) || row.file,
    contentHash: row.hash ?? '',
    words: row.words ?? 0,
    ...(detail.result ? { result: detail.result } : {}),
    ...(detail.text !== undefined ? { text: detail.text } : {}),
    source: 'audit',
    ...(auditId !== undefined ? { auditId } : {}),
    ...(row.error ? { error: row.error } : {}),
  };
}

const DRAFT = /\.(pdf|docx|txt|md)$/i;

/** Drafts in a folder and its subfolders, sorted; `.gold.json` and other files are not drafts. */
export function listDrafts(dir: string): string[] {
  const out: string[] = [];
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) out.push(...listDrafts(p));
    else if (e.isFile() && DRAFT.test(e.name) && !/^readme\.md$/i.test(e.name)) out.push(p);
  }
  return out.sort();
}

export interface AuditOptions {
  concurrency?: number;
  onProgress?: (done: number, total: number, row: AuditRow) => void;
  /** Called as each file finishes, before its progress is reported. */
  onRow?: (row: AuditRow, detail: AuditDetail) => void;
  signal?: AbortSignal;
}

function hashFile(file: string): string {
  try {
    return createHash('sha256').update(fs.readFileSync(file)).digest('hex');
  } catch {
    return '';
  }
}

export async function auditFiles(files: string[], rules: RuleSet, opts: AuditOptions = {}): Promise<AuditRow[]> {
  const rows: AuditRow[] = new Array(files.length);
  let next = 0;
  let done = 0;
  const worker = async () => {
    while (next < files.length && !opts.signal?.aborted) {
      const i = next++;
      const file = files[i]!;
      let detail: AuditDetail = {};
      try {
        const { document } = await importFile(file);
        const r = lint(document, rules, { cache: false });
        const count = (c: string) => r.findings.filter((f) => f.category === c).length;
        const perRule: Record<string, number> = {};
        for (const f of r.findings) perRule[f.rule] = (perRule[f.rule] ?? 0) + 1;
        rows[i] = {
          file,
          status: 'checked',
          score: scoreOf(r.findings, r.missing.length).total,
          disbelief: count('disbelief'),
          victimBlaming: count('victim-blaming'),
          jargon: count('jargon'),
          missing: r.missing.map((m) => m.element),
          isChild: r.subject.isChild,
          rules: perRule,
          words: document.text.split(/\s+/).filter(Boolean).length,
          hash: hashFile(file),
        };
        detail = { result: r, text: document.text };
      } catch (e) {
        rows[i] = { file, status: 'error', error: e instanceof ImportError ? e.code : 'malformed', hash: hashFile(file) };
      }
      opts.onRow?.(rows[i]!, detail);
      opts.onProgress?.(++done, files.length, rows[i]!);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, opts.concurrency ?? 2) }, worker));
  return rows.filter(Boolean);
}

function cell(v: string | number | boolean | undefined): string {
  const s = v === undefined ? '' : String(v);
  return /[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function toCsv(rows: AuditRow[], base: string): string {
  const head = ['file', 'status', 'score', 'disbelief', 'victim_blaming', 'jargon', 'missing', 'is_child'];
  const lines = rows.map((r) =>
    [path.relative(base, r.file) || r.file, r.status === 'error' ? `error:${r.error}` : 'checked', r.score, r.disbelief, r.victimBlaming, r.jargon, r.missing ? r.missing.filter((m) => (ELEMENTS as readonly string[]).includes(m)).join(' ') : '', r.isChild]
      .map(cell)
      .join(','),
  );
  return [head.join(','), ...lines].join('\n') + '\n';
}
