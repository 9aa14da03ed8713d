/** Typed import errors: a code a host can switch on, and a message that tells a person what to do next. */
export const IMPORT_ERROR_CODES = ['encrypted', 'malformed', 'no-text-layer', 'empty', 'too-large', 'unsupported', 'timeout', 'not-found'] as const;
export type ImportErrorCode = (typeof IMPORT_ERROR_CODES)[number];

export class ImportError extends Error {
  constructor(
    readonly code: ImportErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'ImportError';
  }
}
