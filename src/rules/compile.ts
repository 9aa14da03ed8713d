/** Turns validated rule data into matchers: compiled patterns and a trigger index over their words. */
import { compilePattern, PatternError, type Lexicon, type Pattern } from '../engine/pattern.js';
import type { Category, Severity } from '../engine/types.js';
import type { CompiledRequired, CompiledTerm, RuleSet as EngineRuleSet } from '../engine/rule-set.js';
import { RuleLoadError, type RuleProblem } from './errors.js';
import type { LoadedRule, RuleData } from './load.js';
import { pluralOf, verbForms } from '../engine/inflect.js';
import type { Term } from './schema.js';

export type { CompiledAcronyms, CompiledFormCheck, CompiledRequired, CompiledScareQuotes, CompiledTerm } from '../engine/rule-set.js';

/** The rule set with what was loaded of each file. */
export type RuleSet = EngineRuleSet<LoadedRule>;

export interface RuleOverrides {
  disable?: string[];
  severity?: Record<string, Severity>;
}

export function compileRules(data: RuleData, overrides: RuleOverrides = {}, which: 'core' | 'form' = 'core'): RuleSet {
  const lexicon: Lexicon = new Map(Object.entries(data.lexicon).map(([k, v]) => [k, new Set(v.map((w) => w.toLowerCase().replace(/’/g, "'")))]));
  const problems: RuleProblem[] = [];
  const disabled = new Set(overrides.disable ?? []);
  const set: RuleSet = {
    terms: [],
    triggers: new Map(),
    acronyms: [],
    scareQuotes: [],
    required: [],
    formChecks: [],
    requiredTriggers: new Map(),
    sections: new Map(Object.entries(data.sections).map(([k, words]) => [k, new RegExp(`\\b(?:${words.map(escapeRe).join('|')})\\b`, 'i')])),
    lexicon,
    loaded: data.rules,
  };
  if (which === 'core' && data.rules.some((lr) => lr.rule.set === 'form')) set.form = compileRules(data, overrides, 'form');
  for (const lr of data.rules) {
    const r = lr.rule;
    if (!r.enabled || disabled.has(lr.id) || r.set !== which) continue;
    const src = data.sources[r.source.id]!;
    const meta = {
      id: lr.id,
      file: lr.file,
      category: r.kind === 'required' || r.kind === 'form-check' ? ('jargon' as Category) : r.category,
      severity: overrides.severity?.[lr.id] ?? r.severity,
      scope: r.applies_to,
      message: r.message,
      rationale: r.rationale.trim(),
      source: { id: r.source.id, title: src.title, locator: r.source.locator },
    };
    const pat = (list: string[] | undefined, field: string): Pattern[] | undefined => {
      if (!list) return undefined;
      const out: Pattern[] = [];
      list.forEach((s, i) => {
        try {
          out.push(compilePattern(s, lexicon));
        } catch (e) {
          if (!(e instanceof PatternError)) throw e;
          problems.push({ file: lr.file, field: `${field}[${i}]`, message: e.message });
        }
      });
      return out;
    };
    if (r.kind === 'terms') {
      r.terms.forEach((t: Term, i) => {
        const patterns = t.match === undefined ? [] : (pat(typeof t.match === 'string' ? [t.match] : t.match, `terms[${i}].match`) ?? []);
        const origins = new Map<Pattern, string>();
        const norm = (x: Term['suggest']) => (Array.isArray(x) ? { any: x } : { any: x?.any ?? [], child: x?.child, adult: x?.adult });
        const patternSuggest = new Map<Pattern, ReturnType<typeof norm>>();
        for (const name of [t.class ?? []].flat()) {
          const mc = data.classes[name];
          if (!mc) continue;
          for (const [sense, list] of Object.entries(mc.senses)) {
            if (t.senses && !t.senses.includes(sense)) continue;
            const sources = list.map((e) => (typeof e === 'string' ? e : e.match));
            const compiled = pat(sources, `classes/${name}.yml senses.${sense}`) ?? [];
            compiled.forEach((p) => {
              patterns.push(p);
              origins.set(p, `${name}/${sense}`);
              const entry = list[sources.indexOf(p.source)];
              if (entry && typeof entry !== 'string') patternSuggest.set(p, norm(entry.suggest));
            });
          }
        }
        const suggest = norm(t.suggest);
        // Inflect every {template} now, so linting (and a cached start) never waits for the NLP library.
        const allSuggest = [suggest, ...patternSuggest.values()];
        for (const tpl of allSuggest.flatMap((x) => [...x.any, ...(x.child ?? []), ...(x.adult ?? [])])) {
          for (const m of tpl.matchAll(/\{([^{}]+)\}/g)) {
            verbForms(m[1]!);
            pluralOf(m[1]!);
          }
        }
        const term: CompiledTerm = {
          meta,
          patterns,
          suggest,
          patternSuggest,
          forms: t.forms,
          scope: t.applies_to ?? r.applies_to,
          span: t.span ?? 'match',
          message: t.message ?? r.message,
          note: t.note,
          inQuotes: t.in_quotes ?? false,
          voice: t.in_quotes ? 'any' : (t.voice ?? 'unquoted'),
          // shorthand is shorthand whatever the sentence says; judgements and labels are read in context
          negated: t.negated ?? (r.category === 'jargon' ? 'any' : 'skip'),
          generic: t.generic ?? (r.category === 'jargon' ? 'any' : 'skip'),
          about: t.about ?? r.about ?? (t.voice === 'writer' ? 'person' : 'any'),
          origins,
          ifSentence: pat(t.if_sentence, `terms[${i}].if_sentence`),
          unlessSentence: pat(t.unless_sentence, `terms[${i}].unless_sentence`),
          ifParagraph: pat(t.if_paragraph, `terms[${i}].if_paragraph`),
          unlessParagraph: pat(t.unless_paragraph, `terms[${i}].unless_paragraph`),
        };
        set.terms.push(term);
        for (const p of patterns) {
          for (const w of p.triggers) {
            const list = set.triggers.get(w) ?? [];
            list.push({ term, pattern: p });
            set.triggers.set(w, list);
          }
        }
      });
    } else if (r.kind === 'acronyms') {
      const expansions = new Map<string, { expansion: string; ifSentence?: Pattern[] }[]>();
      for (const [k, v] of Object.entries(r.expansions)) {
        const list = typeof v === 'string' ? [{ expansion: v }] : v.map((x, i) => ({ expansion: x.expansion, ifSentence: pat(x.if_sentence, `expansions.${k}[${i}].if_sentence`) }));
        expansions.set(k, list);
      }
      set.acronyms.push({
        meta,
        expansions,
        exceptions: new Set(r.exceptions),
        flagUnknown: r.flag_unknown,
        names: new Set(r.names),
        emphasis: new Set(r.emphasis.map((w) => w.toLowerCase())),
        shorthand: new Map(Object.entries(r.shorthand).map(([k, v]) => [k.toLowerCase(), v])),
        slashWords: new Set(r.slash_words.map((w) => w.toLowerCase())),
      });
    } else if (r.kind === 'scare-quotes') {
      set.scareQuotes.push({ meta, maxWords: r.max_words, namingCues: new Set(r.naming_cues.map((w) => w.toLowerCase())) });
    } else if (r.kind === 'form-check') {
      const phrases = new Map<string, RegExp>();
      for (const [name, list] of Object.entries(r.phrases)) {
        try {
          phrases.set(name, new RegExp(`\\b(?:${list.join('|')})\\b`, 'i'));
        } catch (e) {
          problems.push({ file: lr.file, field: `phrases.${name}`, message: `not a regular expression: ${(e as Error).message}` });
        }
      }
      set.formChecks.push({ meta, check: r.check, question: r.question, phrases });
    } else {
      const groups = new Map<string, Pattern[]>();
      if (r.any) groups.set('any', pat(r.any, 'any') ?? []);
      for (const [g, list] of Object.entries(r.senses ?? {})) groups.set(g, pat(list, `senses.${g}`) ?? []);
      for (const s of r.exclude_sections) {
        if (!data.sections[s]) problems.push({ file: lr.file, field: 'exclude_sections', message: `unknown section kind "${s}" (see sections.yml)` });
      }
      const req: CompiledRequired = {
        meta,
        element: r.element,
        question: r.question,
        excludeSections: new Set(r.exclude_sections),
        groups,
        minGroups: r.min_senses ?? 1,
        detectors: r.detectors ?? [],
      };
      set.required.push(req);
      for (const [group, patterns] of groups) {
        for (const pattern of patterns) {
          for (const w of pattern.triggers) {
            const list = set.requiredTriggers.get(w) ?? [];
            list.push({ rule: req, group, pattern });
            set.requiredTriggers.set(w, list);
          }
        }
      }
    }
  }
  if (problems.length) throw new RuleLoadError(problems);
  return set;
}

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
