import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createHandlers } from '../../src/api/handlers.js';
import { loadAppRules } from '../../src/config/app-config.js';
import { Store } from '../../src/store/store.js';
import { typedDraft } from '../helpers.js';

process.env.NRM_CHECK_CACHE_DIR ??= fs.mkdtempSync(path.join(os.tmpdir(), 'nrm-cache-'));

const TEXT = 'Account\n\nMartazyx claims the man kept her passport in Leeds in May 2024. The GLAA was told.';

async function value<T>(p: Promise<{ ok: true; value: T } | { ok: false; error: { message: string } }>): Promise<T> {
  const r = await p;
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}

/** The app as a host starts it: rules and config from the app-data folder, the history beside them. */
async function app(config?: object) {
  const data = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'nrm-app-')));
  if (config) fs.writeFileSync(path.join(data, '.nrmcheckrc.json'), JSON.stringify(config));
  const { rules, ruleOptions, config: inForce, accept } = await loadAppRules(data);
  const store = Store.open(path.join(data, 'history.sqlite'));
  return { data, store, h: createHandlers(rules, { store, ruleOptions, config: inForce, accept }) };
}

describe("the app's settings say which organisation config is in force", () => {
  it('says all built-in rules are on when there is none', async () => {
    const { h, store } = await app();
    const s = await value(h.settingsGet({}));
    expect(s.config).toEqual({ file: null, disabled: [], summary: 'No organisation config: all built-in rules are on.' });
    expect((await value(h.lint({ draft: typedDraft(TEXT) }))).findings.map((f) => f.rule)).toContain('disbelief/claims');
    store.close();
  });

  it('names the config and the rules it turns off, and the checks obey it', async () => {
    const { h, store, data } = await app({ disable: ['disbelief/claims'], accept: ['GLAA'] });
    const file = path.join(data, '.nrmcheckrc.json');
    const s = await value(h.settingsGet({}));
    expect(s.config).toEqual({ file, disabled: ['disbelief/claims'], summary: `Organisation config: ${file} — turns off 1 rule: disbelief/claims; accepts 1 term: GLAA.` });
    // saving a setting keeps the line (the view shows what settingsSet returns)
    expect((await value(h.settingsSet({ author: 'Sam' }))).config).toEqual(s.config);
    const found = (await value(h.lint({ draft: typedDraft(TEXT) }))).findings;
    expect(found.map((f) => f.rule)).not.toContain('disbelief/claims');
    expect(found.map((f) => f.excerpt)).not.toContain('GLAA');
    store.close();
  });

  it('reports whether kept text was confirmed gone when text keeping is turned off', async () => {
    const { h, store } = await app();
    await value(h.settingsSet({ storeText: true }));
    store.addCheck({ fileName: 'a.txt', contentHash: 'h', words: 12, source: 'app', text: TEXT.repeat(3), result: (await value(h.lint({ draft: typedDraft(TEXT) }))) });
    const off = await value(h.settingsSet({ storeText: false }));
    expect(off.storeText).toBe(false);
    expect(off.erasure).toEqual({ verified: true });
    store.close();
  });
});
