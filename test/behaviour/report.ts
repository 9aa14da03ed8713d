/**
 * Prints the behavioural pass rates per class (npm run behaviour; add --fails to list the failing cases, and
 * `--elements FILE` to score another element case file, such as a fresh one written blind).
 */
import { loadRules } from '../../src/index.js';
import { runAll, summarise } from './cases.js';
import { loadElementCases, summariseElements } from './elements.js';

const results = runAll(loadRules());
const pct = (p: { pass: number; total: number }) => (p.total ? `${((100 * p.pass) / p.total).toFixed(0)}% (${p.pass}/${p.total})` : '-');
console.log('| class | all | mft | inv | dir | trap |\n| --- | --- | --- | --- | --- | --- |');
for (const [cls, row] of summarise(results)) console.log(`| ${cls} | ${pct(row.all)} | ${pct(row.mft)} | ${pct(row.inv)} | ${pct(row.dir)} | ${pct(row.trap)} |`);
if (process.argv.includes('--fails')) {
  for (const r of results.filter((x) => !x.pass)) console.log(`${r.file}#${r.index + 1} ${r.c.kind} expect ${r.c.expect}${r.c.span ? ` "${r.c.span}"` : ''}: ${r.c.text}${r.got.length ? `  got: ${r.got.join(' | ')}` : ''}`);
}

const at = process.argv.indexOf('--elements');
const el = summariseElements(loadRules(), loadElementCases(at > 0 ? process.argv[at + 1] : undefined));
if (el.rows.size) {
  const frac = ([p, t]: [number, number]) => (t ? `${((100 * p) / t).toFixed(0)}% (${p}/${t})` : '-');
  console.log('\n| element | present | missing |\n| --- | --- | --- |');
  for (const [name, row] of el.rows) console.log(`| ${name} | ${frac(row.present)} | ${frac(row.missing)} |`);
  if (process.argv.includes('--fails')) for (const f of el.fails) console.log(f);
}
