/**
 * Reads one YAML data file and validates it against its schema. Every data file (rule files, the lexicon,
 * rules/form.yml, the trainer's examples) is read here, so a problem names its file, line and field the same way:
 * `rules/form.yml:12: sections.[0].questions.[2].id: ...`.
 */
import fs from 'node:fs';
import { LineCounter, parseDocument, isNode } from 'yaml';
import type { z } from 'zod';
import { formatProblem, type RuleProblem } from './errors.js';

/** The file's data, or undefined with its problems added to `problems` (each with the line it is on). */
export function readValidated<T extends z.ZodType>(file: string, schema: T, problems: RuleProblem[]): z.output<T> | undefined {
  const lines = new LineCounter();
  const doc = parseDocument(fs.readFileSync(file, 'utf8'), { lineCounter: lines, prettyErrors: false });
  if (doc.errors.length) {
    for (const e of doc.errors) {
      problems.push({ file, line: e.linePos?.[0]?.line ?? lines.linePos(e.pos[0]).line, field: '', message: `YAML: ${e.message.split('\n')[0]}` });
    }
    return undefined;
  }
  const parsed = schema.safeParse(doc.toJS());
  if (parsed.success) return parsed.data;
  for (const issue of parsed.error.issues) {
    const keyPath = issue.path.map((p) => (typeof p === 'symbol' ? String(p) : p));
    let line: number | undefined;
    for (let k = keyPath.length; k >= 0 && line === undefined; k--) {
      const node = doc.getIn(keyPath.slice(0, k), true);
      if (isNode(node) && node.range) line = lines.linePos(node.range[0]).line;
    }
    const field = keyPath.map((p) => (typeof p === 'number' ? `[${p}]` : `.${p}`)).join('').replace(/^\./, '');
    problems.push({ file, line, field, message: issue.message });
  }
  return undefined;
}

/** One file on its own: its data, or its problems as `file:line: field: message` lines. */
export function readYamlFile<S extends z.ZodType>(file: string, schema: S, label = file): { ok: true; data: z.output<S> } | { ok: false; message: string } {
  const problems: RuleProblem[] = [];
  const data = readValidated(file, schema, problems);
  if (data === undefined || problems.length) return { ok: false, message: problems.map((p) => formatProblem({ ...p, file: label })).join('\n') };
  return { ok: true, data };
}
