/**
 * Session-wide guards: only the app's own files may load (every network request is cancelled), every
 * permission request is denied, and every response carries the strict Content-Security-Policy.
 */
import type { Session } from 'electron';

export const CSP = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'none'; font-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

/** Whether a URL is one of the app's own files under `root` (a file:// URL ending in /). */
export function isAppUrl(url: string, root: string): boolean {
  // blob: URLs are the app's own exports being saved; nothing else but the app's files.
  if (!url.startsWith('file://')) return url.startsWith('devtools://') || url.startsWith('blob:file://');
  try {
    const u = new URL(url);
    return u.protocol === 'file:' && !u.pathname.includes('..') && `file://${u.pathname}`.startsWith(root);
  } catch {
    return false;
  }
}

export function guardSession(session: Session, root: string): void {
  session.webRequest.onBeforeRequest((details, callback) => callback({ cancel: !isAppUrl(details.url, root) }));
  session.webRequest.onHeadersReceived((details, callback) =>
    callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [CSP], 'X-Content-Type-Options': ['nosniff'] } }),
  );
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  session.setDevicePermissionHandler?.(() => false);
}
