/** The main window: every web preference that keeps the renderer sandboxed, navigation and pop-ups denied. */
import type { BrowserWindow, BrowserWindowConstructorOptions, WebContents } from 'electron';

export const WEB_PREFERENCES = {
  sandbox: true,
  contextIsolation: true,
  nodeIntegration: false,
  nodeIntegrationInWorker: false,
  nodeIntegrationInSubFrames: false,
  webSecurity: true,
  allowRunningInsecureContent: false,
  experimentalFeatures: false,
  webviewTag: false,
  spellcheck: false,
  navigateOnDragDrop: false,
  safeDialogs: true,
} as const;

export function windowOptions(preload: string): BrowserWindowConstructorOptions {
  return {
    width: 1280,
    height: 860,
    minWidth: 720,
    minHeight: 500,
    show: false,
    title: 'NRM Referral Checker',
    webPreferences: { ...WEB_PREFERENCES, preload },
  };
}

/** Denies navigation away from the app, new windows and <webview>s. */
export function lockDown(contents: WebContents, appUrl: string): void {
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  contents.on('will-navigate', (event, url) => {
    if (url !== appUrl) event.preventDefault();
  });
  contents.on('will-redirect', (event) => event.preventDefault());
  contents.on('will-attach-webview', (event) => event.preventDefault());
}

export function createMainWindow(Ctor: typeof BrowserWindow, preload: string, appUrl: string): BrowserWindow {
  const win = new Ctor(windowOptions(preload));
  lockDown(win.webContents, appUrl);
  win.once('ready-to-show', () => win.show());
  void win.loadURL(appUrl);
  return win;
}
