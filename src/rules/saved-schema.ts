/**
 * The schemas of a compiled-rules file (saved.ts): the envelope, and the payload with each rule file re-checked
 * by the rule schemas. The user's cache is read through `parseSaved`; the build checks the package's compiled
 * rules with `Saved` before writing them.
 */
import { z } from 'zod';
import { FORMAT, sha256, VERSION } from './saved.js';
import { MeaningClass, RuleFile, Sources } from './schema.js';

/** The file around the payload; `inflect` (package files only) names the code that made its inflections. */
export const Envelope = z
  .object({ format: z.literal(FORMAT), version: z.literal(VERSION), key: z.string(), digest: z.string().regex(/^[0-9a-f]{64}$/), payload: z.string(), inflect: z.string().optional() })
  .strict();

/** The payload: rule data in the loader's shape (each rule file re-checked by its schema), and inflections. */
export const Saved = z
  .object({
    data: z
      .object({
        rules: z.array(z.object({ id: z.string().min(1), file: z.string().min(1), rule: RuleFile }).strict()),
        lexicon: z.record(z.string(), z.array(z.string())),
        sources: Sources,
        sections: z.record(z.string(), z.array(z.string())),
        classes: z.record(z.string(), MeaningClass),
      })
      .strict(),
    inflections: z
      .object({
        verbs: z.array(z.tuple([z.string(), z.object({ inf: z.string(), pres3: z.string(), past: z.string(), part: z.string(), ger: z.string() }).strict()])),
        plurals: z.array(z.tuple([z.string(), z.string()])),
      })
      .strict(),
  })
  .strict();

/** The payload of a compiled-rules file's text if its envelope, key, digest and schemas all pass; otherwise why not. */
export function parseSaved(text: string, key: string): { saved: z.infer<typeof Saved>; inflect?: string } | { detail: string } {
  try {
    const env = Envelope.safeParse(JSON.parse(text));
    if (!env.success || env.data.key !== key) return { detail: 'not a cache of these rule files' };
    if (sha256(env.data.payload) !== env.data.digest) return { detail: 'its contents do not match their digest' };
    const saved = Saved.safeParse(JSON.parse(env.data.payload));
    return saved.success ? { saved: saved.data, inflect: env.data.inflect } : { detail: 'its contents are not rule data' };
  } catch {
    return { detail: 'it is not JSON' };
  }
}
