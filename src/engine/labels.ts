/**
 * The words people see for categories, elements and a check's status: defined once, shared by the app, the
 * quality report, the audit report and the history.
 */
import type { Category, ElementName } from './types.js';

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
