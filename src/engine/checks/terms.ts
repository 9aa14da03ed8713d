/** Term rules: trigger words looked up per token, patterns matched around them, context conditions applied. */
import type { CompiledTerm, RuleSet } from '../rule-set.js';
import type { BlockInfo } from '../analyze.js';
import { tagSentence } from '../nlp.js';
import { matchAt, type MatchContext, type Pattern } from '../pattern.js';
import { findQuotes, insideAny } from '../quotes.js';
import { negatedAt, readSentence, roleOfWords, type SentenceReading } from '../reading.js';
import { finishSuggestions, renderTemplate, resolveForm, subjectWordBefore } from '../suggest.js';
import { splitSentences, tokenize, type Sentence, type Token } from '../tokenize.js';
import { fill } from '../messages.js';
import { fluencyProblems } from '../fluency.js';
import { inCapitalName } from './acronyms.js';
import type { Finding, Subject } from '../types.js';

export function applies(scope: 'any' | 'child' | 'adult', subject: Subject): boolean {
  return scope === 'any' || (scope === 'child') === subject.isChild;
}

export function contextFor(text: string, s: Sentence, offset: number): MatchContext {
  let tags: ReadonlySet<string>[] | undefined;
  return {
    tokens: s.tokens,
    tags: (i) => {
      if (!tags) {
        const rel = s.start - offset;
        const terms = tagSentence(text.slice(rel, s.end - offset));
        tags = s.tokens.map((t) => {
          const a = t.start - s.start;
          const term = terms.find((x) => x.start <= a && a < x.end);
          return term ? term.tags : new Set<string>();
        });
      }
      return tags[i] ?? new Set<string>();
    },
  };
}

/** Whether any of the patterns matches anywhere in the sentence. */
export function sentenceHas(patterns: readonly Pattern[], ctx: MatchContext): boolean {
  for (const p of patterns) {
    const trig = p.triggerSet;
    for (let i = 0; i < ctx.tokens.length; i++) {
      if (trig.has(ctx.tokens[i]!.norm) && matchAt(p, ctx, i)) return true;
    }
  }
  return false;
}

function conditionsHold(t: CompiledTerm, ctx: MatchContext, paraHas: (patterns: readonly Pattern[]) => boolean): boolean {
  if (t.ifSentence && !sentenceHas(t.ifSentence, ctx)) return false;
  if (t.unlessSentence && sentenceHas(t.unlessSentence, ctx)) return false;
  if (t.ifParagraph && !paraHas(t.ifParagraph)) return false;
  if (t.unlessParagraph && paraHas(t.unlessParagraph)) return false;
  return true;
}

/**
 * Whether a subject read as another party names them at its head: "His uncle", "The boss", not "His account
 * of the bank card" or "Tia's presentation at school" (the person's; the bank and the school are only in a
 * phrase after it) or "the police interview he".
 */
function otherAtHead(subject: string): boolean {
  if (/\b(?:he|she|him)\b/i.test(subject)) return false;
  const head = subject.split(/\s+(?:of|at|in|on|from|with|for|to|by|about)\s+/i)[0]!.split(/\s+/).map((w) => ({ text: w, norm: w.toLowerCase(), start: 0, end: 0, isWord: true }) as Token);
  return roleOfWords(head) === 'other';
}

/**
 * Why the sentence's reading keeps the term from flagging words starting at token `from` (a reason a rule
 * author can read), or undefined when it may flag them.
 */
export function readingBlocks(term: Pick<CompiledTerm, 'voice' | 'negated' | 'generic' | 'about'>, r: SentenceReading, from: number, to = from + 1): string | undefined {
  const v = r.voice[from]!;
  // "The boss made good money", "The men forced her to do escort work": the writer's clause is about another
  // party. (In words reported from someone, "Neighbours say that Elira is ...", the reporter is not the subject.)
  // ("Officers should treat her account with caution" is the writer's advice, not a telling of what officers did.)
  const clause = r.clauses[r.clauseOf[from]!];
  const subject = clause?.subject;
  if (term.about === 'person' && v === 'writer' && subject?.role === 'other' && !clause?.directive && otherAtHead(subject.text) && (to <= subject.from || from >= subject.to)) return `about another party ("${subject.text}"), not the person`;
  // "The recruiter's story to her family": the words are another party's, whoever the clause is about
  if (term.about === 'person' && r.owner[from] === 'other') return 'owned by another party (a possessive before it), not the person';
  if (v === 'mention' && term.voice !== 'any') return 'named as language (a mention), not used';
  if (term.generic === 'skip' && (v === 'generic' || r.clauses[r.clauseOf[from]!]!.generic)) return 'a generic statement or an instruction, not about the person';
  if (term.voice === 'writer' && v !== 'writer' && v !== 'generic') return `${v === 'person' ? "the person's" : "another party's"} reported words, not the writer's`;
  if (term.negated === 'skip' && negatedAt(r, from)) return 'negated in its clause';
  if (term.negated === 'require' && !negatedAt(r, from)) return 'the rule asks for a negated use, and this is not negated';
  return undefined;
}

/** Whether the sentence's reading lets the term flag words starting at token `from`. */
export function readingAllows(term: Pick<CompiledTerm, 'voice' | 'negated' | 'generic' | 'about'>, r: SentenceReading, from: number, to?: number): boolean {
  return readingBlocks(term, r, from, to) === undefined;
}

/**
 * `$1`, `$2` ... in a template: the words of the match, by position ("$2 says" → "Maisie says"); `$he`: the
 * pronoun the draft uses for the person around the match (he, she or they), for clause rewrites such as
 * "claims to be 16" → "says he is 16".
 */
function withWords(tpl: string, s: Sentence, from: number, to: number, blockText: string): string {
  if (!tpl.includes('$')) return tpl;
  const he = () => personPronoun(blockText, s.tokens, from, to);
  return tpl
    .replace(/\$he\b/g, he)
    .replace(/\$his\b/g, () => ({ he: 'his', she: 'her', they: 'their' })[he()]!)
    .replace(/\$(\d)/g, (_, d: string) => s.tokens[Math.min(to - 1, from + Number(d) - 1)]?.text ?? '')
    // "they" takes the plural verb the template wrote for "he" or "she"
    .replace(/\bthey (says|is|has|was|does)\b/g, (_, v: string) => `they ${({ says: 'say', is: 'are', has: 'have', was: 'were', does: 'do' } as Record<string, string>)[v]}`);
}

/**
 * The pronoun for the person: from a possessive in the match ("if his account holds up" → he), else the
 * clause's own subject just before it ("He claims to be 16" → he), else the subject pronoun nearest after the
 * match in the block (else before it); "they" when there is none.
 */
function personPronoun(text: string, tokens: readonly Token[], from: number, to: number): 'he' | 'she' | 'they' {
  for (const t of tokens.slice(from, to)) {
    if (t.norm === 'his' || t.norm === 'him') return 'he';
    if (t.norm === 'her') return 'she';
    if (t.norm === 'their' || t.norm === 'them') return 'they';
  }
  for (let k = from - 1; k >= Math.max(0, from - 4) && tokens[k]!.isWord; k--) {
    if (/^(?:he|she|they)$/.test(tokens[k]!.norm)) return tokens[k]!.norm as 'he' | 'she' | 'they';
  }
  const at = tokens[from]!.start;
  const after = /\b(he|she|they)\b/i.exec(text.slice(at));
  if (after) return after[1]!.toLowerCase() as 'he' | 'she' | 'they';
  const before = [...text.slice(0, at).matchAll(/\b(he|she|they)\b/gi)].pop();
  return before ? (before[1]!.toLowerCase() as 'he' | 'she' | 'they') : 'they';
}

/**
 * The suggestions ranked by how well they fit the sentence, the rule's order breaking ties. Each is applied to
 * the sentence and read again: one that leaves a problem the sentence did not have ("an house", "been being",
 * "they says", a doubled word, a dangling preposition) fits worse, and one whose own words would be flagged
 * again (a label swapped for another label) fits worst. Those that do not fit are dropped when one that does
 * exists; when none fits they are kept, best first, so the finding still says what is wrong.
 */
function rankByFit(set: RuleSet, subject: Subject, text: string, s: Sentence, start: number, end: number, suggestions: string[]): string[] {
  if (suggestions.length === 0 || (suggestions.length === 1 && suggestions[0] === '')) return suggestions;
  const sentence = text.slice(s.start, s.end);
  const before = new Set(fluencyProblems(sentence).map((p) => p.excerpt));
  const misfit = suggestions.map((sug) => {
    // (applying tidies the spaces a deletion leaves, as applySuggestions does)
    const after = (text.slice(s.start, start) + sug + text.slice(end, s.end)).replace(/ {2,}/g, ' ').replace(/ ([,.;:!?])/g, '$1');
    const problems = fluencyProblems(after).filter((p) => !before.has(p.excerpt)).length;
    return problems + (flaggedAgain(set, subject, after, start - s.start, sug) ? 10 : 0);
  });
  const order = suggestions.map((sug, k) => ({ sug, k, bad: misfit[k]! })).sort((x, y) => x.bad - y.bad || x.k - y.k);
  const fits = order.filter((x) => x.bad === 0);
  return (fits.length ? fits : order).map((x) => x.sug);
}

let rereading = false;
/** Whether the words a suggestion puts in at `at` of `sentence` would themselves be flagged. */
function flaggedAgain(set: RuleSet, subject: Subject, sentence: string, at: number, sug: string): boolean {
  // only a suggestion holding a trigger word can be flagged; a rewrite is read once, not its rewrites
  if (rereading || !tokenize(sug).some((t) => set.triggers.has(t.norm))) return false;
  rereading = true;
  try {
    const s = splitSentences(tokenize(sentence))[0];
    return !!s && sentenceFindings(set, sentence, s, subject).some((f) => f.start < at + sug.length && at < f.end);
  } finally {
    rereading = false;
  }
}

/**
 * The clause a match sits in, as a deletable span: a bracketed aside with its brackets, or a clause set off by
 * commas with its leading comma (", or so he claims", ", such as it is,").
 */
function clauseSpan(text: string, s: Sentence, from: number, to: number): [number, number] {
  const t = s.tokens;
  // inside brackets: the whole bracketed aside
  let a = from;
  while (a > 0 && t[a - 1]!.text !== '(' && t[a - 1]!.text !== ',' && t[a - 1]!.text !== ';' && t[a - 1]!.text !== '—') a--;
  let b = to;
  while (b < t.length && t[b]!.text !== ')' && t[b]!.text !== ',' && t[b]!.text !== ';' && t[b]!.text !== '—' && !/^[.!?]$/.test(t[b]!.text)) b++;
  if (a > 0 && t[a - 1]!.text === '(' && t[b]?.text === ')') return [t[a - 1]!.start, t[b]!.end];
  // a clause set off by commas: take both ("Her account, such as it is, is ..." → "Her account is ...")
  if (a > 0 && t[a - 1]!.text !== '(') return [t[a - 1]!.start, t[b]?.text === ',' ? t[b]!.end : t[b - 1]!.end];
  // at the start of the sentence: take the comma after it
  if (t[b]?.text === ',') return [t[a]!.start, t[b]!.end + (text[t[b]!.end] === ' ' ? 1 : 0)];
  return [t[a]!.start, t[b - 1]!.end];
}

/**
 * Where a sentence is two joined by ", and", ", but", ", yet" or ";", each with its own subject and verb ("She
 * is getting in deeper with the lad, and she is quite happy to go along with it"), and the words at `from`
 * are in the last: the span from the joining comma to the end of the sentence, its full stop left, so
 * deleting it leaves the first whole. Null otherwise (the whole sentence is the span).
 */
function trailingCoordinate(r: SentenceReading, s: Sentence, from: number): [number, number] | null {
  const t = s.tokens;
  const k = r.clauseOf[from]!;
  // the clause the words are in, and any after it, up to the end: none may start another joined sentence
  for (let j = k; j >= 1; j--) {
    const c = r.clauses[j]!;
    let first = c.from;
    const comma = t[first]?.text === ',' || t[first]?.text === ';' ? first : first - 1;
    if (t[first]?.text === ',' || t[first]?.text === ';') first++;
    const joined = t[comma]?.text === ';' || (t[comma]?.text === ',' && /^(?:and|but|yet)$/.test(t[first]?.norm ?? ''));
    if (!joined) continue;
    // its own subject and verb, and a subject and verb before it: two sentences, not a list or a phrase
    const head = r.clauses[j]!.subject ? r.clauses[j]! : r.clauses[j + 1] && r.clauses[j + 1]!.from <= from ? r.clauses[j + 1]! : undefined;
    if (!head?.subject || !head.verb || !r.clauses.slice(0, j).some((x) => x.subject && x.verb && x.subject.role !== 'none')) return null;
    if (r.clauses.slice(j + 1).some((x) => (t[x.from]?.text === ',' && /^(?:and|but|yet)$/.test(t[x.from + 1]?.norm ?? '') && x.subject) || t[x.from]?.text === ';')) return null;
    let last = t.length - 1;
    while (last > comma && /^[.!?]$/.test(t[last]!.text)) last--;
    return last > comma ? [t[comma]!.start, t[last]!.end] : null;
  }
  return null;
}

/** All term findings in one block (the first `stopAfter` and one more, at most). `text` is the whole document text. */
export function checkTerms(set: RuleSet, info: BlockInfo, text: string, subject: Subject, stopAfter = Infinity): Finding[] {
  const out: Finding[] = [];
  const offset = info.block.start;
  const blockText = info.text;
  let paraCtx: MatchContext[] | undefined;
  const para = () => (paraCtx ??= info.sentences.map((s) => contextFor(blockText, s, offset)));
  // a paragraph condition is answered once per block, not again for every candidate (a long paragraph of
  // candidates would be quadratic)
  const paraAnswers = new Map<readonly Pattern[], boolean>();
  const paraHas = (patterns: readonly Pattern[]) => {
    let has = paraAnswers.get(patterns);
    if (has === undefined) paraAnswers.set(patterns, (has = para().some((c) => sentenceHas(patterns, c))));
    return has;
  };
  info.sentences.forEach((s, si) => {
    if (out.length > stopAfter) return;
    let ctx: MatchContext | undefined;
    let reading: SentenceReading | undefined;
    for (let i = 0; i < s.tokens.length; i++) {
      const cands = set.triggers.get(s.tokens[i]!.norm);
      if (!cands) continue;
      for (const { term, pattern } of cands) {
        if (!applies(term.scope, subject)) continue;
        ctx ??= paraCtx ? paraCtx[si]! : contextFor(blockText, s, offset);
        const m = matchAt(pattern, ctx, i);
        if (!m) continue;
        let start = s.tokens[m.from]!.start;
        let end = s.tokens[m.to - 1]!.end;
        if (term.voice !== 'any' && insideAny(info.quotes, start, end)) continue;
        // a name written in capitals ("STREETWISE NORTH", a charity) uses the word, it does not label anyone
        if (s.tokens.slice(m.from, m.to).every((t, k) => !t.isWord || inCapitalName(s.tokens, m.from + k))) continue;
        if (!readingAllows(term, (reading ??= readSentence(s, blockText, info.quotes)), m.from, m.to)) continue;
        if (!conditionsHold(term, ctx, paraHas)) continue;
        const form = resolveForm(m.headForms, s.tokens, m.headToken);
        const subjectWord = m.headToken >= 0 ? subjectWordBefore(s.tokens, m.headToken) : undefined;
        const sug = term.patternSuggest.get(pattern) ?? term.suggest;
        const list = (form && term.forms?.[form]) ?? (subject.isChild ? sug.child : sug.adult) ?? sug.any;
        let suggestions = list.map((tpl) => renderTemplate(withWords(tpl, s, m.from, m.to, blockText), form, subjectWord));
        // an entry with its own rewrite replaces just its words, whatever the term's span
        const span = term.patternSuggest.has(pattern) ? 'match' : term.span;
        if (span === 'sentence') {
          // the last of two sentences joined by ", and" or ", but" goes alone, leaving the first whole
          const own = trailingCoordinate(reading, s, m.from);
          start = own ? own[0] : s.start;
          end = own ? own[1] : s.end;
          suggestions = [''];
        } else if (span === 'clause') {
          [start, end] = clauseSpan(blockText, s, m.from, m.to);
          suggestions = suggestions.length ? suggestions : [''];
        } else {
          const fin = finishSuggestions(text, start, end, suggestions, s.tokens, m.from);
          start = fin.start;
          suggestions = fin.suggestions;
        }
        suggestions = rankByFit(set, subject, text, s, start, end, suggestions);
        const excerpt = text.slice(start, end);
        out.push({
          rule: term.meta.id,
          category: term.meta.category,
          severity: term.meta.severity,
          start,
          end,
          excerpt,
          message: fill(term.message, excerpt, suggestions[0]),
          suggestions,
          rationale: term.meta.rationale,
          source: term.meta.source,
          ...(term.note ? { note: term.note } : {}),
        });
      }
    }
  });
  return out;
}

/** The term findings of one sentence of `text`, read as one block (for explanations). */
export function sentenceFindings(set: RuleSet, text: string, s: Sentence, subject: Subject): Finding[] {
  const local = { sentences: splitSentences(tokenize(text)), quotes: findQuotes(text) };
  const info: BlockInfo = { block: { kind: 'paragraph', start: 0, end: text.length }, text, ...local, sections: new Set(), local };
  return checkTerms(set, info, text, subject).filter((f) => f.start < s.end && s.start < f.end);
}
