/** Types shared by the engine, the hosts and the renderer. Pure data, no behaviour. */

export const CATEGORIES = ['disbelief', 'victim-blaming', 'jargon'] as const;
export type Category = (typeof CATEGORIES)[number];

export const SEVERITIES = ['error', 'warning', 'suggestion'] as const;
export type Severity = (typeof SEVERITIES)[number];

export const ELEMENTS = ['act', 'means', 'purpose', 'when', 'where', 'own-words', 'consent', 'indicators'] as const;
export type ElementName = (typeof ELEMENTS)[number];

/**
 * What the online NRM form asks beyond the core elements (domain notes C7); checked only when a draft is read
 * as the form (`nrm-check form`, the app's form view), never in the core check or its score.
 */
export const FORM_ELEMENTS = ['age-status', 'la-contact', 'how-started', 'treatment', 'left-or-still', 'last-contact', 'exploiter-details', 'interview', 'future-risk'] as const;
export type FormElementName = (typeof FORM_ELEMENTS)[number];

export type Scope = 'any' | 'child' | 'adult';

export interface Source {
  id: string;
  title: string;
  locator?: string;
}

export interface Finding {
  rule: string;
  category: Category;
  severity: Severity;
  /** UTF-16 offsets into the document text, `[start, end)`. */
  start: number;
  end: number;
  excerpt: string;
  message: string;
  /** Replacements for `text.slice(start, end)`, best first; `""` means delete. */
  suggestions: string[];
  rationale: string;
  source: Source;
  /** What to write instead, where the fix is a deletion or needs the writer's knowledge. */
  note?: string;
}

export interface MissingElement {
  element: ElementName;
  rule: string;
  message: string;
  /** The question the writer should answer to add the element. */
  question: string;
  rationale: string;
  source: Source;
  /** Where the element needs several kinds (two indicators), the kinds the draft does give. */
  found?: string[];
}

export interface Subject {
  isChild: boolean;
  age: number | null;
  /** Why the engine decided: the words it relied on. */
  basis: string;
}

export interface LintResult {
  subject: Subject;
  findings: Finding[];
  missing: MissingElement[];
  /** Elements found, with the offset of the first evidence and the senses that matched. */
  present: { element: ElementName; start: number; end: number; senses: string[] }[];
}
