/**
 * The quality report shows each finding in its sentence: the flagged words marked, the accepted rewrite or the
 * reason for a dismissal beside it, people's names masked unless asked, and nothing from the draft read as HTML.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { fromPlainText } from '../../src/document/plain.js';
import { acceptAll, draftFromFile, openDraft, type Draft } from '../../src/draft/draft.js';
import { reportOf } from '../../src/draft/outputs.js';
import { lint } from '../../src/engine/lint.js';
import { maskerFor, reportHtml, reportModel, type ReportModel } from '../../src/export/report.js';
import { WINDOW_WORDS } from '../../src/export/sentence.js';
import { builtInRules } from '../helpers.js';

const DEV = path.resolve(import.meta.dirname, '../../../shared/corpus/dev');
const checker = { rules: builtInRules() };

/** The words inside each <mark> of the report, in order. */
const marked = (html: string) => [...html.matchAll(/<mark>(.*?)<\/mark>/g)].map((m) => m[1]);
/** A finding's sentence as one string, the marked words in [brackets]. */
const shown = (f: ReportModel['findings'][number]) => f.sentence.map((r) => (r.marked ? `[${r.text}]` : r.text)).join('');

/** d10 (an adult, Keith) as the app leaves it: "NFA" and "lifestyle" rewritten, one judgement deleted, "story" dismissed. */
async function decidedD10(file: string): Promise<Draft> {
  const { draft } = await draftFromFile(path.join(DEV, file), checker);
  const accept = new Set(['NFA', 'lifestyle', 'I do not believe his account of the beatings.']);
  const d = acceptAll(draft, (f) => (accept.has(f.excerpt) ? f.suggestions[0] ?? '' : undefined));
  const story = d.open().find((f) => f.excerpt === 'story')!;
  return openDraft({ ...d.input, dismissed: [{ finding: story, reason: "Keith's own word, kept on purpose" }] }, checker);
}

describe.each(['d10.docx', 'd10.txt'])('the report of %s with findings accepted, dismissed and open', (file) => {
  it('shows each finding in its sentence, exactly the flagged words marked, with what was decided', async () => {
    const d = await decidedD10(file);
    const m = reportOf(d);
    const html = reportHtml(m);
    // accepted: the sentence as it was written, the old words marked, the rewrite beside it
    expect(html).toContain('which recorded <mark>NFA</mark> when he said he was happy where he was.');
    expect(html).toContain('Accepted: “no further action”');
    expect(html).toContain('He has grown used to this <mark>lifestyle</mark>.');
    expect(html).toContain('Accepted: “situation”');
    expect(html).toContain('<mark>I do not believe his account of the beatings.</mark>');
    expect(html).toContain('Accepted: “(deleted)”');
    // dismissed, with the reason; open
    expect(html).toContain('K.&#39;s <mark>story</mark> is that a family who run a roofing and tarmac business');
    expect(html).toContain('Dismissed: K.&#39;s own word, kept on purpose');
    expect(html).toContain('<mark>In my view he fabricated them.</mark>');
    expect(html.match(/<b>Open<\/b>/g)).toHaveLength(m.findings.filter((f) => f.decision === 'Open').length);
    // every finding has its sentence, and only its flagged words are marked
    expect(marked(html)).toEqual(m.findings.map((f) => f.excerpt));
    for (const f of m.findings) expect(f.sentence.filter((r) => r.marked).map((r) => r.text)).toEqual([f.excerpt]);
  });

  it('masks the person’s name in the sentences by default and prints it when asked', async () => {
    const d = await decidedD10(file);
    expect(reportHtml(reportOf(d))).not.toMatch(/Keith/);
    const named = reportHtml(reportOf(d, { maskNames: false }));
    expect(named).toContain('Keith&#39;s <mark>story</mark> is that');
    expect(named).toContain('Dismissed: Keith&#39;s own word');
  });
});

function report(text: string, maskNames?: boolean): ReportModel {
  const document = fromPlainText(text);
  return reportModel({ title: 'x', document, result: lint(document, builtInRules()), rules: builtInRules(), ...(maskNames === undefined ? {} : { maskNames }) });
}

describe('a finding’s sentence', () => {
  it('keeps the flagged words marked when a name beside them is masked, whatever the alphabet', () => {
    const text = 'I met Łukasz at the car wash. Łukasz said the boss kept his passport. Łukasz claims he was paid nothing for six months.';
    const masked = report(text).findings.find((f) => f.excerpt === 'claims')!;
    expect(shown(masked)).toBe('Ł. [claims] he was paid nothing for six months.');
    const named = report(text, false).findings.find((f) => f.excerpt === 'claims')!;
    expect(shown(named)).toBe('Łukasz [claims] he was paid nothing for six months.');
  });

  it('masks names the draft gives no cue for (only ever the subject of a verb, or the referrer signing off), and no ordinary word', () => {
    const text = 'Ana said she was not paid for the work. Ana claims the man saw her passport and kept it. Kerry Lambert, TSO, Great Yarmouth Borough Council, made the referral.';
    const model = report(text);
    const all = model.findings.map(shown).join(' ') + ' ' + JSON.stringify(model);
    expect(all).not.toMatch(/\bAna\b|Kerry|Lambert/);
    expect(shown(model.findings.find((f) => f.excerpt === 'claims')!)).toBe('A. [claims] the man saw her passport and kept it.');
    // the same words written in lower case are no name ("saw"), and titles stay
    expect(maskerFor(fromPlainText('Mr Tran saw Derek there. Saw mills were nearby.'), builtInRules())('Mr Tran saw Derek.')).toBe('Mr T. saw D..');
  });

  it('says whom the draft is about in words, with the draft\'s own words for an age (masked like the rest)', () => {
    expect(report('Jonas Petrauskas, aged 15, was found at a car wash. He claims he was not paid.').subject).toBe('A child, age 15 (the draft says “aged 15”)');
    expect(report('The boy was found at a car wash by police. The child said he was not paid.').subject).toBe('A child (described as a child)');
  });

  it('is escaped: words from the draft are never read as HTML', () => {
    const m = report('She claims the boss & his son <script>alert(1)</script> took her passport.');
    const html = reportHtml(m);
    expect(html).not.toMatch(/<script/i);
    expect(html).toContain('She <mark>claims</mark> the boss &amp; his son &lt;script&gt;alert(1)&lt;/script&gt; took her passport.');
  });

  it('is cut to a window of words around the flagged words when a list item has no full stop', () => {
    const words = (n: number) => Array.from({ length: n }, (_, i) => ['worked', 'long', 'days', 'at', 'the', 'yard', 'without', 'pay'][i % 8]).join(' ');
    const item = `- ${words(70)} and she claims that ${words(70)}`;
    const f = report(`Indicators\n\n- Kept in a locked room\n${item}\n- No wages`).findings.find((x) => x.excerpt === 'claims')!;
    const [head, mark, tail] = f.sentence;
    expect(mark).toEqual({ text: 'claims', marked: true });
    expect(head!.text.startsWith('… ')).toBe(true);
    expect(tail!.text.endsWith(' …')).toBe(true);
    expect(head!.text.split(' ').filter((w) => /\w/.test(w))).toHaveLength(WINDOW_WORDS);
    expect(tail!.text.split(' ').filter((w) => /\w/.test(w))).toHaveLength(WINDOW_WORDS);
    expect(head!.text).not.toContain('Kept in a locked room');
    // a short item is shown whole
    const short = report('Indicators\n\n- Kept in a locked room\n- She claims she owes a debt\n- No wages').findings.find((x) => x.excerpt === 'claims')!;
    expect(shown(short)).toBe('She [claims] she owes a debt');
  });

  it('of a rewrite accepted in a draft typed in is the sentence with the old words put back', () => {
    const d0 = openDraft({ name: 'typed.txt', original: null, text: 'We met at the station. Ana claims she was kept in a flat. She was not paid.', accepted: [], dismissed: [] }, checker);
    const d = acceptAll(d0, (f) => (f.excerpt === 'claims' ? 'states' : undefined));
    expect(d.text).toContain('Ana states she');
    const f = reportOf(d, { maskNames: false }).findings.find((x) => x.decision === 'Accepted: “states”')!;
    expect(shown(f)).toBe('Ana [claims] she was kept in a flat.');
  });
});
