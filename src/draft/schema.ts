/**
 * The user's decisions on a draft as data that crosses a boundary (the API, a decisions file for
 * `nrm-check report --decisions`): validated here, once.
 */
import { z } from 'zod';

export const FindingSchema = z
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

export const Decided = {
  accepted: z.array(z.object({ finding: FindingSchema, suggestion: z.string().max(10_000) }).strict()).max(10_000),
  dismissed: z.array(z.object({ finding: FindingSchema, reason: z.string().min(1).max(2000) }).strict()).max(10_000),
};

/** A decisions file: the text as the user left it (optional) and the findings they accepted or dismissed. */
export const DecisionsFile = z
  .object({ text: z.string().max(2_000_000).optional(), ...Decided })
  .passthrough();
