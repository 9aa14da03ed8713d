import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadAppRules } from '../../src/config/app-config.js';
import { CONFIG_NAME, findConfig } from '../../src/config/find.js';
import { configLine, effects, inForce, offNote, settingsLine } from '../../src/config/in-force.js';
import { fromPlainText, lint } from '../../src/index.js';

process.env.NRM_CHECK_CACHE_DIR ??= fs.mkdtempSync(path.join(os.tmpdir(), 'nrm-cache-'));

const tmp = () => fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'nrm-config-')));
const write = (dir: string, config: object) => {
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, CONFIG_NAME);
  fs.writeFileSync(file, JSON.stringify(config));
  return file;
};
const me = process.getuid?.();
const posix = process.platform !== 'win32';
const CLAIMS = 'Account\n\nShe claims the man kept her passport in Leeds in May 2024.';

describe('finding the config', () => {
  it('uses the nearest config, up to the project root (the first folder with .git) and no further', () => {
    const root = tmp();
    write(root, { disable: ['disbelief/claims'] });
    const project = path.join(root, 'work', 'project');
    fs.mkdirSync(path.join(project, '.git'), { recursive: true });
    const deep = path.join(project, 'drafts', 'june');
    fs.mkdirSync(deep, { recursive: true });
    expect(findConfig(deep, { home: '/nowhere' })).toEqual({ ignored: [] });
    const own = write(path.join(project, 'drafts'), {});
    expect(findConfig(deep, { home: '/nowhere' }).file).toBe(own);
    fs.rmSync(own);
    const atRoot = write(project, {});
    expect(findConfig(deep, { home: '/nowhere' }).file).toBe(atRoot);
  });

  it("stops at the user's home folder: a config above it (a shared drive's root) is not used; one in it is", () => {
    const root = tmp();
    write(root, { disable: ['disbelief/claims'] });
    const home = path.join(root, 'home', 'sam');
    const downloads = path.join(home, 'Downloads');
    fs.mkdirSync(downloads, { recursive: true });
    expect(findConfig(downloads, { home }).file).toBeUndefined();
    const mine = write(home, {});
    expect(findConfig(downloads, { home }).file).toBe(mine);
  });

  it.skipIf(!posix)('ignores, with the reason, a config another user owns, one others may change, and a link', () => {
    const root = tmp();
    const dir = path.join(root, 'a', 'b');
    fs.mkdirSync(dir, { recursive: true });
    const above = write(root, {});
    const file = write(dir, { disable: ['disbelief/claims'] });
    // owned by someone else: as another account sees the user's file
    const other = findConfig(dir, { home: '/nowhere', uid: me! + 4242 });
    expect(other.file).toBeUndefined();
    expect(other.ignored.map((i) => i.file)).toEqual([file, above]);
    expect(other.ignored[0]!.reason).toMatch(/belongs to another user/);
    fs.chmodSync(file, 0o666);
    const open = findConfig(dir, { home: '/nowhere' });
    expect(open.file).toBe(above);
    expect(open.ignored).toEqual([{ file, reason: 'other users may change it' }]);
    fs.rmSync(file);
    fs.symlinkSync(above, file);
    expect(findConfig(dir, { home: '/nowhere' }).ignored).toEqual([{ file, reason: 'it is a symbolic link' }]);
  });
});

describe('saying what the config changes', () => {
  const config = { disable: ['disbelief/claims', 'jargon/acronyms', 'nonsense/rule'], severity: { 'disbelief/hedges': 'suggestion' as const }, rules: ['/org/rules'], accept: ['GLAA'] };
  const c = inForce('/x/.nrmcheckrc.json', config, { known: ['disbelief/claims', 'jargon/acronyms', 'disbelief/hedges'] });

  it('names every rule it turns off, and the ids that name no rule', () => {
    expect(effects(c)).toBe(
      'turns off 2 rules: disbelief/claims, jargon/acronyms; names 1 rule that does not exist: nonsense/rule; changes the level of 1 rule: disbelief/hedges (suggestion); adds a rule folder: /org/rules; accepts 1 term: GLAA',
    );
    expect(configLine(c)).toMatch(/^Config: \/x\/\.nrmcheckrc\.json \(turns off 2 rules: /);
    expect(configLine(inForce(null, undefined))).toBeUndefined();
  });

  it('says beside the count that rules are off, by the config and by --disable', () => {
    expect(offNote(c)).toBe('2 rules are turned off by /x/.nrmcheckrc.json');
    expect(offNote(c, ['jargon/acronyms', 'disbelief/hedges'])).toBe('3 rules are turned off by /x/.nrmcheckrc.json and --disable');
    expect(offNote(inForce(null, undefined), ['a/b'])).toBe('1 rule is turned off by --disable');
    expect(offNote(inForce(null, undefined))).toBeUndefined();
  });

  it("gives the app's Settings line", () => {
    expect(settingsLine(c)).toMatch(/^Organisation config: \/x\/\.nrmcheckrc\.json — turns off 2 rules: disbelief\/claims, jargon\/acronyms;/);
    expect(settingsLine(inForce(null, undefined))).toBe('No organisation config: all built-in rules are on.');
  });
});

describe("the app's organisation config (in the app-data folder)", () => {
  it('has none by default: all built-in rules are on', async () => {
    const app = await loadAppRules(tmp());
    expect(settingsLine(app.config)).toBe('No organisation config: all built-in rules are on.');
    expect(lint(fromPlainText(CLAIMS), app.rules).findings.map((f) => f.rule)).toContain('disbelief/claims');
  });

  it('applies a config there to the rules, and says which rules it turns off', async () => {
    const dir = tmp();
    const file = write(dir, { disable: ['disbelief/claims'], accept: ['GLAA'] });
    const app = await loadAppRules(dir);
    expect(app.config.file).toBe(file);
    expect(app.config.disabled).toEqual(['disbelief/claims']);
    expect(app.accept).toEqual(['GLAA']);
    expect(app.ruleOptions.disable).toEqual(['disbelief/claims']);
    expect(lint(fromPlainText(CLAIMS), app.rules).findings.map((f) => f.rule)).not.toContain('disbelief/claims');
    expect(settingsLine(app.config)).toBe(`Organisation config: ${file} — turns off 1 rule: disbelief/claims; accepts 1 term: GLAA.`);
  });

  it('keeps every built-in rule on and says why when the config is broken or its rule folder is missing', async () => {
    const broken = tmp();
    write(broken, { disabled: ['disbelief/claims'] });
    const a = await loadAppRules(broken);
    expect(settingsLine(a.config)).toMatch(/could not be used: .*All built-in rules are on/);
    expect(lint(fromPlainText(CLAIMS), a.rules).findings.map((f) => f.rule)).toContain('disbelief/claims');
    const missing = tmp();
    write(missing, { disable: ['disbelief/claims'], rules: ['./no-such-folder'] });
    const b = await loadAppRules(missing);
    expect(settingsLine(b.config)).toMatch(/its rule folders could not be loaded/);
    expect(lint(fromPlainText(CLAIMS), b.rules).findings.map((f) => f.rule)).toContain('disbelief/claims');
  });

  it.skipIf(!posix)("ignores a config there that is not the user's own, and says so", async () => {
    const dir = tmp();
    const file = write(dir, { disable: ['disbelief/claims'] });
    const app = await loadAppRules(dir, { uid: me! + 4242 });
    expect(app.config.file).toBeNull();
    expect(settingsLine(app.config)).toBe(`No organisation config: all built-in rules are on. ${file} was ignored: it belongs to another user (owner id ${me}).`);
    expect(lint(fromPlainText(CLAIMS), app.rules).findings.map((f) => f.rule)).toContain('disbelief/claims');
  });
});
