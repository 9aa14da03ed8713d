/**
 * The official NRM form's structure (rules/form.yml): sections in order, their questions with the form's own
 * wording, which are free-text boxes (15,000 characters each), and words that tie draft headings and
 * paragraphs to them. Loaded and validated once.
 */
import path from 'node:path';
import { z } from 'zod';
import { DEFAULT_RULES_DIR } from '../rules/ruleset.js';
import { readYamlFile } from '../rules/yaml-file.js';

const Question = z
  .object({
    id: z.string().regex(/^[a-z][a-z0-9-]*$/),
    page: z.string().optional(),
    field: z.string().optional(),
    title: z.string().min(3),
    hint: z.string().min(3).optional(),
    box: z.boolean().default(false),
    applies_to: z.enum(['any', 'child', 'adult']).default('any'),
    headings: z.array(z.string().min(2)).default([]),
    cues: z.array(z.string().min(2)).default([]),
    /** Regular expressions (case-insensitive) that show a paragraph is about this question; each counts as two cue words. */
    patterns: z
      .array(
        z.string().refine((p) => {
          try {
            new RegExp(p, 'iu');
            return true;
          } catch {
            return false;
          }
        }, 'is not a valid regular expression'),
      )
      .default([]),
    /** A list of short items with no one's words in it (a run of bullets) is most likely the answer to this question. */
    lists: z.boolean().default(false),
  })
  .strict()
  .refine((q) => Boolean(q.page) !== Boolean(q.field), 'needs exactly one of `page` or `field`');

const Section = z
  .object({
    id: z.string().regex(/^[a-z][a-z0-9-]*$/),
    title: z.string().min(3),
    headings: z.array(z.string().min(2)).default([]),
    questions: z.array(Question).min(1),
  })
  .strict();

export const FormSchema = z.object({ limit: z.number().int().min(100), sections: z.array(Section).min(1) }).strict();
export type FormData = z.infer<typeof FormSchema>;
export type FormSection = FormData['sections'][number];
export type FormQuestion = FormSection['questions'][number];

export const FORM_FILE = path.join(DEFAULT_RULES_DIR, 'form.yml');

export class FormError extends Error {
  override name = 'FormError';
}

export function readForm(file = FORM_FILE): FormData {
  const r = readYamlFile(file, FormSchema);
  if (!r.ok) throw new FormError(r.message);
  const ids = new Set<string>();
  for (const s of r.data.sections)
    for (const q of s.questions) {
      if (ids.has(q.id)) throw new FormError(`${file}: question id "${q.id}" is used twice`);
      ids.add(q.id);
    }
  return r.data;
}

let cached: FormData | undefined;
export function loadForm(): FormData {
  return (cached ??= readForm());
}
