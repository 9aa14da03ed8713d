/**
 * Splits a draft into the official form's sections and questions. A heading that names a section or question
 * (the prompt sheet's own titles, or the usual draft headings) sends what follows there; where there is no
 * such heading, each paragraph goes where its words point (the questions' cues). Every part carries a
 * confidence (0-1) the app shows: high under a matching heading, lower when placed by content alone.
 * Every character of the draft's text ends up in exactly one question (headings and the draft's own title excepted), so
 * nothing is lost. The user may place a paragraph themselves (`placements`); that wins over everything else.
 */
import type { Document } from '../document/model.js';
import { loadForm, type FormData, type FormQuestion, type FormSection } from './form.js';

export type Placement = 'heading' | 'content' | 'default' | 'user';

export interface MappedQuestion {
  id: string;
  title: string;
  hint?: string;
  box: boolean;
  text: string;
  confidence: number;
  /** Its paragraphs, as the draft has them, each with how it was placed here. */
  pieces: { text: string; confidence: number; how: Placement }[];
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
  /** The draft's own title ("NRM referral – county lines (draft)"): no answer to any question, so in no box. */
  title?: { start: number; end: number; text: string };
  /** Each non-heading block and where it went, in document order. */
  parts: { start: number; end: number; section: string; question: string; confidence: number; how: Placement }[];
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
  questions: CompiledQuestion[];
}
interface CompiledQuestion {
  q: FormQuestion;
  s: FormSection;
  title: string;
  headings: string[];
  cues: { key: string; re: RegExp; weight: number }[];
}

let compiled: Compiled | undefined;
function compile(form: FormData): Compiled {
  if (compiled?.form === form) return compiled;
  compiled = {
    form,
    sections: form.sections.map((s) => ({ s, title: normHeading(s.title), aliases: s.headings.map((h) => ({ text: normHeading(h), re: wordRe(normHeading(h)) })) })),
    questions: form.sections.flatMap((s) =>
      s.questions.map((q) => ({
        q,
        s,
        title: normHeading(q.title),
        headings: q.headings.map(normHeading),
        cues: [
          ...q.cues.map((c) => ({ key: c.toLowerCase(), re: wordRe(c), weight: c.split(/\s+/).length })),
          ...q.patterns.map((p) => ({ key: `/${p}/`, re: new RegExp(p, 'iu'), weight: 2 })),
        ],
      })),
    ),
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
  if (!h) return null;
  // "Label: value" is content (its label places it), not a heading for what follows.
  if (/:\s*\S/.test(text.replace(/:\s*continued\s*$/i, ''))) return null;
  // The form's own titles, however long ("Tell us about the last contact between … and their exploiters").
  for (const x of c.sections) if (x.title === h) return { section: x.s, confidence: 0.95 };
  for (const x of c.questions) if (x.title === h) return { section: x.s, question: x.q, confidence: 0.95 };
  for (const x of c.questions) if (x.headings.includes(h)) return { section: x.s, question: x.q, confidence: 0.9 };
  // Otherwise only a short line can be a heading that mentions a section.
  if (h.split(' ').length > 12) return null;
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

const applies = (x: CompiledQuestion, isChild: boolean | null) => x.q.applies_to === 'any' || isChild === null || (x.q.applies_to === 'child') === isChild;

/** The cues of each question a text shows, by key (so a cue two questions share counts once for their section). */
function matchedCues(text: string, x: CompiledQuestion): Map<string, number> {
  const found = new Map<string, number>();
  for (const c of x.cues) if (c.re.test(text)) found.set(c.key, c.weight);
  return found;
}
const total = (m: Map<string, number>) => [...m.values()].reduce((a, b) => a + b, 0);

function scoreQuestions(text: string, within: readonly CompiledQuestion[], isChild: boolean | null): { q: CompiledQuestion; score: number }[] {
  return within
    .filter((x) => applies(x, isChild))
    .map((x) => ({ q: x, score: total(matchedCues(text, x)) }))
    .sort((a, b) => b.score - a.score);
}

/** How much a run of short bullets counts towards the question marked `lists` (as many as eight cue words). */
const LIST_WEIGHT = 8;

/** Reported speech or a first-person account: a list with this in it is the story, not a list of indicators. */
const SPEECH = /\b(?:said|says|told|tells|explained|described|disclosed|stated|states)\b|["“]/i;

/**
 * Where a paragraph (or a run of list items) goes by its words alone. The evidence of every question in a
 * section is pooled, so a line that gives an age, a nationality and a language reads as the personal details
 * even though each question has only one cue in it; then the section's best question takes it.
 */
function byContent(c: Compiled, text: string, isChild: boolean | null, what: CompiledQuestion, opts: { items?: number; first?: boolean } = {}) {
  const list = (opts.items ?? 0) >= 2 && text.length / opts.items! < 160 && !SPEECH.test(text);
  const perQuestion = new Map<CompiledQuestion, number>();
  const perSection = new Map<FormSection, number>();
  for (const s of c.form.sections) {
    const pooled = new Map<string, number>();
    for (const x of c.questions) {
      if (x.s !== s || !applies(x, isChild)) continue;
      const m = matchedCues(text, x);
      if (list && x.q.lists) m.set('#list', LIST_WEIGHT);
      perQuestion.set(x, total(m));
      for (const [k, w] of m) pooled.set(k, w);
    }
    let score = total(pooled);
    // The account box is where a narrative paragraph goes when nothing else is clearly more about it.
    if (s === what.s) score += 1;
    // A referral begins with who the person is.
    if (opts.first && s.id === 'personal') score += 1;
    perSection.set(s, score);
  }
  const ranked = [...perSection].sort((a, b) => b[1] - a[1]);
  const [first, second] = ranked;
  if (!first || first[1] < 3) return { s: what.s, q: what.q, confidence: 0.2, how: 'default' as const };
  const s = first[0];
  const qs = [...perQuestion].filter(([x]) => x.s === s).sort((a, b) => b[1] - a[1]);
  const main = s.questions.find((q) => q.box) ?? s.questions[0]!;
  const mainScore = qs.find(([x]) => x.q === main)?.[1] ?? 0;
  const best = qs[0] && qs[0][1] > 0 && (s !== what.s || qs[0][1] > mainScore + 1) ? qs[0][0].q : main;
  const margin = first[1] / (first[1] + (second?.[1] ?? 0) + 1);
  return { s, q: best, confidence: Math.round((0.25 + 0.5 * margin) * 100) / 100, how: 'content' as const };
}

/**
 * A `Label: value` line: the label decides, as a heading would (only a label that is exactly a section's or
 * question's name, so it may be long: a table row of the form's own questions is "How did … start?: …").
 */
function labelOf(text: string): string | null {
  const m = /^([A-Z][\p{L}\p{N} '’(),/-]{1,120}\??):\s*\S/u.exec(text);
  return m ? m[1]! : null;
}

/**
 * Labels run into their paragraphs ("Recruitment Kumari claimed that …"): what a two-column table becomes
 * when a PDF is read back. A paragraph whose first words are exactly a section's or question's name, followed
 * by a capitalised word, is placed by them; only when the draft has at least two such paragraphs (a table),
 * so that a sentence which merely begins with "Family Court …" is not.
 */
function findRunInLabels(doc: Document, form: FormData): Map<number, Target> {
  const found = new Map<number, Target>();
  for (const b of doc.blocks) {
    if (b.kind !== 'paragraph') continue;
    const words = doc.text.slice(b.start, b.end).split(' ');
    for (let n = Math.min(6, words.length - 1); n >= 1; n--) {
      if (!/^\p{Lu}/u.test(words[n]!)) continue;
      const m = matchHeading(words.slice(0, n).join(' '), form, { exact: true });
      if (m) {
        found.set(b.start, m);
        break;
      }
    }
  }
  return found.size >= 2 ? found : new Map();
}

/** An answer's pieces as they will be pasted: paragraphs apart, a list's items as "- " lines together. */
function joinPieces(pieces: readonly { text: string; item: boolean }[]): string {
  return pieces.map((p, i) => (i === 0 ? '' : p.item && pieces[i - 1]!.item ? '\n' : '\n\n') + (p.item ? `- ${p.text}` : p.text)).join('');
}

/** The first line of a draft is its title when it says what the document is. */
const TITLE = /\b(?:referrals?|nrm|national referral mechanism|drafts?)\b/i;

/** The key a user's placement of a paragraph is kept under: its text, spaces collapsed. */
export const pieceKey = (text: string): string => text.replace(/\s+/g, ' ').trim();

export interface MapOptions {
  isChild?: boolean | null;
  form?: FormData;
  /** The user's own placements: a paragraph's key (pieceKey) to the id of the question it answers. */
  placements?: ReadonlyMap<string, string>;
}

export function mapToForm(doc: Document, opts: MapOptions = {}): FormMapping {
  const form = opts.form ?? loadForm();
  const c = compile(form);
  const isChild = opts.isChild ?? null;
  const texts = new Map<string, { text: string; item: boolean; confidence: number; how: Placement }[]>();
  const conf = new Map<string, { sum: number; len: number }>();
  const parts: FormMapping['parts'] = [];
  const headings: FormMapping['headings'] = [];
  let title: FormMapping['title'];
  let seenText = false;
  let cellContext = false;
  let context: Target | null = null;
  const defaultQ = (s: FormSection) => s.questions.find((q) => q.box) ?? s.questions[0]!;
  const what = c.questions.find((x) => x.q.id === 'what-happened') ?? c.questions[0]!;

  const runInLabels = findRunInLabels(doc, form);
  const listTarget = new Map<number, ReturnType<typeof byContent>>();
  let placedAny = false;
  for (let i = 0; i < doc.blocks.length; i++) {
    const b = doc.blocks[i]!;
    const text = doc.text.slice(b.start, b.end);
    if (!text.trim()) continue;
    // A short line on its own (no full stop) may be a heading or one of the form's questions.
    const shortLine = (b.kind === 'paragraph' || b.kind === 'list-item') && text.length < 160 && !/[.!]$/.test(text.trim());
    const atTop = !seenText;
    seenText = true;
    // A table row "label | answer" (the form's questions copied into a Word table): the label cell is read as
    // a heading for the answer cell beside it; a row whose label names nothing, and the end of the table, end it.
    if (b.kind === 'table-cell' && doc.text.startsWith(': ', b.end)) {
      const m = matchHeading(text, form, { exact: true });
      cellContext = true;
      context = m;
      if (m) {
        headings.push({ start: b.start, end: b.end, section: m.section.id, ...(m.question ? { question: m.question.id } : {}) });
        continue;
      }
    } else if (b.kind !== 'table-cell' && cellContext) {
      cellContext = false;
      context = null;
    }
    if (b.kind === 'heading' || shortLine) {
      const m = matchHeading(text, form, { exact: b.kind !== 'heading' });
      if (!m && atTop && TITLE.test(text)) {
        title = { start: b.start, end: b.end, text };
        continue;
      }
      if (m) {
        context = m;
        headings.push({ start: b.start, end: b.end, section: m.section.id, ...(m.question ? { question: m.question.id } : {}) });
        continue;
      }
      // A heading that names no part of the form (a title, "Continuation sheet") ends the previous part; its
      // words are kept and placed like any paragraph.
      if (b.kind === 'heading') context = null;
    }
    let target: { s: FormSection; q: FormQuestion; confidence: number; how: Placement };
    const mine = opts.placements?.get(pieceKey(text));
    const chosen = mine ? c.questions.find((x) => x.q.id === mine) : undefined;
    // "Label: value" lines (a form-like draft): a label that names a question or section places the line.
    const label = labelOf(text);
    const named = label ? matchHeading(label, form, { exact: true }) : (runInLabels.get(b.start) ?? null);
    if (chosen) {
      target = { s: chosen.s, q: chosen.q, confidence: 1, how: 'user' };
    } else if (named) {
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
      // No heading says where this goes: its words do. A run of list items is read, and placed, as one.
      let cached = listTarget.get(b.start);
      if (!cached) {
        if (b.kind === 'list-item') {
          const run = [b];
          for (let j = i + 1; j < doc.blocks.length && doc.blocks[j]!.kind === 'list-item'; j++) run.push(doc.blocks[j]!);
          const runText = run.map((x) => doc.text.slice(x.start, x.end)).join('\n');
          cached = byContent(c, runText, isChild, what, { items: run.length, first: !placedAny });
          for (const x of run) listTarget.set(x.start, cached);
        } else cached = byContent(c, text, isChild, what, { first: !placedAny && text.length > 60 });
      }
      target = cached;
    }
    if (text.length > 60) placedAny = true;
    const list = texts.get(target.q.id) ?? [];
    list.push({ text, item: b.kind === 'list-item', confidence: target.confidence, how: target.how });
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
      .map((q) => ({ id: q.id, title: q.title, ...(q.hint ? { hint: q.hint } : {}), box: q.box, text: joinPieces(texts.get(q.id)!),
        pieces: texts.get(q.id)!.map((p) => ({ text: p.text, confidence: p.confidence, how: p.how })), confidence: round(conf.get(q.id)!.sum / Math.max(1, conf.get(q.id)!.len)) }));
    if (!qs.length) continue;
    const len = qs.reduce((n, q) => n + q.text.length, 0);
    sections.push({ id: s.id, title: s.title, text: qs.map((q) => q.text).join('\n\n'), confidence: round(qs.reduce((n, q) => n + q.confidence * q.text.length, 0) / Math.max(1, len)), questions: qs });
  }
  return { sections, headings, parts, ...(title ? { title } : {}) };
}
