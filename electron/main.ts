/**
 * Electron main process: a thin shell. All logic is in src/; this file wires the window, the guards, the
 * validated IPC and the menu together.
 */
import { app, BrowserWindow, dialog, ipcMain, Menu, session, shell } from 'electron';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { createHandlers } from '../src/api/handlers.js';
import { loadAppRules } from '../src/config/app-config.js';
import { LintThread } from '../src/draft/off-thread.js';
import { HostRegistry } from '../src/store/hosts.js';
import { openHistory } from '../src/store/open.js';
import { sweepAtStart } from '../src/store/sweep.js';
import { registerIpc, trustedSender } from './ipc.js';
import { menuTemplate } from './menu.js';
import { guardSession } from './security.js';
import { createMainWindow } from './window.js';

const rendererDir = path.join(import.meta.dirname, '../renderer');
const appUrl = pathToFileURL(path.join(rendererDir, 'index.html')).href;
const root = pathToFileURL(path.join(import.meta.dirname, '..') + path.sep).href;

if (!app.requestSingleInstanceLock()) app.quit();
app.enableSandbox();

let win: BrowserWindow | null = null;

app.on('second-instance', () => {
  if (win) {
    if (win.isMinimized()) win.restore();
    win.focus();
  }
});

void app.whenReady().then(async () => {
  guardSession(session.defaultSession, root);
  sweepAtStart(app.getPath('userData')); // temporary files an export or a save killed mid-write left behind
  // The organisation config kept in the app-data folder, if any, applied to the rules and shown in Settings.
  const { rules, ruleOptions, config, accept } = await loadAppRules(app.getPath('userData'));
  // The history lives in the app's own data folder (the CLI and browser host use the same one).
  const history = openHistory(path.join(app.getPath('userData'), 'history.sqlite'));
  app.on('will-quit', () => history.store?.close());
  const chooseFolder = async () => {
    const r = win ? await dialog.showOpenDialog(win, { title: 'Choose a folder of drafts to audit', properties: ['openDirectory'] }) : { canceled: true, filePaths: [] };
    return r.canceled ? null : (r.filePaths[0] ?? null);
  };
  // Registered in the data folder, so a browser host on the same folder sees this window's work is open.
  const hosts = HostRegistry.register(path.join(app.getPath('userData'), 'hosts'));
  app.on('will-quit', () => hosts.release());
  // Drafts are linted on a worker thread with a time limit: a long draft never freezes the main process.
  const linter = new LintThread(ruleOptions);
  app.on('will-quit', () => void linter.close());
  registerIpc(ipcMain, createHandlers(rules, { ...history, chooseFolder, recoveryDir: path.join(app.getPath('userData'), 'recovery'), hosts, ruleOptions, config, accept, linter }), trustedSender(appUrl, () => (win ? [win.webContents.id] : [])));
  win = createMainWindow(BrowserWindow, path.join(import.meta.dirname, 'preload.cjs'), appUrl);
  const send = (type: string) => win?.webContents.send('nrm:event', { type });
  Menu.setApplicationMenu(
    Menu.buildFromTemplate(menuTemplate({ open: () => send('open'), export: () => send('export'), help: () => void shell.openPath(path.join(rendererDir, '..', '..', 'README.md')) }, process.platform === 'darwin')),
  );
});

app.on('window-all-closed', () => app.quit());
