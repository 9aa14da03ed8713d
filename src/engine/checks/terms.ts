/** Term rules: trigger words looked up per token, patterns matched around them, context conditions applied. */
import type { CompiledTerm, RuleSet } from '../../rules/compile.js';
import type { BlockInfo } from '../analyze.js';
import { tagSentence } from '../nlp.js';
import { matchAt, type MatchContext, type Pattern } from '../pattern.js';
import { insideAny } from '../quotes.js';
import { finishSuggestions, renderTemplate, resolveForm, subjectWordBefore } from '../suggest.js';
import type { Sentence } from '../tokenize.js';
import { fill } from '../messages.js';
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

function conditionsHold(t: CompiledTerm, ctx: MatchContext, para: () => MatchContext[]): boolean {
  if (t.ifSentence && !sentenceHas(t.ifSentence, ctx)) return false;
  if (t.unlessSentence && sentenceHas(t.unlessSentence, ctx)) return false;
  if (t.ifParagraph && !para().some((c) => sentenceHas(t.ifParagraph!, c))) return false;
  if (t.unlessParagraph && para().some((c) => sentenceHas(t.unlessParagraph!, c))) return false;
  return true;
}

/** All term findings in one block. `text` is the whole document text. */
export function checkTerms(set: RuleSet, info: BlockInfo, text: string, subject: Subject): Finding[] {
  const out: Finding[] = [];
  const offset = info.block.start;
  const blockText = info.text;
  let paraCtx: MatchContext[] | undefined;
  const para = () => (paraCtx ??= info.sentences.map((s) => contextFor(blockText, s, offset)));
  info.sentences.forEach((s, si) => {
    let ctx: MatchContext | undefined;
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
        if (!term.inQuotes && insideAny(info.quotes, start, end)) continue;
        if (!conditionsHold(term, ctx, para)) continue;
        const form = resolveForm(m.headForms, s.tokens, m.headToken);
        const subjectWord = m.headToken >= 0 ? subjectWordBefore(s.tokens, m.headToken) : undefined;
        const list = (form && term.forms?.[form]) ?? (subject.isChild ? term.suggest.child : term.suggest.adult) ?? term.suggest.any;
        let suggestions = list.map((tpl) => renderTemplate(tpl, form, subjectWord));
        if (term.span === 'sentence') {
          start = s.start;
          end = s.end;
          suggestions = [''];
        } else {
          const fin = finishSuggestions(text, start, end, suggestions, s.tokens, m.from);
          start = fin.start;
          suggestions = fin.suggestions;
        }
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
