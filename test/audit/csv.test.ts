import { describe, expect, it } from 'vitest';
import { toCsv, type AuditRow } from '../../src/audit/audit.js';

describe('the audit CSV', () => {
  it('shows a file name a spreadsheet would run as a formula as text, and keeps ordinary names as they are', () => {
    const row = (file: string): AuditRow => ({ file: `/drafts/${file}`, status: 'checked', score: 80, disbelief: 1, victimBlaming: 0, jargon: 2, missing: ['when'], isChild: true, hash: '' }) as AuditRow;
    const names = ['=HYPERLINK("x.example","click").docx', '+cmd|calc.pdf', '-2+3.txt', '@SUM(A1).md', '\tTAB.txt', 'ana draft.docx'];
    const lines = toCsv(names.map(row), '/drafts').trim().split('\n').slice(1);
    const first = lines.map((l) => l.split(',')[0]!);
    expect(lines[0]).toBe(`"'=HYPERLINK(""x.example"",""click"").docx",checked,80,1,0,2,when,true`);
    expect(first.slice(1)).toEqual(["'+cmd|calc.pdf", "'-2+3.txt", "'@SUM(A1).md", "'\tTAB.txt", 'ana draft.docx']);
    // numbers are numbers
    expect(lines[5]).toBe('ana draft.docx,checked,80,1,0,2,when,true');
  });
});
