/** Reads one YAML data file and validates it; problems come back as one line naming the file. */
import fs from 'node:fs';
import { parse } from 'yaml';
import type { z } from 'zod';

export function readYamlFile<S extends z.ZodType>(file: string, schema: S, label = file): { ok: true; data: z.output<S> } | { ok: false; message: string } {
  let raw: unknown;
  try {
    raw = parse(fs.readFileSync(file, 'utf8'));
  } catch (e) {
    return { ok: false, message: `${label}: ${(e as Error).message.split('\n')[0]}` };
  }
  const r = schema.safeParse(raw);
  if (!r.success) return { ok: false, message: `${label}: ${r.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}` };
  return { ok: true, data: r.data };
}
