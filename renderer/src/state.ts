/** Session state: the text, what the engine found, the user's decisions, and undo/redo of the text. */
import type { DraftData, DraftView } from '../../src/api/contract';
import type { Block, Finding } from '../../src/api/contract';

export interface Dismissal {
  rule: string;
  excerpt: string;
  reason: string;
  finding: Finding;
}

export interface Session {
  name: string;
  text: string;
  /** The core's view of the current revision: findings, what is open, missing elements, the score. */
  result: DraftView | null;
  dismissed: Dismissal[];
  accepted: number;
  /** Every accepted suggestion, for the report. */
  acceptedList: { finding: Finding; suggestion: string }[];
  /** The document as imported: its structure is kept in exports. */
  original: { text: string; blocks: Block[] } | null;
  undo: string[];
  redo: string[];
  warnings: string[];
}

export const emptySession: Session = { name: '', text: '', result: null, dismissed: [], accepted: 0, acceptedList: [], original: null, undo: [], redo: [], warnings: [] };

export type Action =
  | { type: 'opened'; name: string; text: string; blocks: Block[]; result: DraftView; warnings: string[] }
  | { type: 'edited'; text: string; accepted?: { finding: Finding; suggestion: string }[] }
  | { type: 'linted'; text: string; dismissed: number; result: DraftView }
  | {
      type: 'restored';
      name: string;
      text: string;
      original: { text: string; blocks: Block[] } | null;
      warnings: string[];
      acceptedList: { finding: Finding; suggestion: string }[];
      dismissed: { finding: Finding; reason: string }[];
    }
  | { type: 'dismissed'; finding: Finding; reason: string }
  | { type: 'undo' }
  | { type: 'redo' }
  /** The draft is put away (a file that failed to open replaces it with nothing, not with the old draft). */
  | { type: 'closed' };

export function reducer(s: Session, a: Action): Session {
  switch (a.type) {
    case 'closed':
      return emptySession;
    case 'opened':
      return { ...emptySession, name: a.name, text: a.text, result: a.result, warnings: a.warnings, original: { text: a.text, blocks: a.blocks } };
    case 'restored':
      // The work kept from last time: the text and decisions come back; the findings follow from a fresh check.
      return {
        ...emptySession,
        name: a.name,
        text: a.text,
        original: a.original,
        warnings: a.warnings,
        acceptedList: a.acceptedList,
        accepted: a.acceptedList.length,
        dismissed: a.dismissed.map((d) => ({ rule: d.finding.rule, excerpt: d.finding.excerpt, reason: d.reason, finding: d.finding })),
      };
    case 'edited':
      if (a.text === s.text) return s;
      return { ...s, text: a.text, undo: [...s.undo, s.text].slice(-200), redo: [], accepted: s.accepted + (a.accepted?.length ?? 0), acceptedList: [...s.acceptedList, ...(a.accepted ?? [])] };
    case 'linted':
      // (a view of an older text, or from before a later dismissal, is stale)
      return a.text === s.text && a.dismissed === s.dismissed.length ? { ...s, result: a.result } : s;
    case 'dismissed': {
      // the finding leaves the open list at once; the core's view (and score) follows from the next check
      const open = s.result ? s.result.open.filter((f) => f !== a.finding) : [];
      return { ...s, result: s.result ? { ...s.result, open } : null, dismissed: [...s.dismissed, { rule: a.finding.rule, excerpt: a.finding.excerpt, reason: a.reason, finding: a.finding }] };
    }
    case 'undo': {
      const prev = s.undo[s.undo.length - 1];
      return prev === undefined ? s : { ...s, text: prev, undo: s.undo.slice(0, -1), redo: [...s.redo, s.text] };
    }
    case 'redo': {
      const next = s.redo[s.redo.length - 1];
      return next === undefined ? s : { ...s, text: next, redo: s.redo.slice(0, -1), undo: [...s.undo, s.text] };
    }
  }
}

/** Whether the session holds work the file does not: edits, or decisions on findings. */
export function isDirty(s: Session): boolean {
  return Boolean(s.name) && ((s.original !== null && s.text !== s.original.text) || s.dismissed.length > 0 || s.acceptedList.length > 0);
}

/** The user's decisions as the API takes them (report, history, unsaved work). */
export function decisions(s: Session): { accepted: { finding: Finding; suggestion: string }[]; dismissed: { finding: Finding; reason: string }[] } {
  return { accepted: s.acceptedList, dismissed: s.dismissed.map((d) => ({ finding: d.finding, reason: d.reason })) };
}

/** The draft as the API takes it: the document as opened, the text now, the decisions, the placements. */
export function draftOf(s: Session, placements: { text: string; question: string }[] = []): DraftData {
  return { name: s.name, original: s.original, text: s.text, ...decisions(s), ...(placements.length ? { placements } : {}) };
}
