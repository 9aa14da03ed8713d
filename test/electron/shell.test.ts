import { describe, expect, it, vi } from 'vitest';

// The Electron binary cannot run here: importing 'electron' would try to download it. Mock it everywhere.
const exposed: Record<string, unknown> = {};
const invoke = vi.fn(async (...args: unknown[]) => ({ ok: true, value: args }));
vi.mock('electron', () => ({
  contextBridge: { exposeInMainWorld: (key: string, value: unknown) => (exposed[key] = value) },
  ipcRenderer: { invoke, on: vi.fn(), removeListener: vi.fn() },
}));

const { WEB_PREFERENCES, createMainWindow, windowOptions } = await import('../../electron/window.js');
const { guardSession, CSP, isAppUrl } = await import('../../electron/security.js');
const { registerIpc, trustedSender, channel } = await import('../../electron/ipc.js');
const { METHODS } = await import('../../src/api/methods.js');
const { menuTemplate } = await import('../../electron/menu.js');

const APP = 'file:///opt/nrm/dist/renderer/index.html';
const ROOT = 'file:///opt/nrm/dist/';

class FakeContents {
  handlers = new Map<string, (...a: unknown[]) => void>();
  openHandler?: () => { action: string };
  id = 7;
  on(name: string, fn: (...a: unknown[]) => void) {
    this.handlers.set(name, fn);
    return this;
  }
  setWindowOpenHandler(fn: () => { action: string }) {
    this.openHandler = fn;
  }
}

class FakeWindow {
  static last: FakeWindow;
  webContents = new FakeContents();
  loaded = '';
  constructor(readonly options: Record<string, unknown>) {
    FakeWindow.last = this;
  }
  once() {}
  show() {}
  async loadURL(u: string) {
    this.loaded = u;
  }
}

describe('the main window', () => {
  it('is sandboxed, isolated and has no Node integration', () => {
    expect(WEB_PREFERENCES).toMatchObject({ sandbox: true, contextIsolation: true, nodeIntegration: false, nodeIntegrationInWorker: false, webviewTag: false, webSecurity: true, spellcheck: false });
    expect(windowOptions('/p/preload.cjs').webPreferences).toMatchObject({ preload: '/p/preload.cjs', sandbox: true });
  });

  it('denies new windows and navigation away from the app', () => {
    createMainWindow(FakeWindow as never, '/p/preload.cjs', APP);
    const w = FakeWindow.last;
    expect(w.loaded).toBe(APP);
    expect(w.webContents.openHandler!()).toEqual({ action: 'deny' });
    const nav = (url: string) => {
      const event = { preventDefault: vi.fn() };
      w.webContents.handlers.get('will-navigate')!(event, url);
      return event.preventDefault.mock.calls.length > 0;
    };
    expect(nav('https://example.com/')).toBe(true);
    expect(nav('file:///etc/passwd')).toBe(true);
    expect(nav(APP)).toBe(false);
    const webview = { preventDefault: vi.fn() };
    w.webContents.handlers.get('will-attach-webview')!(webview);
    expect(webview.preventDefault).toHaveBeenCalled();
  });
});

describe('the session guard', () => {
  function fakeSession() {
    const s = {
      before: undefined as undefined | ((d: { url: string }, cb: (r: { cancel: boolean }) => void) => void),
      headers: undefined as undefined | ((d: { responseHeaders: Record<string, string[]> }, cb: (r: { responseHeaders: Record<string, string[]> }) => void) => void),
      permission: undefined as undefined | ((c: unknown, p: string, cb: (ok: boolean) => void) => void),
      check: undefined as undefined | (() => boolean),
      webRequest: {
        onBeforeRequest: (fn: never) => (s.before = fn),
        onHeadersReceived: (fn: never) => (s.headers = fn),
      },
      setPermissionRequestHandler: (fn: never) => (s.permission = fn),
      setPermissionCheckHandler: (fn: never) => (s.check = fn),
    };
    guardSession(s as never, ROOT);
    return s;
  }

  it('cancels every request that is not one of the app’s own files', () => {
    const s = fakeSession();
    const cancelled = (url: string) => {
      let r = { cancel: false };
      s.before!({ url }, (x) => (r = x));
      return r.cancel;
    };
    for (const url of ['https://example.com/x.js', 'http://127.0.0.1:8080/api', 'ws://localhost/', 'file:///etc/passwd', 'file:///opt/nrm/dist/../secret']) expect(cancelled(url), url).toBe(true);
    expect(cancelled(APP)).toBe(false);
    expect(cancelled('file:///opt/nrm/dist/renderer/assets/index.js')).toBe(false);
    expect(isAppUrl('file:///opt/nrm/distx/a.js', ROOT)).toBe(false);
  });

  it('denies every permission and adds the strict CSP to every response', () => {
    const s = fakeSession();
    for (const p of ['media', 'geolocation', 'notifications', 'clipboard-read']) {
      let granted = true;
      s.permission!({}, p, (ok) => (granted = ok));
      expect(granted).toBe(false);
    }
    expect(s.check!()).toBe(false);
    let headers: Record<string, string[]> = {};
    s.headers!({ responseHeaders: {} }, (r) => (headers = r.responseHeaders));
    expect(headers['Content-Security-Policy']).toEqual([CSP]);
    expect(CSP).toMatch(/default-src 'none'/);
    expect(CSP).toMatch(/connect-src 'none'/);
  });
});

describe('IPC', () => {
  function setup() {
    const registered = new Map<string, (e: unknown, raw: unknown) => Promise<unknown>>();
    const calls: string[] = [];
    const handler = (m: string) => async () => {
      calls.push(m);
      return { ok: true, value: m };
    };
    const handlers = Object.fromEntries(METHODS.map((m) => [m, handler(m)]));
    const trusted = trustedSender(APP, () => [7]);
    registerIpc({ handle: (ch: string, fn: never) => registered.set(ch, fn) } as never, handlers as never, trusted);
    return { registered, calls };
  }
  const own = { sender: { id: 7 }, senderFrame: { url: APP, parent: null } };

  it('registers one channel per API method', () => {
    expect([...setup().registered.keys()].sort()).toEqual(METHODS.map(channel).sort());
  });

  it('answers only the app’s own window and top frame', async () => {
    const { registered, calls } = setup();
    for (const sender of [
      { sender: { id: 8 }, senderFrame: { url: APP, parent: null } },
      { sender: { id: 7 }, senderFrame: { url: 'https://evil.example/', parent: null } },
      { sender: { id: 7 }, senderFrame: { url: APP, parent: {} } },
      { sender: { id: 7 }, senderFrame: null },
    ]) {
      expect(await registered.get('nrm:listRules')!(sender, {})).toMatchObject({ ok: false, error: { code: 'Forbidden' } });
    }
    expect(calls).toEqual([]);
    expect(await registered.get('nrm:listRules')!(own, {})).toEqual({ ok: true, value: 'listRules' });
  });

  it.each([
    ['importDocument', { name: 'a.docx' }],
    ['importDocument', { name: 'a.docx', data: 'x', path: '/etc/shadow' }],
    ['lint', { draft: { name: 'a.txt', original: null, text: 42, accepted: [], dismissed: [] } }],
    ['lint', null],
    ['applySuggestions', { text: 'x', edits: [{ start: -1, end: 2, replacement: '' }] }],
    ['listRules', { extra: true }],
    ['historyGet', { id: 'x' }],
    ['historySave', { contentHash: 'not-a-hash', draft: { name: 'a', original: null, text: '', accepted: [], dismissed: [] } }],
    ['historySetStatus', { id: 1, status: 'submitted' }],
    ['settingsSet', { retentionDays: -3 }],
    ['auditStart', { folder: '' }],
    ['auditStatus', { jobId: '../../etc' }],
    ['auditExport', { jobId: 'abcdefgh-1234', format: 'exe' }],
    ['trainerGet', { id: '../secrets' }],
    ['teamImport', { name: 'a.json' }],
    ['recoverySave', { id: 'w-0123456789ab', work: { name: 'a.txt', original: { text: 'ab', blocks: [{ kind: 'paragraph', start: 0, end: 9 }] }, text: 'ab', warnings: [], accepted: [], dismissed: [] } }],
    ['recoveryGet', { id: '..' }],
  ])('rejects invalid input for %s before the handler runs', async (m, raw) => {
    const { registered, calls } = setup();
    expect(await registered.get(channel(m))!(own, raw)).toMatchObject({ ok: false, error: { code: 'BadInput' } });
    expect(calls).toEqual([]);
  });
});

describe('the preload', () => {
  it('exposes only the API verbs and an event listener, frozen', async () => {
    await import('../../electron/preload.js');
    const nrm = exposed.nrm as Record<string, (i: unknown) => Promise<unknown>>;
    expect(Object.isFrozen(nrm)).toBe(true);
    expect(Object.keys(nrm).sort()).toEqual([...METHODS, 'onEvent'].sort());
    await nrm.lint!({ text: 'x' });
    expect(invoke).toHaveBeenCalledWith('nrm:lint', { text: 'x' });
  });
});

describe('the menu', () => {
  it('has File (Open, Open Recent, Export), Edit, View and Help', () => {
    const open = vi.fn();
    const t = menuTemplate({ open, export: vi.fn(), help: vi.fn() }, false);
    expect(t.map((m) => m.label ?? m.role)).toEqual(['File', 'editMenu', 'View', 'Help']);
    const file = t[0]!.submenu as { label?: string; click?: () => void }[];
    expect(file.map((i) => i.label).filter(Boolean)).toEqual(['Open…', 'Open Recent', 'Export…']);
    file[0]!.click!();
    expect(open).toHaveBeenCalled();
  });
});
