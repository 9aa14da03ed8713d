/**
 * Splits a draft into the official form's sections and questions. A heading that names a section or question
 * (the prompt sheet's own titles, or the usual draft headings) sends what follows there; where there is no
 * such heading, each paragraph goes where its words point (the questions' cues). Every part carries a
 * confidence (0-1) the app shows: high under a matching heading, lower when placed by content alone.
 * Every character of the draft's text ends up in exactly one question (headings excepted), so nothing is lost.
 */
import type { Document } from '../document/model.js';
import { loadForm, type FormData, type FormQuestion, type FormSection } from './form.js';

export interface MappedQuestion {
  id: string;
  title: string;
  hint?: string;
  box: boolean;
  text: string;
  confidence: number;
}

export interface MappedSection {
  id: string;
  title: string;
  text: string;
  confidence: number;
  questions: MappedQuestion[];
}

export interface FormMapping {
  sections: MappedSection[];
  /** Headings (and question lines) recognised as parts of the form, in document order. */
  headings: { start: number; end: number; section: string; question?: string }[];
  /** Each non-heading block and where it went, in document order. */
  parts: { start: number; end: number; section: string; question: string; confidence: number; how: 'heading' | 'content' | 'default' }[];
}

export function normHeading(s: string): string {
  return s
    .toLowerCase()
    .replace(/[’‘]/g, "'")
    .replace(/^\s*(?:section\s+\d+\s*[-–—:.]?\s*)/, '')
    .replace(/[:,]?\s*continued\s*$/, '')
    .replace(/\((?:for )?[^)]*only\)/g, '')
    .replace(/['’]s\b/g, '')
    .replace(/[^a-z0-9 ]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

const wordRe = (phrase: string) => new RegExp(`(?:^|[^\\p{L}\\p{N}])${phrase.toLowerCase().replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/'/g, "['’]")}(?=$|[^\\p{L}\\p{N}])`, 'iu');

interface Compiled {
  form: FormData;
  sections: { s: FormSection; title: string; aliases: { text: string; re: RegExp }[] }[];
  questions: { q: FormQuestion; s: FormSection; title: string; headings: string[]; cues: { re: RegExp; weight: number }[] }[];
}

let compiled: Compiled | undefined;
function compile(form: FormData): Compiled {
  if (compiled?.form === form) return compiled;
  compiled = {
    form,
    sections: form.sections.map((s) => ({ s, title: normHeading(s.title), aliases: s.headings.map((h) => ({ text: normHeading(h), re: wordRe(normHeading(h)) })) })),
    questions: form.sections.flatMap((s) => s.questions.map((q) => ({ q, s, title: normHeading(q.title), headings: q.headings.map(normHeading), cues: q.cues.map((c) => ({ re: wordRe(c), weight: c.split(/\s+/).length })) }))),
  };
  return compiled;
}

interface Target {
  section: FormSection;
  question?: FormQuestion;
  confidence: number;
}

/** The section (or question) a heading names, if any. */
export function matchHeading(text: string, form: FormData = loadForm(), opts: { exact?: boolean } = {}): Target | null {
  const c = compile(form);
  const h = normHeading(text);
  if (!h || h.split(' ').length > 12) return null;
  // "Label: value" is content (its label places it), not a heading for what follows.
  if (/:\s*\S/.test(text.replace(/:\s*continued\s*$/i, ''))) return null;
  for (const x of c.sections) if (x.title === h) return { section: x.s, confidence: 0.95 };
  for (const x of c.questions) if (x.title === h) return { section: x.s, question: x.q, confidence: 0.95 };
  for (const x of c.questions) if (x.headings.includes(h)) return { section: x.s, question: x.q, confidence: 0.9 };
  let best: { target: Target; len: number } | null = null;
  for (const x of c.sections) {
    for (const a of x.aliases) {
      if (a.text === h || (!opts.exact && a.re.test(h))) {
        const len = a.text.length + (a.text === h ? 100 : 0);
        if (!best || len > best.len) best = { target: { section: x.s, confidence: a.text === h ? 0.9 : 0.8 }, len };
      }
    }
  }
  return best?.target ?? null;
}

function scoreQuestions(text: string, within: readonly Compiled['questions'][number][], isChild: boolean | null): { q: Compiled['questions'][number]; score: number }[] {
  const t = text.toLowerCase();
  return within
    .filter((x) => x.q.applies_to === 'any' || isChild === null || (x.q.applies_to === 'child') === isChild)
    .map((x) => ({ q: x, score: x.cues.reduce((n, c) => n + (c.re.test(t) ? c.weight : 0), 0) }))
    .sort((a, b) => b.score - a.score);
}

/** A `Label: value` line: the label decides, as a heading would. */
function labelOf(text: string): string | null {
  const m = /^([A-Z][\p{L} '’()/-]{1,40}):\s*\S/u.exec(text);
  return m ? m[1]! : null;
}

export function mapToForm(doc: Document, opts: { isChild?: boolean | null; form?: FormData } = {}): FormMapping {
  const form = opts.form ?? loadForm();
  const c = compile(form);
  const isChild = opts.isChild ?? null;
  const texts = new Map<string, string[]>();
  const conf = new Map<string, { sum: number; len: number }>();
  const parts: FormMapping['parts'] = [];
  const headings: FormMapping['headings'] = [];
  let context: Target | null = null;
  const defaultQ = (s: FormSection) => s.questions.find((q) => q.box) ?? s.questions[0]!;
  const what = c.questions.find((x) => x.q.id === 'what-happened') ?? c.questions[0]!;

  for (const b of doc.blocks) {
    const text = doc.text.slice(b.start, b.end);
    if (!text.trim()) continue;
    // A short line on its own (no full stop) may be a heading or one of the form's questions.
    const shortLine = (b.kind === 'paragraph' || b.kind === 'list-item') && text.length < 160 && !/[.!]$/.test(text.trim());
    if (b.kind === 'heading' || shortLine) {
      const m = matchHeading(text, form, { exact: b.kind !== 'heading' });
      if (m) {
        context = m;
        headings.push({ start: b.start, end: b.end, section: m.section.id, ...(m.question ? { question: m.question.id } : {}) });
        continue;
      }
      // A heading that names no part of the form (a title, "Continuation sheet") ends the previous part; its
      // words are kept and placed like any paragraph.
      if (b.kind === 'heading') context = null;
    }
    let target: { s: FormSection; q: FormQuestion; confidence: number; how: 'heading' | 'content' | 'default' };
    // "Label: value" lines (a form-like draft): a label that names a question or section places the line.
    const label = labelOf(text);
    const named = label ? matchHeading(label, form, { exact: true }) : null;
    if (named) {
      const q = named.question ?? scoreQuestions(text, c.questions.filter((x) => x.s === named.section), isChild).find((r) => r.score > 0)?.q.q ?? defaultQ(named.section);
      target = { s: named.section, q, confidence: named.question ? 0.85 : 0.75, how: 'heading' };
    } else if (context?.question) {
      target = { s: context.section, q: context.question, confidence: context.confidence, how: 'heading' };
    } else if (context) {
      const within = c.questions.filter((x) => x.s === context!.section);
      const ranked = scoreQuestions(text, within, isChild);
      const fallback = defaultQ(context.section);
      // The section's main box keeps a paragraph unless another question is clearly more about it.
      const main = ranked.find((r) => r.q.q === fallback)?.score ?? 0;
      const best = ranked[0] && ranked[0].score >= 2 && ranked[0].score > main + 1 ? ranked[0] : ranked.find((r) => r.q.q === fallback);
      target = best && best.score > 0 ? { s: context.section, q: best.q.q, confidence: Math.min(context.confidence, 0.7 + Math.min(best.score, 6) * 0.04), how: 'heading' } : { s: context.section, q: defaultQ(context.section), confidence: context.confidence * 0.75, how: 'heading' };
    } else {
      // A narrative paragraph belongs in the account box unless another question is clearly more about it.
      const ranked = scoreQuestions(text, c.questions, isChild).map((r) => (r.q === what ? { ...r, score: r.score + 2 } : r)).sort((x, y) => y.score - x.score);
      const [first, second] = ranked;
      if (first && first.score > 2) {
        const margin = first.score / (first.score + (second?.score ?? 0) + 1);
        target = { s: first.q.s, q: first.q.q, confidence: Math.round((0.25 + 0.45 * margin) * 100) / 100, how: 'content' };
      } else target = { s: what.s, q: what.q, confidence: 0.2, how: 'default' };
    }
    const list = texts.get(target.q.id) ?? [];
    list.push(text);
    texts.set(target.q.id, list);
    const cc = conf.get(target.q.id) ?? { sum: 0, len: 0 };
    cc.sum += target.confidence * text.length;
    cc.len += text.length;
    conf.set(target.q.id, cc);
    parts.push({ start: b.start, end: b.end, section: target.s.id, question: target.q.id, confidence: target.confidence, how: target.how });
  }

  const round = (n: number) => Math.round(n * 100) / 100;
  const sections: MappedSection[] = [];
  for (const s of form.sections) {
    const qs: MappedQuestion[] = s.questions
      .filter((q) => texts.has(q.id))
      .map((q) => ({ id: q.id, title: q.title, ...(q.hint ? { hint: q.hint } : {}), box: q.box, text: texts.get(q.id)!.join('\n\n'), confidence: round(conf.get(q.id)!.sum / Math.max(1, conf.get(q.id)!.len)) }));
    if (!qs.length) continue;
    const len = qs.reduce((n, q) => n + q.text.length, 0);
    sections.push({ id: s.id, title: s.title, text: qs.map((q) => q.text).join('\n\n'), confidence: round(qs.reduce((n, q) => n + q.confidence * q.text.length, 0) / Math.max(1, len)), questions: qs });
  }
  return { sections, headings, parts };
}
