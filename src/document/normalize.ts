/**
 * Text normalisation shared by every importer: NFC, no NUL or control characters (tab and newline kept),
 * CRLF to LF. Curly quotes, dashes and other typography are kept exactly as written.
 */
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\u200B\uFEFF]/g;

/** Anything the two replacements would change (most drafts: nothing, so the text is read once, not twice). */
// eslint-disable-next-line no-control-regex
const TO_CLEAN = /[\r\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\u200B\uFEFF]/;

export function normalizeText(raw: string): string {
  if (!TO_CLEAN.test(raw)) return raw.normalize('NFC');
  return raw.replace(/\r\n?/g, '\n').normalize('NFC').replace(CONTROL, '');
}
