/**
 * One typed API for every host (Electron IPC, the local browser host, tests): per method a zod schema for the
 * input, validated by the host before any handler runs. Errors cross the boundary as data, never as throws.
 */
import { z } from 'zod';
import type { Block } from '../document/model.js';
import type { LintResult } from '../engine/types.js';
import { IMPORT_ERROR_CODES } from '../import/errors.js';
import type { Method } from './methods.js';

const MAX_DOC_BYTES = 50 * 1024 * 1024;

const BlockSchema = z
  .object({
    kind: z.enum(['heading', 'paragraph', 'list-item', 'table-cell']),
    start: z.number().int().min(0),
    end: z.number().int().min(0),
    level: z.number().int().min(1).max(6).optional(),
    page: z.number().int().min(1).optional(),
  })
  .strict();

const FindingSchema = z
  .object({
    rule: z.string().max(200),
    category: z.enum(['disbelief', 'victim-blaming', 'jargon']),
    severity: z.enum(['error', 'warning', 'suggestion']),
    start: z.number().int().min(0),
    end: z.number().int().min(0),
    excerpt: z.string().max(5000),
    message: z.string().max(5000),
    suggestions: z.array(z.string().max(5000)).max(50),
    rationale: z.string().max(10_000),
    source: z.object({ id: z.string().max(100), title: z.string().max(1000), locator: z.string().max(1000).optional() }).strict(),
    note: z.string().max(5000).optional(),
  })
  .strict();
const MAX_TEXT = 2_000_000;

export const contract = {
  importDocument: z
    .object({
      name: z.string().min(1).max(255),
      /** The file's bytes, base64: the renderer never sends a path. */
      data: z.string().max(Math.ceil((MAX_DOC_BYTES * 4) / 3) + 4),
      password: z.string().max(1000).optional(),
      ocr: z.boolean().optional(),
    })
    .strict(),
  lint: z
    .object({
      text: z.string().max(MAX_TEXT),
      /** Force the subject when the user knows better than the detector. */
      subject: z.enum(['child', 'adult']).optional(),
    })
    .strict(),
  applySuggestions: z
    .object({
      text: z.string().max(MAX_TEXT),
      edits: z
        .array(z.object({ start: z.number().int().min(0), end: z.number().int().min(0), replacement: z.string().max(10_000) }).strict().refine((e) => e.end >= e.start, 'end before start'))
        .max(10_000),
    })
    .strict(),
  listRules: z.object({}).strict(),
  exportDocx: z
    .object({
      name: z.string().min(1).max(255),
      /** The document as imported (its structure), and the text as it is now. */
      original: z.object({ text: z.string().max(MAX_TEXT), blocks: z.array(BlockSchema).max(100_000) }).strict(),
      text: z.string().max(MAX_TEXT),
      mode: z.enum(['clean', 'tracked']),
      appendix: z.boolean().optional(),
    })
    .strict()
    .refine((i) => i.original.blocks.every((b) => b.end <= i.original.text.length && b.start <= b.end), 'a block lies outside the text'),
  exportReport: z
    .object({
      name: z.string().min(1).max(255),
      text: z.string().max(MAX_TEXT),
      format: z.enum(['html', 'pdf']),
      maskNames: z.boolean().optional(),
      accepted: z.array(z.object({ finding: FindingSchema, suggestion: z.string().max(10_000) }).strict()).max(10_000),
      dismissed: z.array(z.object({ finding: FindingSchema, reason: z.string().min(1).max(2000) }).strict()).max(10_000),
    })
    .strict(),
} satisfies Record<Method, z.ZodType>;

export type Input<M extends Method> = z.input<(typeof contract)[M]>;

export const ERROR_CODES = ['BadInput', 'Forbidden', 'NotFound', 'Internal', ...IMPORT_ERROR_CODES] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export type Result<T> = { ok: true; value: T } | { ok: false; error: { code: ErrorCode; message: string; issues?: string[] } };

export function ok<T>(value: T): Result<T> {
  return { ok: true, value };
}

export function fail(code: ErrorCode, message: string, issues?: string[]): Result<never> {
  return { ok: false, error: { code, message, ...(issues ? { issues } : {}) } };
}

/** Validates a raw input for a method; a bad input never reaches the handler. */
export function parseInput<M extends Method>(method: M, raw: unknown): { ok: true; value: z.output<(typeof contract)[M]> } | { ok: false; result: Result<never> } {
  const r = contract[method].safeParse(raw ?? {});
  if (r.success) return { ok: true, value: r.data as z.output<(typeof contract)[M]> };
  return { ok: false, result: fail('BadInput', `Invalid input for ${method}.`, r.error.issues.map((i) => `${i.path.join('.') || '(input)'}: ${i.message}`)) };
}

/** What each method returns on success. */
export interface RuleInfo {
  id: string;
  kind: string;
  category: string;
  severity: string;
  message: string;
  rationale: string;
  source: string;
}

/** A file for the user to save: its suggested name, type and bytes (base64). */
export interface ExportFile {
  filename: string;
  mime: string;
  data: string;
}

export interface Outputs {
  importDocument: { name: string; format: string; text: string; blocks: Block[]; warnings: string[] } & LintResult;
  lint: LintResult;
  applySuggestions: { text: string };
  listRules: RuleInfo[];
  exportDocx: ExportFile;
  exportReport: ExportFile;
}
