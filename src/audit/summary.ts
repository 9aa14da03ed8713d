/**
 * The figures of a batch audit, for the HTML report and the app's audit view (pure: no Node, no DOM).
 */
import { ELEMENTS } from '../engine/types.js';
import { ruleName } from '../engine/labels.js';

/** The part of an audit row the summary needs (the app receives rows without file paths' folders). */
export interface SummaryRow {
  status: 'checked' | 'error';
  error?: string;
  score?: number;
  disbelief?: number;
  victimBlaming?: number;
  jargon?: number;
  missing?: readonly string[];
  isChild?: boolean;
  rules?: Record<string, number>;
}

export interface Bar {
  label: string;
  value: number;
}

export interface AuditSummary {
  files: number;
  checked: number;
  errors: number;
  averageScore: number | null;
  medianScore: number | null;
  children: number;
  adults: number;
  /** Files per score band (0-9 ... 90-100). */
  scoreBands: Bar[];
  /** Findings per category over all files. */
  categories: Bar[];
  /** Most frequent rules, highest first (at most 15), by their names in words. */
  topRules: Bar[];
  /** Files missing each element, most often missing first. */
  missing: Bar[];
  /** Files per import error code. */
  errorCodes: Bar[];
}

export function summarize(rows: readonly SummaryRow[]): AuditSummary {
  const checked = rows.filter((r) => r.status === 'checked');
  const scores = checked.map((r) => r.score ?? 0).sort((a, b) => a - b);
  const bands: Bar[] = Array.from({ length: 10 }, (_, i) => ({ label: i === 9 ? '90-100' : `${i * 10}-${i * 10 + 9}`, value: 0 }));
  for (const s of scores) bands[Math.min(9, Math.floor(s / 10))]!.value++;
  const rules = new Map<string, number>();
  for (const r of checked) for (const [id, n] of Object.entries(r.rules ?? {})) rules.set(id, (rules.get(id) ?? 0) + n);
  const codes = new Map<string, number>();
  for (const r of rows) if (r.status === 'error') codes.set(r.error ?? 'unknown', (codes.get(r.error ?? 'unknown') ?? 0) + 1);
  const sum = (k: 'disbelief' | 'victimBlaming' | 'jargon') => checked.reduce((n, r) => n + (r[k] ?? 0), 0);
  const mid = scores.length ? (scores.length % 2 ? scores[(scores.length - 1) / 2]! : (scores[scores.length / 2 - 1]! + scores[scores.length / 2]!) / 2) : null;
  return {
    files: rows.length,
    checked: checked.length,
    errors: rows.length - checked.length,
    averageScore: scores.length ? Math.round(scores.reduce((a, b) => a + b, 0) / scores.length) : null,
    medianScore: mid === null ? null : Math.round(mid),
    children: checked.filter((r) => r.isChild).length,
    adults: checked.filter((r) => r.isChild === false).length,
    scoreBands: bands,
    categories: [
      { label: 'Disbelief', value: sum('disbelief') },
      { label: 'Victim-blaming', value: sum('victimBlaming') },
      { label: 'Jargon', value: sum('jargon') },
    ],
    topRules: [...rules.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).slice(0, 15).map(([id, value]) => ({ label: ruleName(id), value })),
    missing: ELEMENTS.map((e) => ({ label: e, value: checked.filter((r) => r.missing?.includes(e)).length })).filter((b) => b.value > 0).sort((a, b) => b.value - a.value),
    errorCodes: [...codes.entries()].sort((a, b) => b[1] - a[1]).map(([label, value]) => ({ label, value })),
  };
}
