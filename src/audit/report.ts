/**
 * The aggregate audit report: one self-contained HTML file (no script, no external asset) with the audit's
 * distributions as inline SVG bar charts, each with the same figures as a table for screen readers and print.
 * It names files but holds no document text.
 */
import path from 'node:path';
import { CSS, esc } from '../export/report.js';
import { partialLabel, type AuditRow, type Coverage } from './audit.js';
import { summarize, type Bar } from './summary.js';
import { labelOf } from '../engine/labels.js';


/** A horizontal bar chart as SVG markup: labels on the left, values at the bar ends. */
export function svgBars(title: string, bars: readonly Bar[], opts: { color?: string } = {}): string {
  if (!bars.length) return `<p class="muted">${esc(title)}: nothing to show.</p>`;
  const max = Math.max(1, ...bars.map((b) => b.value));
  const row = 24;
  const labelW = 230;
  const barW = 380;
  const h = bars.length * row + 8;
  const items = bars
    .map((b, i) => {
      const y = 4 + i * row;
      const w = Math.round((b.value / max) * barW);
      return `<text x="${labelW - 8}" y="${y + 16}" text-anchor="end">${esc(b.label)}</text><rect x="${labelW}" y="${y + 3}" width="${w}" height="${row - 8}" fill="${opts.color ?? '#1d70b8'}"/><text x="${labelW + w + 6}" y="${y + 16}">${b.value}</text>`;
    })
    .join('');
  return `<figure><svg role="img" aria-label="${esc(title)}" viewBox="0 0 ${labelW + barW + 60} ${h}" width="100%" style="max-width:${labelW + barW + 60}px" font-size="13" font-family="system-ui,sans-serif"><title>${esc(title)}</title>${items}</svg><figcaption>${esc(title)}</figcaption></figure>`;
}

function table(head: string[], rows: (string | number)[][]): string {
  return `<table><thead><tr>${head.map((h) => `<th>${esc(h)}</th>`).join('')}</tr></thead><tbody>${rows.map((r) => `<tr>${r.map((c) => `<td>${esc(String(c))}</td>`).join('')}</tr>`).join('')}</tbody></table>`;
}

/** The report; a partial audit's title and first lines say it is partial and how much it covered. */
export function auditHtml(rows: readonly AuditRow[], base: string, opts: { title?: string; generated?: Date; partial?: Coverage } = {}): string {
  const s = summarize(rows);
  const rel = (f: string) => path.relative(base, f) || f;
  const named = opts.title ?? `Audit of ${path.basename(path.resolve(base))}`;
  const title = opts.partial ? `${named} (${partialLabel(opts.partial)})` : named;
  const partial = opts.partial
    ? `<p class="partial" role="note"><strong>Partial audit: ${opts.partial.done} of ${opts.partial.total} files.</strong> The audit was stopped before it finished, so the figures below leave out ${opts.partial.total - opts.partial.done} files of the folder. Run it again to the end for the whole folder.</p>\n`
    : '';
  const when = (opts.generated ?? new Date()).toISOString().slice(0, 16).replace('T', ' ');
  const files = rows.map((r) =>
    r.status === 'error'
      ? [rel(r.file), `could not be read (${r.error})`, '', '', '', '', '', '']
      : [rel(r.file), 'checked', r.score ?? '', r.disbelief ?? 0, r.victimBlaming ?? 0, r.jargon ?? 0, (r.missing ?? []).map((m) => labelOf(m)).join(', ') || 'none', r.isChild ? 'child' : 'adult'],
  );
  return `<!doctype html>
<html lang="en-GB"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<meta name="referrer" content="no-referrer">
<title>${esc(title)}</title><style>${CSS}
figure{margin:1rem 0}figcaption{font-size:.9rem;color:#505a5f}.figures{display:flex;flex-wrap:wrap;gap:1.5rem;background:#f3f2f1;padding:1rem;border-radius:6px}.figures div b{display:block;font-size:1.8rem}.partial{border-left:6px solid #d4351c;background:#fdf2f1;padding:.75rem 1rem}</style></head>
<body>
<h1>${esc(title)}</h1>
${partial}<p>${esc(when)} · ${s.files} files · made offline by NRM Referral Checker; no document text is in this report.</p>
<div class="figures">
<div><b>${s.checked}</b>checked</div><div><b>${s.errors}</b>could not be read</div><div><b>${s.averageScore ?? '–'}</b>average score</div><div><b>${s.medianScore ?? '–'}</b>median score</div><div><b>${s.children}</b>about children</div><div><b>${s.adults}</b>about adults</div>
</div>
<h2>Scores</h2>
${svgBars('Files per score band (out of 100)', s.scoreBands)}
<h2>Findings by category</h2>
${svgBars('Findings per category, all files', s.categories, { color: '#d4351c' })}
<h2>Most frequent rules</h2>
${svgBars('Findings per rule, all files', s.topRules, { color: '#912b88' })}
<h2>Missing elements</h2>
${svgBars('Files missing each element', s.missing.map((m) => ({ label: labelOf(m.label), value: m.value })), { color: '#f47738' })}
${s.errors ? `<h2>Files that could not be read</h2>\n${svgBars('Files per error', s.errorCodes, { color: '#505a5f' })}` : ''}
<h2>Every file</h2>
${table(['File', 'Status', 'Score', 'Disbelief', 'Victim-blaming', 'Jargon', 'Missing', 'About'], files)}
<p class="muted">The competent authority decides every case; this report is about the wording of the drafts.</p>
</body></html>
`;
}
