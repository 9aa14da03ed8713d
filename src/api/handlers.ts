/** The API implemented with the core; host-agnostic. Hosts validate inputs with `parseInput` first. */
import { fromPlainText } from '../document/plain.js';
import { lint } from '../engine/lint.js';
import { ImportError } from '../import/errors.js';
import { importBytes } from '../import/index.js';
import type { RuleSet } from '../rules/compile.js';
import { applySuggestions } from '../rewrite/apply.js';
import { fail, ok, type Input, type Outputs, type Result } from './contract.js';
import type { Method } from './methods.js';

export type Handlers = { [M in Method]: (input: Input<M>) => Promise<Result<Outputs[M]>> };

export function createHandlers(rules: RuleSet): Handlers {
  return {
    async importDocument(input) {
      try {
        const bytes = Buffer.from(input.data, 'base64');
        const r = await importBytes(bytes, { password: input.password, ocr: input.ocr });
        return ok({ name: input.name, format: r.format, text: r.document.text, blocks: r.document.blocks, warnings: r.warnings, ...lint(r.document, rules) });
      } catch (e) {
        if (e instanceof ImportError) return fail(e.code, e.message);
        return fail('Internal', 'The document could not be opened because of an unexpected problem in the checker.');
      }
    },
    async lint(input) {
      const doc = fromPlainText(input.text);
      return ok(lint(doc, rules, input.subject ? { subject: { isChild: input.subject === 'child' } } : {}));
    },
    async applySuggestions(input) {
      try {
        return ok({ text: applySuggestions(input.text, input.edits).text });
      } catch (e) {
        return fail('BadInput', (e as Error).message);
      }
    },
    async listRules() {
      return ok(
        rules.loaded.map((l) => ({
          id: l.id,
          kind: l.rule.kind,
          category: 'category' in l.rule ? l.rule.category : 'missing-element',
          severity: l.rule.severity,
          message: l.rule.message,
          rationale: l.rule.rationale.trim(),
          source: l.rule.source.id,
        })),
      );
    },
  };
}
