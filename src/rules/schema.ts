/**
 * The rule-file format: the single definition, validated at load. One YAML file per rule or term group;
 * the id is the path under rules/ without the extension (rules/disbelief/claims.yml → disbelief/claims).
 */
import { z } from 'zod';
import { CATEGORIES, ELEMENTS, FORM_ELEMENTS, SEVERITIES } from '../engine/types.js';
import { FORM_CHECKS } from '../engine/rule-set.js';

/** `core`: the check every draft gets; `form`: only when the draft is read as the online form. */
const RuleSetName = z.enum(['core', 'form']).default('core');

const Scope = z.enum(['any', 'child', 'adult']);
const Patterns = z.array(z.string().min(1)).min(1);

const Message = z
  .string()
  .min(1)
  .refine((m) => /^[\p{Lu}'‘“"{]/u.test(m), 'must start with a capital letter or a quote')
  .refine((m) => /[.?]$/.test(m.trim()), 'must end with a full stop or a question mark');

export const SourceRef = z.object({ id: z.string().min(1), locator: z.string().optional() }).strict();

const Example = z.union([
  z.string().min(1),
  z
    .object({
      text: z.string().min(1),
      subject: z.enum(['child', 'adult']).optional(),
      output: z.string().optional(),
    })
    .strict(),
]);
export type Example = z.infer<typeof Example>;

const Examples = z.object({ incorrect: z.array(Example).min(1), correct: z.array(Example).min(1) }).strict();

const Suggest = z.union([
  z.array(z.string()),
  z
    .object({ any: z.array(z.string()).optional(), child: z.array(z.string()).optional(), adult: z.array(z.string()).optional() })
    .strict(),
]);

/**
 * How a term reads the sentence (the sentence layer, src/engine/reading.ts):
 * - `voice`: whose words may be flagged: `writer`, the writer's own narrative only (not quoted, not reported
 *   after "she said that ..."); `unquoted`, anything outside quotation marks (labels the writer chose even when
 *   reporting); `any`.
 * - `negated`: `skip` (default) leaves a match alone when its clause negates it before it ("did not choose");
 *   `require` flags only negated uses ("would not put much weight on"); `any` both;
 * - `generic`: `skip` (default) leaves statements about people in general alone ("Children cannot consent ...").
 */
const Voice = z.enum(['writer', 'unquoted', 'any']);

const Term = z
  .object({
    match: z.union([z.string().min(1), Patterns]).optional(),
    /** Meaning classes (rules/classes/<name>.yml) whose expressions this term matches, with or beside `match`. */
    class: z.union([z.string().min(1), z.array(z.string().min(1)).min(1)]).optional(),
    /** Only these senses of the classes (default: all). */
    senses: z.array(z.string().min(1)).min(1).optional(),
    voice: Voice.optional(),
    negated: z.enum(['skip', 'any', 'require']).optional(),
    generic: z.enum(['skip', 'any']).optional(),
    /** Whom it judges (see the rule's `about`); a term's own setting wins. */
    about: z.enum(['person', 'any']).optional(),
    suggest: Suggest.optional(),
    /** Suggestions for one form of the head word, where re-inflection would read wrongly. */
    forms: z.partialRecord(z.enum(['inf', 'pres3', 'past', 'part', 'ger', 'sing', 'plural']), z.array(z.string())).optional(),
    note: z.string().optional(),
    message: Message.optional(),
    applies_to: Scope.optional(),
    /** The span reported: the match, its clause (with its commas or brackets), or the whole sentence. */
    span: z.enum(['match', 'clause', 'sentence']).optional(),
    if_sentence: Patterns.optional(),
    unless_sentence: Patterns.optional(),
    if_paragraph: Patterns.optional(),
    unless_paragraph: Patterns.optional(),
    in_quotes: z.boolean().optional(),
  })
  .strict()
  .refine((t) => t.match !== undefined || t.class !== undefined, 'needs `match` or `class`');
export type Term = z.infer<typeof Term>;

const Common = {
  category: z.enum(CATEGORIES),
  severity: z.enum(SEVERITIES),
  applies_to: Scope.default('any'),
  message: Message,
  rationale: z.string().min(20),
  source: SourceRef,
  enabled: z.boolean().default(true),
  description: z.string().optional(),
  set: RuleSetName,
};

const Expansion = z.union([
  z.string().min(2),
  z.array(z.object({ expansion: z.string().min(2), if_sentence: Patterns.optional() }).strict()).min(1),
]);

/** The fields of a rule that asks the writer a question (a missing element, a form check). */
const Asked = {
  severity: z.enum(SEVERITIES),
  applies_to: Scope.default('any'),
  message: Message,
  question: Message,
  rationale: z.string().min(20),
  source: SourceRef,
  enabled: z.boolean().default(true),
  description: z.string().optional(),
};

const FormCheckExample = z.union([z.string().min(1), z.object({ text: z.string().min(1), subject: z.enum(['child', 'adult']).optional(), repeat: z.number().int().min(2).max(10_000).optional() }).strict()]);
export type FormCheckExample = z.infer<typeof FormCheckExample>;

export const RuleFile = z.discriminatedUnion('kind', [
  z
    .object({
      kind: z.literal('form-check'),
      set: z.literal('form').default('form'),
      /** The check in code this file words; `{detail}` in the message is what it found. */
      check: z.enum(FORM_CHECKS),
      /**
       * The words the check looks for, by name (regular expressions, case-insensitive, matched as whole words):
       * a trainer tunes them here, not in code. Which names a check reads is listed in src/form/check.ts.
       */
      phrases: z.record(z.string().regex(/^[a-z][a-z-]*$/), z.array(z.string().min(1)).min(1)).default({}),
      ...Asked,
      examples: z.object({ incorrect: z.array(FormCheckExample).min(1), correct: z.array(FormCheckExample).min(1) }).strict(),
    })
    .strict(),
  z
    .object({
      kind: z.literal('terms'),
      ...Common,
      /**
       * Whom the terms judge: `person` leaves a match alone when its clause's subject is another party ("The
       * boss made good money", "The men forced her to do escort work"); `any` flags it whoever the subject
       * is, as a label does ("The gang used him as a mule"). Default: `person` for the writer's stances
       * (`voice: writer`), `any` otherwise.
       */
      about: z.enum(['person', 'any']).optional(),
      terms: z.array(Term).min(1),
      examples: Examples,
    })
    .strict(),
  z
    .object({
      kind: z.literal('acronyms'),
      ...Common,
      expansions: z.record(z.string().regex(/^[A-Za-z&]{2,8}s?$/, 'an acronym of 2-8 letters'), Expansion),
      exceptions: z.array(z.string()).default([]),
      flag_unknown: z.boolean().default(true),
      /** Organisations, companies and brands written in capitals (HSBC, KLM): names, not jargon. */
      names: z.array(z.string()).default([]),
      /** English words a writer may put in capitals for emphasis (NOT, AND, DO): never acronyms. */
      emphasis: z.array(z.string()).default([]),
      /** Slash shorthand ("s/g", "o/s") with expansions; any other letter/letter shorthand is flagged too. */
      shorthand: z.record(z.string().regex(/^[A-Za-z]{1,3}\/[A-Za-z]{1,4}$/), z.string().min(2)).default({}),
      /** Slash forms everyone reads ("and/or", "N/A", "km/h"). */
      slash_words: z.array(z.string()).default([]),
      examples: Examples,
    })
    .strict(),
  z
    .object({
      kind: z.literal('scare-quotes'),
      ...Common,
      max_words: z.number().int().min(1).max(5),
      naming_cues: z.array(z.string()).default([]),
      examples: Examples,
    })
    .strict(),
  z
    .object({
      kind: z.literal('required'),
      element: z.enum([...ELEMENTS, ...FORM_ELEMENTS]),
      set: RuleSetName,
      /** For an element of the form's own set: the id of the form question that asks for it (rules/form.yml). */
      form_question: z.string().regex(/^[a-z][a-z0-9-]*$/).optional(),
      ...Asked,
      exclude_sections: z.array(z.string()).default([]),
      /**
       * What the element means, in a sentence a trainer can test against: the senses below are its kinds of
       * wording, and behavioural cases (test/behaviour/elements.cases.yml) are written from this, not from them.
       */
      definition: z.string().min(40).optional(),
      /** The element's senses: named kinds of meaning, each a list of patterns. Present when any sense matches. */
      senses: z.record(z.string().regex(/^[a-z][a-z0-9-]*$/), Patterns).optional(),
      /** Present only when at least this many different senses (and detectors) match (indicators: two kinds). */
      min_senses: z.number().int().min(1).optional(),
      /** A form check's patterns: present when any matches (the form's own set; elements use `senses`). */
      any: Patterns.optional(),
      /** Built-in detectors implemented in code (named places, dates). */
      detectors: z.array(z.enum(['named-place', 'date', 'quoted-words', 'age'])).optional(),
      examples: z.object({ missing: z.array(Example).min(1), present: z.array(Example).min(1) }).strict(),
    })
    .strict()
    .refine((r) => r.any || r.senses || r.detectors, 'needs `senses`, `any` or `detectors`')
    .refine((r) => r.set === 'form' || (r.definition && !r.any), 'an element needs a `definition`, and names its patterns as `senses` (not `any`)')
    .refine((r) => (r.set === 'form') === (FORM_ELEMENTS as readonly string[]).includes(r.element), 'a form element needs `set: form`, and only a form element may have it')
    .refine((r) => (r.set === 'form') === Boolean(r.form_question), 'a form element needs `form_question` (the form question that asks for it), and only a form element may have it'),
]);
export type RuleFile = z.infer<typeof RuleFile>;

/**
 * rules/lexicon-grown.yml: word sets grown from lexical resources (WordNet, the hedges list) and reviewed by
 * hand. A set's words are its seeds and the accepted proposals; see src/rules/grow-lexicon.ts.
 */
export const GrownSet = z
  .object({
    /** `wordnet:<pos>:<lemma>` (synonyms of its two most frequent senses) or `hedges[:ly]` (the hedge list). */
    from: z.array(z.string().regex(/^(?:wordnet:(?:noun|verb|adj|adv):[a-z' -]+|hedges(?::ly)?)$/)).min(1),
    /** For verb sources: the form the set holds ("fabricated" for `part`). */
    form: z.enum(['base', 'part']).optional(),
    seeds: z.array(z.string().min(1)).min(1),
    accepted: z.array(z.string().min(1)).default([]),
    rejected: z.array(z.string().min(1)).default([]),
  })
  .strict();
export const GrownLexicon = z.record(z.string().regex(/^[a-z][a-z0-9-]*$/), GrownSet);

export const Lexicon = z.record(z.string().regex(/^[a-z][a-z0-9-]*$/), z.array(z.string().min(1)).min(1));

export const Sources = z.record(
  z.string(),
  z
    .object({ title: z.string().min(3), publisher: z.string().optional(), year: z.union([z.number(), z.string()]).optional(), where: z.string().optional() })
    .strict(),
);

export const Sections = z.record(z.string().regex(/^[a-z-]+$/), z.array(z.string().min(1)).min(1));

/**
 * A meaning class: a lexicon of expressions grouped by sense, each in the pattern language. Rules name a class
 * (`class: credibility-judgement`) instead of listing its strings; the class says what it means and where
 * the category comes from.
 */
export const MeaningClass = z
  .object({
    class: z.string().regex(/^[a-z][a-z0-9-]*$/),
    category: z.enum(CATEGORIES),
    definition: z.string().min(20),
    source: SourceRef,
    /**
     * Per sense, its expressions in the pattern language; an entry may carry its own rewrite
     * (`{ match, suggest }`) where the sense's general one would not fit ("laundering money" → "used to move money").
     */
    senses: z.record(z.string().regex(/^[a-z][a-z0-9-]*$/), z.array(z.union([z.string().min(1), z.object({ match: z.string().min(1), suggest: Suggest }).strict()])).min(1)),
  })
  .strict();
export type MeaningClass = z.infer<typeof MeaningClass>;
