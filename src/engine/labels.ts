/**
 * The words people see for categories, elements and a check's status: defined once, shared by the app, the
 * quality report, the audit report and the history.
 */
import type { Category, ElementName, Subject } from './types.js';

export const CATEGORY_LABELS: Record<Category, string> = { disbelief: 'Disbelief', 'victim-blaming': 'Victim-blaming', jargon: 'Jargon' };

export const ELEMENT_LABELS: Record<ElementName, string> = {
  act: 'Act',
  means: 'Means',
  purpose: 'Purpose',
  when: 'When',
  where: 'Where',
  'own-words': "Person's own account",
  consent: 'Consent',
  indicators: 'Indicators',
};

export const STATUS_LABELS = { draft: 'Draft', reviewed: 'Reviewed', ready: 'Ready to submit' } as const;

/** A label for an element or category name, or the name itself when it has none (a form element). */
export const labelOf = (name: string): string => (ELEMENT_LABELS as Record<string, string>)[name] ?? (CATEGORY_LABELS as Record<string, string>)[name] ?? name;

/** A rule as people read it: "victim-blaming/risk-behaviour" → "Victim-blaming: risk behaviour". */
export function ruleName(id: string): string {
  const slash = id.indexOf('/');
  const [group, file] = slash < 0 ? ['', id] : [id.slice(0, slash), id.slice(slash + 1)];
  const words = file.replace(/-/g, ' ');
  const head = group === 'elements' ? 'Missing' : group === 'form' ? 'Form' : group ? labelOf(group) : '';
  return head ? `${head}: ${words}` : words.charAt(0).toUpperCase() + words.slice(1);
}

/**
 * Whom the draft is about, as a sentence's start: "An adult, age 48 (the draft says “aged 48”)", "A child
 * (described as a child)". `words` masks the draft's own words when a report hides names.
 */
export function subjectLine(subject: Subject, words: (s: string) => string = (s) => s): string {
  const who = subject.isChild ? 'A child' : 'An adult';
  return subject.age !== null ? `${who}, age ${subject.age} (the draft says “${words(subject.basis)}”)` : `${who} (${subject.basis})`;
}
