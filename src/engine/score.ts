/** The 0-100 quality score and its breakdown: one definition for the app, the report and the audit (pure). */
import type { Finding } from './types.js';

const WEIGHTS = { error: 6, warning: 3, suggestion: 1 } as const;

export function scoreOf(findings: readonly Finding[], missing: number): { total: number; parts: { label: string; points: number }[] } {
  const by = (c: string) => findings.filter((f) => f.category === c).reduce((n, f) => n + WEIGHTS[f.severity], 0);
  const parts = [
    { label: 'Disbelief', points: by('disbelief') },
    { label: 'Victim-blaming', points: by('victim-blaming') },
    { label: 'Jargon', points: by('jargon') },
    { label: 'Missing elements', points: missing * 8 },
  ];
  return { total: Math.max(0, 100 - parts.reduce((n, p) => n + p.points, 0)), parts };
}
