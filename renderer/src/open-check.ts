/**
 * A check of the history that another view (History) asks the check view to open by its id: the check view
 * listens while it is mounted; a request made before it listens waits for it. (Files go through
 * open-request.ts; a history check has no file here, only what the history kept.)
 */
type Listener = (historyId: number) => void;

let listener: Listener | null = null;
let pending: number | null = null;

export function requestCheck(historyId: number): void {
  if (listener) listener(historyId);
  else pending = historyId;
}

/** Listens for requests (one listener: the check view); returns the function that stops listening. */
export function onCheckRequest(l: Listener): () => void {
  listener = l;
  if (pending !== null) {
    const id = pending;
    pending = null;
    l(id);
  }
  return () => {
    if (listener === l) listener = null;
  };
}
