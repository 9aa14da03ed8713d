/**
 * Request bodies for the browser host. A long draft's document as opened (its text and structure, 300 kB of
 * JSON) goes with every check, history entry and save of unsaved work, and never changes once opened: it is
 * marked `unchanging` where it is made, written as JSON once, and that JSON is put into each body as it is.
 */
const written = new WeakMap<object, string | null>();

/** Marks an object that is never changed after this (the state makes new objects rather than change old ones). */
export function unchanging<T extends object>(o: T): T {
  if (!written.has(o)) written.set(o, null);
  return o;
}

let calls = 0;

/** `JSON.stringify(input)`, with the JSON of each object marked unchanging written once and kept. */
export function bodyOf(input: unknown): string {
  const parts: string[] = [];
  // a placeholder no text can hold: a control character and a marker made for this call
  const mark = `\u0000nrm-${Date.now().toString(36)}-${(calls++).toString(36)}-`;
  const body = JSON.stringify(input, (_key, value: unknown) => {
    if (value === null || typeof value !== 'object' || !written.has(value)) return value;
    let json = written.get(value);
    if (json == null) written.set(value, (json = JSON.stringify(value)));
    parts.push(json);
    return mark + (parts.length - 1);
  });
  if (!parts.length) return body;
  const quoted = JSON.stringify(mark).slice(0, -1);
  return body.replace(new RegExp(`${quoted.replace(/[\\^$.*+?()[\]{}|]/g, '\\$&')}(\\d+)"`, 'g'), (_, n: string) => parts[Number(n)]!);
}
