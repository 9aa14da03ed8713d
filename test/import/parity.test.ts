/**
 * One draft, three formats: a draft saved as .docx or .pdf reads like its .txt. The sections the checks rely on
 * (a table's labels, headings run into their values, background) and so the elements found must not depend on
 * the format: a PDF whose label cells ran into their values once lost its labels and reported four elements
 * missing that the .docx had.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { importFile } from '../../src/import/index.js';
import { analyze } from '../../src/engine/analyze.js';
import { lint } from '../../src/engine/lint.js';
import { builtInRules } from '../helpers.js';

const CORPORA = ['dev', 'dev2'].map((d) => path.resolve(import.meta.dirname, '../../../shared/corpus', d)).filter((d) => fs.existsSync(d));
const rules = builtInRules();

/** What the checks make of one file: the section kinds it has, and the elements found and missing. */
async function reading(file: string) {
  const { document } = await importFile(file);
  const sections = new Set(analyze(document, rules.sections).flatMap((b) => [...b.sections]));
  const r = lint(document, rules);
  return {
    sections: [...sections].sort(),
    present: r.present.map((p) => p.element).sort(),
    missing: r.missing.map((m) => m.element).sort(),
  };
}

describe.skipIf(!CORPORA.length)('a draft reads the same in every format', () => {
  for (const dir of CORPORA) {
    const drafts = fs.readdirSync(dir).filter((f) => f.endsWith('.txt') && fs.existsSync(path.join(dir, f.replace(/\.txt$/, '.pdf'))));
    it(`${path.basename(dir)}: the .docx and .pdf give the .txt's sections and elements`, async () => {
      for (const f of drafts) {
        const base = path.join(dir, f.replace(/\.txt$/, ''));
        const txt = await reading(`${base}.txt`);
        for (const ext of ['docx', 'pdf']) {
          if (!fs.existsSync(`${base}.${ext}`)) continue;
          const other = await reading(`${base}.${ext}`);
          expect({ ...other, sections: undefined }, `${path.basename(base)}.${ext}`).toEqual({ ...txt, sections: undefined });
          // a format may find a section the text lays out less clearly, but never lose one
          expect(other.sections, `${path.basename(base)}.${ext} sections`).toEqual(expect.arrayContaining(txt.sections));
        }
      }
    }, 120_000);
  }
});
