/** Session state: the text, what the engine found, the user's decisions, and undo/redo of both. */
import type { DraftData, DraftView } from '../../src/api/contract.js';
import type { Block, Finding } from '../../src/api/contract.js';
import { trackAccepted, withoutAccepted, type Accepted, type Change } from './decisions.js';
import { unchanging } from './json-body.js';

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
  /** Every accepted suggestion, for the report (and where its words are now, to undo it or mark it). */
  acceptedList: Accepted[];
  /** The document as imported: its structure is kept in exports. */
  original: { text: string; blocks: Block[] } | null;
  /** What undo and redo go back to: the text and the decisions together. */
  undo: Snapshot[];
  redo: Snapshot[];
  warnings: string[];
}

/** The text and every decision at one moment. */
export interface Snapshot {
  text: string;
  dismissed: Dismissal[];
  acceptedList: Accepted[];
}

const snapshot = (s: Session): Snapshot => ({ text: s.text, dismissed: s.dismissed, acceptedList: s.acceptedList });
/** The session as it was at `to` (its text and decisions). */
const at = (s: Session, to: Snapshot): Session => ({ ...s, ...to, accepted: to.acceptedList.length });
/** `s` changed by `change`, with its state before on the undo stack (and nothing to redo). */
const step = (s: Session, change: Partial<Session>): Session => ({ ...s, ...change, undo: [...s.undo, snapshot(s)].slice(-200), redo: [] });

export const emptySession: Session = { name: '', text: '', result: null, dismissed: [], accepted: 0, acceptedList: [], original: null, undo: [], redo: [], warnings: [] };

export type Action =
  | { type: 'opened'; name: string; text: string; blocks: Block[]; result: DraftView; warnings: string[] }
  | { type: 'edited'; text: string; accepted?: { finding: Finding; suggestion: string }[]; changes?: Change[] }
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
  /** One decision taken back from the Resolved list (by its place in `dismissed` or `acceptedList`). */
  | { type: 'undismissed'; index: number }
  | { type: 'unaccepted'; index: number }
  | { type: 'undo' }
  | { type: 'redo' }
  /** The draft is put away (a file that failed to open replaces it with nothing, not with the old draft). */
  | { type: 'closed' };

export function reducer(s: Session, a: Action): Session {
  switch (a.type) {
    case 'closed':
      return emptySession;
    case 'opened':
      return { ...emptySession, name: a.name, text: a.text, result: a.result, warnings: a.warnings, original: unchanging({ text: a.text, blocks: a.blocks }) };
    case 'restored':
      // The work kept from last time: the text and decisions come back; the findings follow from a fresh check.
      return {
        ...emptySession,
        name: a.name,
        text: a.text,
        original: a.original && unchanging(a.original),
        warnings: a.warnings,
        acceptedList: a.acceptedList,
        accepted: a.acceptedList.length,
        dismissed: a.dismissed.map((d) => ({ rule: d.finding.rule, excerpt: d.finding.excerpt, reason: d.reason, finding: d.finding })),
      };
    case 'edited':
      if (a.text === s.text) return s;
      return step(s, { text: a.text, accepted: s.accepted + (a.accepted?.length ?? 0), acceptedList: trackAccepted(s.acceptedList, s.text, a.text, a.accepted, a.changes) });
    case 'linted':
      // (a view of an older text, or from before a later dismissal, is stale)
      return a.text === s.text && a.dismissed === s.dismissed.length ? { ...s, result: a.result } : s;
    case 'dismissed': {
      // the finding leaves the open list at once; the core's view (and score) follows from the next check
      const open = s.result ? s.result.open.filter((f) => f !== a.finding) : [];
      return step(s, { result: s.result ? { ...s.result, open } : null, dismissed: [...s.dismissed, { rule: a.finding.rule, excerpt: a.finding.excerpt, reason: a.reason, finding: a.finding }] });
    }
    case 'undismissed':
      // the finding comes back with the next check (asked at once when the dismissals change)
      return a.index in s.dismissed ? step(s, { dismissed: s.dismissed.filter((_, k) => k !== a.index) }) : s;
    case 'unaccepted': {
      const entry = s.acceptedList[a.index];
      const text = entry ? withoutAccepted(s.text, entry) : null;
      if (text === null) return s;
      const rest = s.acceptedList.filter((_, k) => k !== a.index);
      return step(s, { text, acceptedList: trackAccepted(rest, s.text, text), accepted: rest.length });
    }
    case 'undo': {
      const prev = s.undo[s.undo.length - 1];
      return prev === undefined ? s : { ...at(s, prev), undo: s.undo.slice(0, -1), redo: [...s.redo, snapshot(s)] };
    }
    case 'redo': {
      const next = s.redo[s.redo.length - 1];
      return next === undefined ? s : { ...at(s, next), redo: s.redo.slice(0, -1), undo: [...s.undo, snapshot(s)] };
    }
  }
}

/** Whether the session holds work the file does not: edits, or decisions on findings. */
export function isDirty(s: Session): boolean {
  return Boolean(s.name) && ((s.original !== null && s.text !== s.original.text) || s.dismissed.length > 0 || s.acceptedList.length > 0);
}

/** The user's decisions as the API takes them (report, history, unsaved work). */
export function decisions(s: Session): { accepted: { finding: Finding; suggestion: string }[]; dismissed: { finding: Finding; reason: string }[] } {
  return { accepted: s.acceptedList.map((a) => ({ finding: a.finding, suggestion: a.suggestion })), dismissed: s.dismissed.map((d) => ({ finding: d.finding, reason: d.reason })) };
}

/** The draft as the API takes it: the document as opened, the text now, the decisions, the placements. */
export function draftOf(s: Session, placements: { text: string; question: string }[] = []): DraftData {
  return { name: s.name, original: s.original, text: s.text, ...decisions(s), ...(placements.length ? { placements } : {}) };
}
