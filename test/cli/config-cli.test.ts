import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '../..');
const BIN = path.join(ROOT, 'src/cli/bin.mjs');
const SAMPLE = path.join(ROOT, 'test/fixtures/sample-draft.txt');
/** Every rule that fires on the sample. */
const FIRING = ['jargon/acronyms', 'disbelief/claims', 'disbelief/hedges', 'victim-blaming/choice', 'disbelief/credibility-judgements'];

const tmp = () => fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'nrm-cli-config-')));
/** One rule cache for every run here (each run has its own home folder, so would otherwise start cold). */
const CACHE = tmp();

/** Runs nrm-check with its own home and app-data folder, so nothing of the user's is read or changed. */
function run(args: string[], env: NodeJS.ProcessEnv = {}) {
  const home = env.HOME ?? tmp();
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', HOME: home, NRM_CHECKER_DATA_DIR: path.join(home, 'data'), NRM_CHECK_CACHE_DIR: CACHE, ...env } });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

/** A project folder (with .git) holding a copy of the sample and a config; returns their paths. */
function project(config: object) {
  const dir = tmp();
  fs.mkdirSync(path.join(dir, '.git'));
  const draft = path.join(dir, 'draft.txt');
  fs.copyFileSync(SAMPLE, draft);
  const file = path.join(dir, '.nrmcheckrc.json');
  fs.writeFileSync(file, JSON.stringify(config));
  return { dir, draft, file };
}

// Each case runs the CLI a few times; on a busy machine a run takes seconds.
describe('nrm-check says which config is in force', { timeout: 90_000 }, () => {
  it('names the config and the rules it turns off, on stderr and beside the count', () => {
    const p = project({ disable: ['disbelief/claims', 'disbelief/hedges'] });
    const r = run(['check', p.draft]);
    expect(r.err).toContain(`Config: ${p.file} (turns off 2 rules: disbelief/claims, disbelief/hedges)`);
    expect(r.out).toMatch(new RegExp(`\\d+ findings .* — 2 rules are turned off by ${p.file.replace(/[.\\/]/g, '\\$&')}$`, 'm'));
  });

  it('says rules are off even when nothing is found ("0 findings")', () => {
    const p = project({ disable: FIRING });
    const r = run(['check', p.draft]);
    expect(r.code).toBe(0);
    expect(r.out).toContain(`0 findings (0 errors), 1 missing element — 5 rules are turned off by ${p.file}`);
    const flags = run(['check', SAMPLE, ...FIRING.flatMap((id) => ['--disable', id])]);
    expect(flags.out).toContain('0 findings (0 errors), 1 missing element — 5 rules are turned off by --disable');
  });

  it('carries the config as data in JSON and SARIF', () => {
    const p = project({ disable: ['disbelief/claims', 'not/a-rule'] });
    const j = JSON.parse(run(['check', p.draft, '--format', 'json', '--disable', 'jargon/acronyms']).out);
    expect(j.config).toMatchObject({ file: p.file, disabled: ['disbelief/claims'], unknown: ['not/a-rule'], disabledOnCommandLine: ['jargon/acronyms'] });
    expect(JSON.parse(run(['check', SAMPLE, '--format', 'json']).out).config).toMatchObject({ file: null, disabled: [] });
    const s = JSON.parse(run(['check', p.draft, '--format', 'sarif']).out).runs[0];
    expect(s.properties.config).toMatchObject({ file: p.file, disabled: ['disbelief/claims'] });
    expect(s.invocations[0].ruleConfigurationOverrides).toEqual([{ descriptor: { id: 'disbelief/claims' }, configuration: { enabled: false } }]);
    expect(s.invocations[0].toolConfigurationNotifications[0].message.text).toContain(`Config: ${p.file}`);
  });

  it('does not use a config above the project root or above the home folder', () => {
    const top = tmp();
    fs.writeFileSync(path.join(top, '.nrmcheckrc.json'), JSON.stringify({ disable: FIRING }));
    // a project inside: its root (.git) ends the search
    const proj = path.join(top, 'proj');
    fs.mkdirSync(path.join(proj, '.git'), { recursive: true });
    fs.copyFileSync(SAMPLE, path.join(proj, 'draft.txt'));
    // a download folder in a home folder inside: the home folder ends the search
    const home = path.join(top, 'home');
    fs.mkdirSync(path.join(home, 'Downloads'), { recursive: true });
    fs.copyFileSync(SAMPLE, path.join(home, 'Downloads', 'draft.txt'));
    const all = JSON.parse(run(['check', SAMPLE, '--format', 'json']).out).findings.length;
    for (const [draft, env] of [
      [path.join(proj, 'draft.txt'), {}],
      [path.join(home, 'Downloads', 'draft.txt'), { HOME: home }],
    ] as const) {
      const r = run(['check', draft, '--format', 'json'], env);
      expect(JSON.parse(r.out).config.file, draft).toBeNull();
      expect(JSON.parse(r.out).findings.length, draft).toBe(all);
      expect(r.err).not.toContain('Config:');
    }
  });

  it.skipIf(process.platform === 'win32')('ignores a config other users may change, and says so', () => {
    const p = project({ disable: FIRING });
    fs.chmodSync(p.file, 0o666);
    const r = run(['check', p.draft]);
    expect(r.err).toContain(`nrm-check: Ignored the config file ${p.file}: other users may change it.`);
    expect(r.out).not.toContain('0 findings');
    expect(r.out).not.toContain('turned off');
  });

  it.skipIf(process.getuid?.() !== 0)("ignores a config owned by another user (chown, run as root), and says so", () => {
    const p = project({ disable: FIRING });
    fs.chownSync(p.file, 4242, 4242);
    const r = run(['check', p.draft]);
    expect(r.err).toContain(`Ignored the config file ${p.file}: it belongs to another user (owner id 4242)`);
    expect(r.out).not.toContain('0 findings');
  });
});
