/**
 * Requests another view makes of the check view (open this draft; open this history check): the check view
 * listens while it is mounted, and a request made before it listens waits for it. One listener per channel.
 */
export function channel<T>(): { request: (value: T) => void; listen: (l: (value: T) => void) => () => void } {
  let listener: ((value: T) => void) | null = null;
  let pending: { value: T } | null = null;
  return {
    request(value) {
      if (listener) listener(value);
      else pending = { value };
    },
    listen(l) {
      listener = l;
      if (pending) {
        const { value } = pending;
        pending = null;
        l(value);
      }
      return () => {
        if (listener === l) listener = null;
      };
    },
  };
}

/** A draft to open (an audit's row, the welcome screen's sample draft). */
const drafts = channel<File>();
export const requestOpen = drafts.request;
/** Listens for drafts to open (the check view); returns the function that stops listening. */
export const onOpenRequest = drafts.listen;

/** A file the API gave as base64, as a File the check view opens like one the user chose. */
export function fileOf(file: { filename: string; mime: string; data: string }): File {
  const bin = atob(file.data);
  const bytes = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
  return new File([bytes], file.filename, { type: file.mime });
}
