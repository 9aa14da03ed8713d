/**
 * A fluency check for a sentence after a suggestion is applied: the mistakes a template makes when it does
 * not fit the sentence around it. Each problem names what is wrong, so a rule author can see which template
 * broke ("an house", "been being", "they says", "to to", a dangling "of" before a full stop).
 */
import { articleFor } from './inflect.js';

export interface FluencyProblem {
  kind: 'article' | 'aspect' | 'agreement' | 'doubled' | 'dangling' | 'spacing' | 'template';
  excerpt: string;
}

const AGREEMENT: [RegExp, string][] = [
  [/\b(they|we|you|i) (says|is|has|was|does)\b/gi, 'a plural subject with a singular verb'],
  [/\b(he|she|it) (say|are|have|were|do)\b(?! not\b)/gi, 'a singular subject with a plural verb'],
];

/** Problems in `sentence` (the text around an applied suggestion); none for a fluent one. */
export function fluencyProblems(sentence: string): FluencyProblem[] {
  const out: FluencyProblem[] = [];
  for (const m of sentence.matchAll(/\b(a|an) ([A-Za-z][\w-]*)/g)) {
    const [, art, word] = m;
    // capitals are read as letters ("an HMO", "a UK visa"), so only ordinary words are checked
    if (/^\p{Lu}{2,}/u.test(word!)) continue;
    if (articleFor(word!) !== art!.toLowerCase()) out.push({ kind: 'article', excerpt: m[0] });
  }
  for (const m of sentence.matchAll(/\bbeen being\b|\bbe being\b|\bbeing being\b/gi)) out.push({ kind: 'aspect', excerpt: m[0] });
  for (const [re] of AGREEMENT) for (const m of sentence.matchAll(re)) out.push({ kind: 'agreement', excerpt: m[0] });
  for (const m of sentence.matchAll(/\b(\w+) \1\b/gi)) {
    if (/^(?:that|had|is|very|no|bye|so|really|far|more|many|again|ha|blah|\d+)$/i.test(m[1]!)) continue;
    out.push({ kind: 'doubled', excerpt: m[0] });
  }
  for (const m of sentence.matchAll(/\b(of|to|by|with|for|from|in|at|the|a|an)\s*[.!?]$/gi)) out.push({ kind: 'dangling', excerpt: m[0] });
  for (const m of sentence.matchAll(/ {2,}|\s[,.;:](?!\d)|\(\s*\)/g)) out.push({ kind: 'spacing', excerpt: m[0] });
  for (const m of sentence.matchAll(/\{[^{}]*\}|\$(?:he|his|\d)\b/g)) out.push({ kind: 'template', excerpt: m[0] });
  return out;
}
