/**
 * Electron main process: a thin shell. All logic is in src/; this file wires the window, the guards, the
 * validated IPC and the menu together.
 */
import { app, BrowserWindow, ipcMain, Menu, session, shell } from 'electron';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { createHandlers } from '../src/api/handlers.js';
import { loadRulesCached } from '../src/rules/ruleset.js';
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
  registerIpc(ipcMain, createHandlers(await loadRulesCached()), trustedSender(appUrl, () => (win ? [win.webContents.id] : [])));
  win = createMainWindow(BrowserWindow, path.join(import.meta.dirname, 'preload.cjs'), appUrl);
  const send = (type: string) => win?.webContents.send('nrm:event', { type });
  Menu.setApplicationMenu(
    Menu.buildFromTemplate(menuTemplate({ open: () => send('open'), export: () => send('export'), help: () => void shell.openPath(path.join(rendererDir, '..', '..', 'README.md')) }, process.platform === 'darwin')),
  );
});

app.on('window-all-closed', () => app.quit());
