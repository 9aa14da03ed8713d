/**
 * Text normalisation shared by every importer: NFC, no NUL or control characters (tab and newline kept),
 * CRLF to LF. Curly quotes, dashes and other typography are kept exactly as written.
 */
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\u200B\uFEFF]/g;

export function normalizeText(raw: string): string {
  return raw.replace(/\r\n?/g, '\n').normalize('NFC').replace(CONTROL, '');
}
