/**
 * How the fuzzer judges what the checker did with a mutant: a view, or a thrown error with a string code and a
 * one-line message without a stack, passes; anything else fails, with where the stack points (file and line
 * only, never the message, which could quote the document).
 */
import path from 'node:path';

export type Outcome = { kind: 'view' } | { kind: 'typed'; code: string } | { kind: 'fail'; why: string; where?: string };

const ROOT = path.resolve(import.meta.dirname, '../..');

/** The first stack frame in the project's src/ (else the first frame), as `src/x.ts:12` or `package/file.js:3`. */
export function whereOf(stack: string | undefined): string | undefined {
  const frames = [...(stack ?? '').matchAll(/\n\s+at (?:.*?\()?(?:file:\/\/)?([^()\s]+?):(\d+):\d+\)?/g)].map((m) => ({ file: m[1]!, line: m[2]! }));
  const short = (file: string) => (file.includes('node_modules') ? file.replace(/^.*node_modules[\\/]/, '') : path.relative(ROOT, file)).split(path.sep).join('/');
  const frame = frames.find((f) => short(f.file).startsWith('src/')) ?? frames[0];
  return frame ? `${short(frame.file)}:${frame.line}` : undefined;
}

/** A thrown value judged: a typed error (a string code, a one-line message without a stack) passes. */
export function judgeError(e: unknown): Outcome {
  const err = e as { code?: unknown; message?: unknown; name?: unknown; stack?: string } | null;
  const name = typeof err?.name === 'string' ? err.name : typeof e;
  const code = err?.code;
  if (typeof code !== 'string' || !/^[a-z][a-z0-9-]*$/.test(code)) {
    return { kind: 'fail', why: `untyped error ${name}${typeof code === 'string' ? ` (code ${code})` : ''}`, where: whereOf(err?.stack) };
  }
  const message = err?.message;
  if (typeof message !== 'string' || !message.trim()) return { kind: 'fail', why: `${code} error without a message`, where: whereOf(err?.stack) };
  if (message.includes('\n    at ')) return { kind: 'fail', why: `${code} error with a stack trace in its message`, where: whereOf(err?.stack) };
  if (message.includes('\n')) return { kind: 'fail', why: `${code} error with a message of ${message.split('\n').length} lines`, where: whereOf(err?.stack) };
  return { kind: 'typed', code };
}
