import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contract } from '../../src/api/contract.js';
import { createHandlers } from '../../src/api/handlers.js';
import { METHODS } from '../../src/api/methods.js';
import { startBrowserHost, type BrowserHost } from '../../src/host/http.js';
import { builtInRules, check } from '../helpers.js';

const SAMPLE = path.resolve(import.meta.dirname, '../fixtures/sample-draft.txt');
let host: BrowserHost;
let staticDir: string;

beforeAll(async () => {
  staticDir = fs.mkdtempSync(path.join(os.tmpdir(), 'nrm-static-'));
  fs.writeFileSync(path.join(staticDir, 'index.html'), '<!doctype html><title>NRM</title>');
  fs.writeFileSync(path.join(os.tmpdir(), 'nrm-secret.txt'), 'secret');
  host = await startBrowserHost({ handlers: createHandlers(builtInRules()), staticDir });
});
afterAll(async () => {
  await host.close();
});

/** A raw request, so tests can set any Host header or token. */
function request(method: string, pathname: string, opts: { body?: string; token?: string | null; host?: string } = {}): Promise<{ status: number; body: string; headers: http.IncomingHttpHeaders }> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: '127.0.0.1',
        port: host.port,
        method,
        path: pathname,
        headers: {
          host: opts.host ?? `127.0.0.1:${host.port}`,
          'content-type': 'application/json',
          ...(opts.token === null ? {} : { 'x-nrm-token': opts.token ?? host.token }),
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode!, body: Buffer.concat(chunks).toString('utf8'), headers: res.headers }));
      },
    );
    req.on('error', reject);
    if (opts.body !== undefined) req.write(opts.body);
    req.end();
  });
}

const api = (m: string, input: unknown, opts: { token?: string | null; host?: string } = {}) => request('POST', `/api/${m}`, { ...opts, body: JSON.stringify(input) });

describe('the API contract', () => {
  it('has one input schema per method', () => {
    expect(Object.keys(contract).sort()).toEqual([...METHODS].sort());
  });
});

describe('browser host', () => {
  it('listens on 127.0.0.1 and gives its URL with the token', () => {
    expect(host.url).toMatch(new RegExp(`^http://127\\.0\\.0\\.1:${host.port}/#token=[A-Za-z0-9_-]{32}$`));
  });

  it('lints through the API exactly as the core does', async () => {
    const text = fs.readFileSync(SAMPLE, 'utf8');
    const r = await api('lint', { draft: { name: 'sample.txt', original: null, text, accepted: [], dismissed: [] } });
    expect(r.status).toBe(200);
    const j = JSON.parse(r.body);
    expect(j.ok).toBe(true);
    expect(j.value.findings.map((f: { rule: string; start: number }) => [f.rule, f.start])).toEqual(check(text).findings.map((f) => [f.rule, f.start]));
  });

  it('imports a document sent as bytes and returns its findings', async () => {
    const r = await api('importDocument', { name: 'draft.txt', data: fs.readFileSync(SAMPLE).toString('base64') });
    const j = JSON.parse(r.body);
    expect(j.value.format).toBe('text');
    expect(j.value.findings.length).toBeGreaterThan(3);
    expect(j.value.missing.map((m: { element: string }) => m.element)).toEqual(['consent']);
  });

  it('returns typed import errors as data', async () => {
    const j = JSON.parse((await api('importDocument', { name: 'x.doc', data: Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, ...new Array(600).fill(0)]).toString('base64') })).body);
    expect(j).toMatchObject({ ok: false, error: { code: 'encrypted' } });
  });

  it('applies suggestions', async () => {
    const j = JSON.parse((await api('applySuggestions', { text: 'She claims it.', edits: [{ start: 4, end: 10, replacement: 'states' }] })).body);
    expect(j.value.text).toBe('She states it.');
  });

  it.each([
    ['lint', { text: 'x' }],
    ['lint', { draft: { name: 'a.txt', original: null, text: 'x', accepted: [], dismissed: [], subject: 'alien' } }],
    ['lint', { draft: { name: 'a.txt', original: null, text: 'x', accepted: [], dismissed: [] }, extra: true }],
    ['lint', { draft: { name: 'a.txt', original: { text: 'ab', blocks: [{ kind: 'paragraph', start: 0, end: 9 }] }, text: 'ab', accepted: [], dismissed: [] } }],
    ['importDocument', { name: '', data: '' }],
    ['importDocument', { name: 'a.pdf', data: 'x', path: '/etc/passwd' }],
    ['applySuggestions', { text: 'x', edits: [{ start: 3, end: 1, replacement: '' }] }],
    ['listRules', { anything: 1 }],
    ['historyList', { filter: { from: 'yesterday' } }],
    ['historyDelete', { id: 0 }],
    ['settingsSet', { storeText: 'yes' }],
    ['auditStart', { folder: 'x'.repeat(5000) }],
    ['auditCancel', {}],
    ['trainerGet', { id: 'A B' }],
    ['formMap', { draft: { name: 'a.txt', original: null, text: 1, accepted: [], dismissed: [] } }],
    ['exportForm', { draft: { name: 'a.txt', original: null, text: 'x', accepted: [], dismissed: [] }, format: 'pdf' }],
    ['recoverySave', { id: '../../etc/passwd', work: { name: 'a.txt', original: null, text: 'x', warnings: [], accepted: [], dismissed: [] } }],
    ['recoveryGet', { id: 'x/../../y' }],
    ['recoveryClear', {}],
  ])('rejects bad input for %s before it reaches a handler', async (m, input) => {
    const r = await api(m, input);
    expect(r.status).toBe(400);
    expect(JSON.parse(r.body).error.code).toBe('BadInput');
  });

  it('refuses calls without the token, with another Host, or to unknown methods', async () => {
    expect((await api('listRules', {}, { token: null })).status).toBe(403);
    expect((await api('listRules', {}, { token: 'guess' })).status).toBe(403);
    expect((await api('listRules', {}, { host: 'evil.example:80' })).status).toBe(403);
    expect((await api('deleteEverything', {})).status).toBe(404);
    expect((await request('GET', '/api/listRules')).status).toBe(405);
  });

  it('refuses oversized bodies', async () => {
    const r = await request('POST', '/api/lint', { body: 'x'.repeat(81 * 1024 * 1024) }).catch(() => ({ status: 413, body: '', headers: {} }));
    expect(r.status).toBe(413);
  });

  it('serves the interface with a strict CSP and nothing outside its folder', async () => {
    const page = await request('GET', '/');
    expect(page.status).toBe(200);
    expect(page.headers['content-security-policy']).toMatch(/default-src 'none'/);
    expect((await request('GET', '/../nrm-secret.txt')).status).toBe(404);
    expect((await request('GET', '/%2e%2e/nrm-secret.txt')).status).toBe(404);
  });

  it('answers a bad %-escape in an address as bad input, not a server error', async () => {
    const r = await request('GET', '/%E0%A4%A');
    expect(r.status).toBe(400);
    expect(JSON.parse(r.body)).toMatchObject({ ok: false, error: { code: 'BadInput' } });
  });

  it('refuses document data that is not base64, and edits that end past the text', async () => {
    const notBase64 = await api('importDocument', { name: 'x.txt', data: 'this is not base64!' });
    expect(notBase64.status).toBe(400);
    expect(notBase64.body).toMatch(/not base64/);
    const past = await api('applySuggestions', { text: 'He claims it.', edits: [{ start: 3, end: 40, replacement: 'says' }] });
    expect(past.status).toBe(400);
    expect(past.body).toMatch(/past the end of the text/);
    const fine = await api('applySuggestions', { text: 'He claims it.', edits: [{ start: 3, end: 9, replacement: 'says' }] });
    // the new text, and where the edit now lies in it (the app marks accepted words there)
    expect(JSON.parse(fine.body)).toEqual({ ok: true, value: { text: 'He says it.', changes: [{ start: 3, end: 9, newStart: 3, newEnd: 7 }] } });
  });
});

describe('npm run start:browser', () => {
  it('says in one line that the port is in use, and exits 2', async () => {
    const { spawnSync } = await import('node:child_process');
    const r = spawnSync(process.execPath, ['--import', 'tsx', path.resolve(import.meta.dirname, '../../src/host/start-browser.ts'), '--port', String(host.port)], {
      encoding: 'utf8',
      env: { ...process.env, NRM_CHECKER_DATA_DIR: fs.mkdtempSync(path.join(os.tmpdir(), 'nrm-port-')) },
      timeout: 60_000,
    });
    expect(r.status).toBe(2);
    expect(r.stderr.trim().split('\n')).toEqual([`start:browser: port ${host.port} is already in use; choose another with --port, or leave it out to use a free one.`]);
  }, 90_000);
});
