import path from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../..');
const eslint = new ESLint({ cwd: root, overrideConfigFile: path.join(root, 'test/lint/eslint.config.js') });

async function problems(file: string, code: string): Promise<string[]> {
  const [r] = await eslint.lintText(code, { filePath: path.join(root, file) });
  return r!.messages.filter((m) => m.ruleId === 'layers/no-upward-import').map((m) => m.message);
}

describe('the layers rule', () => {
  it('refuses an import from a higher layer, static, dynamic or type-only', async () => {
    expect(await problems('src/engine/x.ts', "import { loadForm } from '../form/form.js';\nexport const f = loadForm;\n")).toEqual([
      'src/engine (layer 0) may not import from src/form (layer 2): move the shared part down, or pass it in.',
    ]);
    expect(await problems('src/audit/x.ts', "export async function f() { return import('../api/contract.js'); }\n")).toHaveLength(1);
    expect(await problems('src/rules/x.ts', "import type { Draft } from '../draft/draft.js';\nexport type D = Draft;\n")).toHaveLength(1);
  });

  it('allows imports from the same layer and below', async () => {
    expect(await problems('src/store/x.ts', "import { a } from '../export/report.js';\nimport { b } from '../engine/lint.js';\nexport const c = [a, b];\n")).toEqual([]);
    expect(await problems('src/cli/x.ts', "import { a } from '../draft/draft.js';\nexport const c = a;\n")).toEqual([]);
  });
});
