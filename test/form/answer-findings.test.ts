import { describe, expect, it } from 'vitest';
import { createHandlers } from '../../src/api/handlers.js';
import { builtInRules, typedDraft } from '../helpers.js';

const TEXT = `What happened

Amy, aged 15, was reported as a misper four times in March 2025. She was described as promiscuous by staff. Police believe she is at risk of CSE.

She said a man called Dan gave her a phone and told her to carry bags to Leeds.

Indicators
- went missing often
- was a misper again in April`;

async function answers(dismissed: { rule: string; excerpt: string }[] = []) {
  const h = createHandlers(builtInRules());
  const first = await h.lint({ draft: typedDraft(TEXT) });
  if (!first.ok) throw new Error(first.error.message);
  const gone = dismissed.map((d) => ({ finding: first.value.findings.find((f) => f.rule === d.rule && f.excerpt === d.excerpt)!, reason: 'not a problem here' }));
  const v = await h.formMap({ draft: typedDraft(TEXT, { dismissed: gone }) });
  if (!v.ok) throw new Error(v.error.message);
  return v.value.sections.flatMap((s) => s.questions);
}

describe('open findings in the form view’s answers', () => {
  it('are placed on the answer as it is pasted (paragraphs joined, list items as "- " lines)', async () => {
    const q = (await answers()).find((x) => x.findings.length)!;
    expect(q.findings.map((f) => q.text.slice(f.start, f.end))).toEqual(['misper', 'promiscuous', 'CSE', 'misper']);
    expect(q.findings.map((f) => f.excerpt)).toEqual(['misper', 'promiscuous', 'CSE', 'misper']);
    // the last one is inside a list item, after its "- "
    expect(q.text.slice(q.findings[3]!.start - 9, q.findings[3]!.end)).toBe('\n- was a misper');
  });

  it('come with the answer as it reads with every suggestion applied', async () => {
    const q = (await answers()).find((x) => x.findings.length)!;
    expect(q.applied).toContain('reported as a missing person four times');
    expect(q.applied).toContain('at risk of child sexual exploitation.');
    expect(q.applied).toContain('\n- was a missing person again in April');
    expect(q.applied).not.toMatch(/misper|promiscuous|\bCSE\b/);
  });

  it('leave out what the writer dismissed; an answer with nothing open has no findings and no fixed text', async () => {
    const qs = await answers([{ rule: 'victim-blaming/sexual-exploitation-labels', excerpt: 'promiscuous' }]);
    const q = qs.find((x) => x.findings.length)!;
    expect(q.findings.map((f) => f.excerpt)).toEqual(['misper', 'CSE', 'misper']);
    expect(q.applied).toContain('described as promiscuous by staff');
    for (const other of qs.filter((x) => !x.findings.length)) expect(other.applied).toBeUndefined();
  });
});
