/**
 * The compiled rule set as the engine runs it: matchers and their wording. The rules layer builds it from rule
 * files (src/rules/compile.ts); the engine only reads it, so its shape lives here, below both.
 */
import type { Lexicon, Pattern } from './pattern.js';
import type { Category, ElementName, FormElementName, Scope, Severity, Source } from './types.js';

/** The checks of the form's own set that are written in code (src/form/check.ts); their wording is data. */
export const FORM_CHECKS = ['box-limit', 'names-in-account', 'unexplained-inconsistency', 'undated-evidence', 'credibility-placement'] as const;

export interface Meta {
  id: string;
  file: string;
  category: Category;
  severity: Severity;
  scope: Scope;
  message: string;
  rationale: string;
  source: Source;
}

export interface CompiledTerm {
  meta: Meta;
  patterns: Pattern[];
  suggest: { any: string[]; child?: string[]; adult?: string[] };
  /** Rewrites of single class entries that carry their own. */
  patternSuggest: Map<Pattern, { any: string[]; child?: string[]; adult?: string[] }>;
  forms?: Partial<Record<string, string[]>>;
  scope: Scope;
  span: 'match' | 'clause' | 'sentence';
  message: string;
  note?: string;
  inQuotes: boolean;
  /** Whose words may be flagged, and whether negated or generic statements are (see schema.ts). */
  voice: 'writer' | 'unquoted' | 'any';
  negated: 'skip' | 'any' | 'require';
  generic: 'skip' | 'any';
  /** Whom it judges: the person (another party as the clause's subject is left alone), or anyone. */
  about?: 'person' | 'any';
  /** For each pattern that came from a meaning class: "class/sense" (for explanations). */
  origins: Map<Pattern, string>;
  ifSentence?: Pattern[];
  unlessSentence?: Pattern[];
  ifParagraph?: Pattern[];
  unlessParagraph?: Pattern[];
}

export interface CompiledAcronyms {
  meta: Meta;
  expansions: Map<string, { expansion: string; ifSentence?: Pattern[] }[]>;
  exceptions: Set<string>;
  flagUnknown: boolean;
  names: Set<string>;
  /** Lower case. */
  emphasis: Set<string>;
  /** Keyed by the shorthand in lower case. */
  shorthand: Map<string, string>;
  slashWords: Set<string>;
}

export interface CompiledScareQuotes {
  meta: Meta;
  maxWords: number;
  namingCues: Set<string>;
}

export interface CompiledRequired {
  meta: Omit<Meta, 'category'>;
  element: ElementName | FormElementName;
  question: string;
  excludeSections: Set<string>;
  /** Patterns by sense (a form check's single list is the sense `any`). */
  groups: Map<string, Pattern[]>;
  /** How many different senses or detectors must match. */
  minGroups: number;
  detectors: ('named-place' | 'date' | 'quoted-words' | 'age')[];
}

export interface CompiledFormCheck {
  meta: Meta;
  check: (typeof FORM_CHECKS)[number];
  question: string;
  /** The check's word lists from its rule file, each one whole-word, case-insensitive expression. */
  phrases: Map<string, RegExp>;
}

/** `L`: what the rules layer keeps of each loaded file (for listing the rules); the engine never reads it. */
export interface RuleSet<L = unknown> {
  terms: CompiledTerm[];
  triggers: Map<string, { term: CompiledTerm; pattern: Pattern }[]>;
  acronyms: CompiledAcronyms[];
  scareQuotes: CompiledScareQuotes[];
  required: CompiledRequired[];
  /** The form's checks written in code, with their wording (form set only). */
  formChecks: CompiledFormCheck[];
  /** Element patterns indexed by their trigger words, like `triggers`. */
  requiredTriggers: Map<string, { rule: CompiledRequired; group: string; pattern: Pattern }[]>;
  sections: Map<string, RegExp>;
  lexicon: Lexicon;
  loaded: L[];
  /** The rules that apply only when a draft is read as the online form (`set: form`), compiled alike. */
  form?: RuleSet<L>;
}
