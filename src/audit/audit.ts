/**
 * Batch audit of a folder: every PDF, DOCX, TXT and MD draft is imported and checked, two at a time (parsing
 * runs in worker threads, so both cores work); a file that fails to import becomes a row with its error code
 * and never stops the run. No document text is kept.
 */
import fs from 'node:fs';
import path from 'node:path';
import { lint } from '../engine/lint.js';
import { ELEMENTS, type ElementName } from '../engine/types.js';
import { scoreOf } from '../engine/score.js';
import { ImportError } from '../import/errors.js';
import { importFile } from '../import/index.js';
import type { RuleSet } from '../rules/compile.js';

export interface AuditRow {
  file: string;
  status: 'checked' | 'error';
  error?: string;
  score?: number;
  disbelief?: number;
  victimBlaming?: number;
  jargon?: number;
  missing?: ElementName[];
  isChild?: boolean;
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

export async function auditFiles(files: string[], rules: RuleSet, opts: { concurrency?: number; onProgress?: (done: number, total: number) => void; signal?: AbortSignal } = {}): Promise<AuditRow[]> {
  const rows: AuditRow[] = new Array(files.length);
  let next = 0;
  let done = 0;
  const worker = async () => {
    while (next < files.length && !opts.signal?.aborted) {
      const i = next++;
      const file = files[i]!;
      try {
        const { document } = await importFile(file);
        const r = lint(document, rules, { cache: false });
        const count = (c: string) => r.findings.filter((f) => f.category === c).length;
        rows[i] = { file, status: 'checked', score: scoreOf(r.findings, r.missing.length).total, disbelief: count('disbelief'), victimBlaming: count('victim-blaming'), jargon: count('jargon'), missing: r.missing.map((m) => m.element), isChild: r.subject.isChild };
      } catch (e) {
        rows[i] = { file, status: 'error', error: e instanceof ImportError ? e.code : 'malformed' };
      }
      opts.onProgress?.(++done, files.length);
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
