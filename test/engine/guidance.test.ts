import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { importFile } from '../../src/import/index.js';
import { lint } from '../../src/engine/lint.js';
import { builtInRules } from '../helpers.js';

// The Home Office's own form and toolkit: careful text about victims, written by others. Reading it as a
// draft must give no finding but acronyms that really are not spelled out in it.
const DIR = path.resolve(import.meta.dirname, '../../../shared/domain/nrm-form');
const pdfs = fs.existsSync(DIR) ? fs.readdirSync(DIR).filter((f) => f.endsWith('.pdf')) : [];

describe.skipIf(!pdfs.length)('the Home Office guidance read as a draft', () => {
  it.each(pdfs)('%s: only acronyms that are never spelled out', async (file) => {
    const { document } = await importFile(path.join(DIR, file));
    const r = lint(document, builtInRules());
    for (const f of r.findings) {
      expect(f.rule, `${f.rule}: "${f.excerpt}"`).toBe('jargon/acronyms');
      // the acronym is not given in brackets after its words anywhere in the text
      expect(document.text).not.toMatch(new RegExp(`\\(${f.excerpt}\\)`, 'i'));
    }
  }, 60000);
});
