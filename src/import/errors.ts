/** Typed import errors: a code a host can switch on, and a message that tells a person what to do next. */
import { tooLargeMessage, type Measure } from '../document/limits.js';

export const IMPORT_ERROR_CODES = ['encrypted', 'malformed', 'no-text-layer', 'empty', 'too-large', 'unsupported', 'timeout', 'not-found'] as const;
export type ImportErrorCode = (typeof IMPORT_ERROR_CODES)[number];

/**
 * What may open the file on a second try, for a host to offer in its own terms (the app a password box or a
 * button, the command line its flag): the file's password, or text recognition of its pages. A file no
 * password opens (an encrypted Word file) has none.
 */
export type ImportRemedy = 'password' | 'ocr';

export class ImportError extends Error {
  constructor(
    readonly code: ImportErrorCode,
    message: string,
    /** For `too-large`: what was measured, how far the reader got, and the limit. */
    readonly size?: { measure: Measure; reached: number; limit: number },
    readonly remedy?: ImportRemedy,
  ) {
    super(message);
    this.name = 'ImportError';
  }
}

/** The import error for a document past a size limit, saying how far the reader got. */
export function tooLargeError(size: { measure: Measure; reached: number; limit: number }): ImportError {
  return new ImportError('too-large', tooLargeMessage(size.measure, size.reached, size.limit), size);
}
