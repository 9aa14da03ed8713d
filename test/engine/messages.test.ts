import { describe, expect, it } from 'vitest';
import { fill } from '../../src/engine/messages.js';
import { check } from '../helpers.js';

describe('finding messages', () => {
  it('names the suggestion when there is one', () => {
    expect(fill("'{match}' signals doubt; write '{suggestion}'.", 'claims', 'states')).toBe("'claims' signals doubt; write 'states'.");
  });

  it('says "delete it" for a deletion and drops the clause when there is no suggestion', () => {
    expect(fill("'{match}' hides exploitation; write '{suggestion}'.", 'streetwise', '')).toBe("'streetwise' hides exploitation; delete it.");
    expect(fill("'{match}' treats it as consent; write '{suggestion}'.", 'knew what', undefined)).toBe("'knew what' treats it as consent.");
  });

  it('never shows an empty quoted suggestion to the user', () => {
    const r = check('He knew what he was getting into. They say he is streetwise and mature for his age.', 'child');
    expect(r.findings.length).toBeGreaterThan(1);
    for (const f of r.findings) expect(f.message).not.toMatch(/''/);
  });
});
