/**
 * This window's id, so the checker can tell its unsaved work from another window's (another tab, or another
 * copy of the app on the same data folder): no other open window is offered that work, restores it or
 * discards it. Made when the page starts and kept across a reload of the same tab (in sessionStorage, taken
 * at start and put back only as the page goes, so a duplicated tab gets an id of its own). While the window
 * is open it checks in every third of the lease the checker names; as it goes it says so, which frees its
 * work for other windows at once.
 */
import { api } from './api';

const KEY = 'nrm-window';
const ID = /^[a-z0-9-]{8,64}$/;

function fresh(): string {
  const b = crypto.getRandomValues(new Uint8Array(12));
  return `win-${Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('')}`;
}

function take(): string {
  try {
    const kept = sessionStorage.getItem(KEY);
    sessionStorage.removeItem(KEY);
    if (kept && ID.test(kept)) return kept;
  } catch {
    // no session storage: a fresh id on each start
  }
  return fresh();
}

export const windowId = take();

/** Reports this window as open until the returned function is called. */
export function keepWindowOpen(): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let stopped = false;
  const touch = async () => {
    clearTimeout(timer);
    const r = await api.recoveryTouch({ window: windowId });
    if (!stopped) timer = setTimeout(() => void touch(), r.ok ? (r.value.leaseSeconds * 1000) / 3 : 30_000);
  };
  const hide = () => {
    try {
      sessionStorage.setItem(KEY, windowId);
    } catch {
      // a reload starts as a new window
    }
    void api.recoveryTouch({ window: windowId, closing: true });
  };
  const show = (e: PageTransitionEvent) => {
    if (!e.persisted) return;
    // Back from the back/forward cache: open again.
    try {
      sessionStorage.removeItem(KEY);
    } catch {
      // nothing kept
    }
    void touch();
  };
  void touch();
  window.addEventListener('pagehide', hide);
  window.addEventListener('pageshow', show);
  return () => {
    stopped = true;
    clearTimeout(timer);
    window.removeEventListener('pagehide', hide);
    window.removeEventListener('pageshow', show);
  };
}
