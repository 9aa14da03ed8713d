import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_RULES_DIR, loadRules, RuleLoadError } from '../../src/index.js';

const tmp: string[] = [];
afterEach(() => {
  for (const d of tmp.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

/** A folder with one extra rule file, loaded after the built-in rules. */
function withRule(yaml: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nrm-rules-'));
  tmp.push(dir);
  fs.mkdirSync(path.join(dir, 'custom'));
  fs.writeFileSync(path.join(dir, 'custom', 'broken.yml'), yaml);
  return dir;
}

function loadError(yaml: string): RuleLoadError {
  const dir = withRule(yaml);
  try {
    loadRules({ extraDirs: [dir] });
  } catch (e) {
    if (e instanceof RuleLoadError) return e;
    throw e;
  }
  throw new Error('expected the rule file to be rejected');
}

const GOOD = `kind: terms
category: disbelief
severity: warning
message: "'{match}' is a test term; write '{suggestion}'."
rationale: A rule written for the loader tests, long enough to pass.
source: { id: FRT26 }
terms:
  - match: "[zorble]"
    suggest: ["word"]
examples:
  incorrect: ["A zorble here."]
  correct: ["Nothing here."]
`;

describe('loading rule files', () => {
  it('loads a valid extra rule and lints with it', () => {
    const rules = loadRules({ extraDirs: [withRule(GOOD)] });
    expect(rules.loaded.some((r) => r.id === 'custom/broken')).toBe(true);
  });

  it('names the file, line and field of a wrong value', () => {
    const e = loadError(GOOD.replace('category: disbelief', 'category: rudeness'));
    expect(e.problems[0]!.file).toMatch(/custom\/broken\.yml$/);
    expect(e.problems[0]!.field).toBe('category');
    expect(e.problems[0]!.line).toBe(2);
    expect(e.message).toMatch(/broken\.yml:2: category:/);
  });

  it('rejects unknown keys', () => {
    const e = loadError(GOOD.replace('severity: warning', 'severity: warning\ncolour: red'));
    expect(e.message).toMatch(/broken\.yml.*colour/);
  });

  it('rejects a pattern that names an unknown word class, naming the term', () => {
    const e = loadError(GOOD.replace('[zorble]', '[zorble] @nonsense'));
    expect(e.problems[0]!.field).toBe('terms[0].match[0]');
    expect(e.message).toMatch(/unknown word class @nonsense/);
  });

  it('rejects an unknown source and a message without a full stop', () => {
    expect(loadError(GOOD.replace('id: FRT26', 'id: NOPE')).message).toMatch(/source\.id: unknown source "NOPE"/);
    expect(loadError(GOOD.replace("write '{suggestion}'.", "write '{suggestion}'")).message).toMatch(/message: must end with a full stop/);
  });

  it('reports broken YAML with its line', () => {
    const e = loadError('kind: terms\ncategory: [unclosed\n');
    expect(e.problems[0]!.message).toMatch(/^YAML/);
    expect(e.problems[0]!.line).toBeGreaterThan(0);
  });

  it('lets a config disable a rule', () => {
    const rules = loadRules({ disable: ['disbelief/claims'] });
    expect(rules.terms.some((t) => t.meta.id === 'disbelief/claims')).toBe(false);
  });

  it('ships its rules beside the source', () => {
    expect(fs.existsSync(path.join(DEFAULT_RULES_DIR, 'lexicon.yml'))).toBe(true);
  });
});
