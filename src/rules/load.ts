/**
 * Reads rules/**\/*.yml, validates every file against the schema and reports problems as
 * `file:line: field: message`, so a trainer's typo names the file and the field that has it.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { z } from 'zod';
import { yamlFiles } from './files.js';
import { GrownLexicon, Lexicon, MeaningClass, RuleFile, Sections, Sources } from './schema.js';

export { RuleLoadError, formatProblem, type RuleProblem } from './errors.js';
import { RuleLoadError, type RuleProblem } from './errors.js';
import { readValidated } from './yaml-file.js';

export interface LoadedRule {
  id: string;
  file: string;
  rule: RuleFile;
}

export interface RuleData {
  rules: LoadedRule[];
  lexicon: z.infer<typeof Lexicon>;
  sources: z.infer<typeof Sources>;
  sections: z.infer<typeof Sections>;
  /** Meaning classes by name (rules/classes/*.yml). */
  classes: Record<string, MeaningClass>;
}

const META = new Set(['lexicon.yml', 'lexicon-grown.yml', 'sources.yml', 'sections.yml']);

/** Loads rule folders in order; a later folder's rule with the same id replaces an earlier one. */
export function loadRuleDirs(dirs: string[]): RuleData {
  const problems: RuleProblem[] = [];
  const byId = new Map<string, LoadedRule>();
  const lexicon: Record<string, string[]> = {};
  const sources: z.infer<typeof Sources> = {};
  const sections: Record<string, string[]> = {};
  const classes: Record<string, MeaningClass> = {};
  for (const dir of dirs) {
    if (!fs.existsSync(dir) || !fs.statSync(dir).isDirectory()) {
      problems.push({ file: dir, field: '', message: 'rule folder not found' });
      continue;
    }
    for (const name of META) {
      const file = path.join(dir, name);
      if (!fs.existsSync(file)) continue;
      const schema = name === 'lexicon.yml' ? Lexicon : name === 'lexicon-grown.yml' ? GrownLexicon : name === 'sources.yml' ? Sources : Sections;
      const data = readValidated(file, schema, problems);
      if (!data) continue;
      if (name === 'lexicon-grown.yml') for (const [k, v] of Object.entries(data as z.infer<typeof GrownLexicon>)) lexicon[k] = [...(lexicon[k] ?? []), ...v.seeds, ...v.accepted];
      else if (name === 'lexicon.yml') for (const [k, v] of Object.entries(data as Record<string, string[]>)) lexicon[k] = [...(lexicon[k] ?? []), ...v];
      else if (name === 'sources.yml') Object.assign(sources, data);
      else for (const [k, v] of Object.entries(data as Record<string, string[]>)) sections[k] = [...(sections[k] ?? []), ...v];
    }
    for (const file of yamlFiles(dir)) {
      const rel = path.relative(dir, file).split(path.sep).join('/');
      if (!rel.includes('/')) continue; // rule files live in category folders
      if (rel.startsWith('classes/')) {
        const c = readValidated(file, MeaningClass, problems);
        if (c) {
          if (`classes/${c.class}.yml` !== rel) problems.push({ file, field: 'class', message: `the class name must match the file name (${rel})` });
          // a later folder's class of the same name adds expressions to it
          const prev = classes[c.class];
          classes[c.class] = prev ? { ...c, senses: { ...prev.senses, ...c.senses } } : c;
        }
        continue;
      }
      const rule = readValidated(file, RuleFile, problems);
      if (rule) byId.set(rel.replace(/\.ya?ml$/, ''), { id: rel.replace(/\.ya?ml$/, ''), file, rule });
    }
  }
  for (const c of Object.values(classes)) {
    if (!sources[c.source.id]) problems.push({ file: `classes/${c.class}.yml`, field: 'source.id', message: `unknown source "${c.source.id}" (add it to sources.yml)` });
  }
  for (const r of byId.values()) {
    if (r.rule.kind === 'terms') {
      r.rule.terms.forEach((t, i) => {
        for (const name of [t.class ?? []].flat()) if (!classes[name]) problems.push({ file: r.file, field: `terms[${i}].class`, message: `unknown meaning class "${name}" (see rules/classes/)` });
        for (const sense of t.senses ?? []) {
          if (![t.class ?? []].flat().some((name) => classes[name]?.senses[sense])) problems.push({ file: r.file, field: `terms[${i}].senses`, message: `no class of this term has the sense "${sense}"` });
        }
      });
    }
    if (!sources[r.rule.source.id]) {
      problems.push({ file: r.file, field: 'source.id', message: `unknown source "${r.rule.source.id}" (add it to sources.yml)` });
    }
  }
  if (problems.length) throw new RuleLoadError(problems);
  return { rules: [...byId.values()].sort((a, b) => a.id.localeCompare(b.id)), lexicon, sources, sections, classes };
}
