/**
 * "The history changed": said by the check view each time it records a draft, heard by the History view,
 * which then asks again for its rows and figures, so scores in the list follow a check as it changes. Heard
 * in this window and in the app's other windows (tabs of the browser host), through a BroadcastChannel.
 */
const NAME = 'nrm-history';
const EVENT = 'nrm:history-changed';
const channel: BroadcastChannel | null = typeof BroadcastChannel === 'function' ? new BroadcastChannel(NAME) : null;

export function historyChanged(): void {
  window.dispatchEvent(new Event(EVENT));
  channel?.postMessage('changed');
}

/** Calls `fn` (at most once a frame) when the history changes; returns the function that stops listening. */
export function onHistoryChanged(fn: () => void): () => void {
  let frame = 0;
  const later = () => {
    cancelAnimationFrame(frame);
    frame = requestAnimationFrame(fn);
  };
  window.addEventListener(EVENT, later);
  channel?.addEventListener('message', later);
  return () => {
    cancelAnimationFrame(frame);
    window.removeEventListener(EVENT, later);
    channel?.removeEventListener('message', later);
  };
}
