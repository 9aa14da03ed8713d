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
    async exportDocx(input) {
      const { buildDocx } = await import('../export/docx.js');
      const { diffEdits } = await import('../rewrite/diff.js');
      const edits = diffEdits(input.original.text, input.text);
      const missing = input.appendix ? lint(fromPlainText(input.text), rules).missing.map((m) => ({ element: m.element, question: m.question })) : undefined;
      const bytes = await buildDocx(input.original, edits, { mode: input.mode, literal: true, ...(missing ? { appendix: missing } : {}) });
      const base = input.name.replace(/\.[^.]+$/, '');
      return ok({ filename: `${base}-${input.mode === 'tracked' ? 'tracked' : 'cleaned'}.docx`, mime: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', data: Buffer.from(bytes).toString('base64') });
    },
    async exportReport(input) {
      const { reportModel, reportHtml, reportLines } = await import('../export/report.js');
      const document = fromPlainText(input.text);
      const now = lint(document, rules);
      const result = { ...now, findings: [...input.accepted.map((a) => a.finding), ...input.dismissed.map((d) => d.finding), ...now.findings] };
      const decisions = [
        ...input.accepted.map((a) => ({ kind: 'accepted' as const, suggestion: a.suggestion })),
        ...input.dismissed.map((d) => ({ kind: 'dismissed' as const, reason: d.reason })),
        ...now.findings.map(() => ({ kind: 'open' as const })),
      ];
      const model = reportModel({ title: input.name, document, result, rules, decisions, maskNames: input.maskNames ?? true });
      const base = input.name.replace(/\.[^.]+$/, '');
      if (input.format === 'pdf') {
        const { textPdf } = await import('../export/pdf.js');
        return ok({ filename: `${base}-report.pdf`, mime: 'application/pdf', data: Buffer.from(textPdf(reportLines(model), `Referral quality report: ${model.title}`)).toString('base64') });
      }
      return ok({ filename: `${base}-report.html`, mime: 'text/html', data: Buffer.from(reportHtml(model), 'utf8').toString('base64') });
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
