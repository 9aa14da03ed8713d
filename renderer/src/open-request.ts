/**
 * A draft another view asks the check view to open (an audit's row, the welcome screen's sample draft): the
 * check view listens while it is mounted; a request made before it listens waits for it.
 */
type Listener = (file: File) => void;

let listener: Listener | null = null;
let pending: File | null = null;

export function requestOpen(file: File): void {
  if (listener) listener(file);
  else pending = file;
}

/** Listens for requests (one listener: the check view); returns the function that stops listening. */
export function onOpenRequest(l: Listener): () => void {
  listener = l;
  if (pending) {
    const f = pending;
    pending = null;
    l(f);
  }
  return () => {
    if (listener === l) listener = null;
  };
}

/** A file the API gave as base64, as a File the check view opens like one the user chose. */
export function fileOf(file: { filename: string; mime: string; data: string }): File {
  const bin = atob(file.data);
  const bytes = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
  return new File([bytes], file.filename, { type: file.mime });
}
