/**
 * Edit mode: the draft in an editor (CodeMirror) that shows what the view shows while the user types: the
 * draft's headings and list items as such, and each open finding marked on its words. The editor holds the
 * text as plain text, the text the checks read; structure and marks are decorations on it, moved with each
 * keystroke and replaced when the next check lands. Only the lines on screen are drawn, so a long draft stays
 * quick to type in. The editor lives in a shadow root of its own: there the editor's styles are constructed
 * style sheets, which the app's Content-Security-Policy (style-src 'self') allows, where a <style> element
 * would be refused.
 */
import { defaultKeymap, history, historyKeymap } from '@codemirror/commands';
import { EditorState, StateEffect, StateField, Transaction, type Range } from '@codemirror/state';
import { Decoration, EditorView, keymap, type DecorationSet } from '@codemirror/view';
import { memo, useEffect, useRef } from 'react';
import type { Block } from '../../../src/api/contract';
import type { Finding } from '../../../src/engine/types';
import { editSpan } from '../edit-span';

const replaceMarks = StateEffect.define<DecorationSet>();

/** The editor looks like the document view (styles.css): its font, headings, list items and marks. */
const look = EditorView.theme({
  '&': { fontFamily: 'Georgia, "Times New Roman", serif', fontSize: '1.05rem', lineHeight: '1.7', minHeight: '70vh', background: 'var(--bg)', color: 'var(--fg)', border: '1px solid var(--border)' },
  '&.cm-focused': { outline: '3px solid var(--focus)', outlineOffset: '2px' },
  '.cm-scroller': { fontFamily: 'inherit', lineHeight: 'inherit' },
  '.cm-content': { padding: '0.5rem', caretColor: 'var(--fg)' },
  '.cm-doc-heading': { fontWeight: '700', lineHeight: '1.35' },
  '.cm-doc-heading-1': { fontSize: '1.4em' },
  '.cm-doc-heading-2': { fontSize: '1.2em' },
  '.cm-doc-heading-3, .cm-doc-heading-4': { fontSize: '1.05em' },
  '.cm-line.cm-doc-item': { paddingLeft: '1.6em' },
  '.cm-line.cm-doc-item-first::before': { content: '"•"', display: 'inline-block', width: '1.1em', marginLeft: '-1.1em' },
  'mark.hl': { background: 'transparent', color: 'inherit', textDecorationThickness: '2px', textUnderlineOffset: '3px' },
  'mark.hl::before': { fontSize: '0.7em', verticalAlign: 'super', fontFamily: 'system-ui, sans-serif', fontWeight: '700' },
  'mark.hl-disbelief': { textDecoration: 'underline wavy var(--disbelief)' },
  'mark.hl-disbelief::before': { content: '"?"', color: 'var(--disbelief)' },
  'mark.hl-victim-blaming': { textDecoration: 'underline double var(--victim)' },
  'mark.hl-victim-blaming::before': { content: '"!"', color: 'var(--victim)' },
  'mark.hl-jargon': { textDecoration: 'underline dotted var(--jargon)' },
  'mark.hl-jargon::before': { content: '"§"', color: 'var(--jargon)' },
  'mark.hl-active': { outline: '2px solid var(--accent)' },
});

/**
 * The marks and the structure: replaced when a check lands, otherwise moved with each edit. A mark whose words
 * an edit touched goes until the next check says what they are now, as the finding's card does (placeOn).
 * Moving them here is what keeps typing in a long draft quick: nothing else is drawn again per keystroke.
 */
const marksField = StateField.define<DecorationSet>({
  create: () => Decoration.none,
  update(marks, tr) {
    for (const e of tr.effects) if (e.is(replaceMarks)) return e.value;
    if (!tr.docChanged) return marks;
    const edits: [number, number][] = [];
    tr.changes.iterChangedRanges((fromA, toA) => edits.push([fromA, toA]));
    const first = edits[0]![0];
    const last = edits[edits.length - 1]![1];
    const untouched = (from: number, to: number) => edits.every(([a, b]) => !(from < b && a < to));
    return marks.update({ filter: untouched, filterFrom: first, filterTo: last }).map(tr.changes);
  },
  provide: (f) => EditorView.decorations.from(f),
});

/** The decorations for a text: a class on each line of a heading or list item, a mark on each finding. */
function decorationsFor(state: EditorState, blocks: readonly Block[], findings: readonly Finding[], keys: readonly string[], active: string | null): DecorationSet {
  const doc = state.doc;
  const out: Range<Decoration>[] = [];
  for (const b of blocks) {
    if (b.end > doc.length || b.end <= b.start || (b.kind !== 'heading' && b.kind !== 'list-item')) continue;
    const first = doc.lineAt(b.start).number;
    const last = doc.lineAt(b.end).number;
    for (let n = first; n <= last; n++) {
      const cls = b.kind === 'heading' ? `cm-doc-heading cm-doc-heading-${Math.min(b.level ?? 1, 4)}` : `cm-doc-item${n === first ? ' cm-doc-item-first' : ''}`;
      out.push(Decoration.line({ class: cls }).range(doc.line(n).from));
    }
  }
  let covered = 0;
  findings.forEach((f, i) => {
    if (f.start < covered || f.end > doc.length || f.end <= f.start) return;
    const key = keys[i]!;
    out.push(Decoration.mark({ tagName: 'mark', class: `hl hl-${f.category}${key === active ? ' hl-active' : ''}`, attributes: { title: f.message, 'data-category': f.category, 'data-key': key } }).range(f.start, f.end));
    covered = f.end;
  });
  return Decoration.set(out, true);
}

/** The one change that turns `a` into `b`, the common start and end kept. */
function changeBetween(a: string, b: string): { from: number; to: number; insert: string } {
  const { head, end, shift } = editSpan(a, b);
  return { from: head, to: end, insert: b.slice(head, end + shift) };
}

interface Props {
  text: string;
  /** The check the findings and blocks come from: the marks are drawn afresh when it changes. */
  revision: unknown;
  blocks: readonly Block[];
  /** The open findings placed on `text`, and their keys. */
  findings: readonly Finding[];
  keys: readonly string[];
  active: string | null;
  onChange: (text: string) => void;
  /** A click on a finding's words makes it the active finding, as in the view. */
  onSelect: (key: string) => void;
}

export const DraftEditor = memo(function DraftEditor({ text, revision, blocks, findings, keys, active, onChange, onSelect }: Props) {
  const host = useRef<HTMLDivElement>(null);
  const view = useRef<EditorView | null>(null);
  const sent = useRef(text);
  const changed = useRef(onChange);
  changed.current = onChange;
  const selected = useRef(onSelect);
  selected.current = onSelect;

  useEffect(() => {
    const el = host.current!;
    const root = el.shadowRoot ?? el.attachShadow({ mode: 'open' });
    const v = new EditorView({
      root,
      parent: root,
      state: EditorState.create({
        doc: text,
        extensions: [
          history(),
          keymap.of([...defaultKeymap, ...historyKeymap]),
          EditorView.lineWrapping,
          look,
          marksField,
          EditorView.contentAttributes.of({ 'aria-label': 'Edit the draft', 'data-testid': 'editor', spellcheck: 'true' }),
          EditorView.domEventHandlers({
            click: (e) => {
              const key = (e.target as Element).closest?.('mark.hl')?.getAttribute('data-key');
              if (key) selected.current(key);
              return false; // the cursor goes where the user clicked, as always
            },
          }),
          EditorView.updateListener.of((u) => {
            if (!u.docChanged || u.transactions.every((t) => t.annotation(Transaction.remote))) return;
            sent.current = u.state.doc.toString();
            changed.current(sent.current);
          }),
        ],
      }),
    });
    view.current = v;
    return () => {
      v.destroy();
      view.current = null;
    };
    // (made once: the text it is given later is put in below)
  }, []);

  // A change from outside the editor (an accepted suggestion, Undo in the toolbar) is put in as one edit, so
  // the cursor and what the user typed elsewhere stay where they are.
  useEffect(() => {
    const v = view.current;
    if (!v || text === sent.current) return;
    const now = v.state.doc.toString();
    sent.current = text;
    if (now !== text) v.dispatch({ changes: changeBetween(now, text), annotations: [Transaction.remote.of(true)] });
  }, [text]);

  // A check landed (or the active finding moved): its marks and structure replace those moved since. (Not
  // with each keystroke: the marks move with the edit in the editor itself.)
  useEffect(() => {
    const v = view.current;
    if (!v || v.state.doc.length !== text.length || sent.current !== text) return;
    v.dispatch({ effects: replaceMarks.of(decorationsFor(v.state, blocks, findings, keys, active)) });
  }, [revision, active]);

  // The active finding's words come into view when it changes (j / k, a click on its card), as in the view;
  // the keyboard focus stays where it is.
  useEffect(() => {
    const v = view.current;
    const f = active === null ? undefined : findings[keys.indexOf(active)];
    if (v && f && f.end <= v.state.doc.length) v.dispatch({ effects: EditorView.scrollIntoView(f.start, { y: 'nearest' }) });
    // (only when the active finding changes, not with each keystroke)
  }, [active]);

  return <div className="draft-editor" ref={host} />;
});
