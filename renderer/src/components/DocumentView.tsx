import { memo, useMemo, type ReactNode } from 'react';
import type { Category, Finding } from '../../../src/engine/types';
import { hashOf } from '../finding-keys';

/** A finding marked in a paragraph: offsets within the paragraph, and the finding's key. */
interface Mark {
  key: string;
  start: number;
  end: number;
  category: Category;
  message: string;
}

/** A paragraph of the document (up to and with the blank lines after it), with its marks. */
interface Piece {
  key: string;
  text: string;
  marks: Mark[];
  /** What the marks look like, as one string, so a paragraph is drawn again only when they change. */
  look: string;
}

/**
 * The text cut after each run of blank lines, never inside a finding, each piece with the findings that start
 * in it (a finding overlapping an earlier one is not marked, as before). A piece's key is its text (hashed)
 * and which of the same text it is, so an edit leaves the other pieces as they were. The pieces together are
 * the text: it lays out exactly as one block of text would.
 */
function piecesOf(text: string, findings: readonly Finding[], keys: readonly string[]): Piece[] {
  const pieces: Piece[] = [];
  const seen = new Map<string, number>();
  let i = 0;
  let covered = 0;
  let from = 0;
  const cut = (to: number) => {
    const marks: Mark[] = [];
    for (; i < findings.length && findings[i]!.start < to; i++) {
      const f = findings[i]!;
      if (f.start < covered || f.end > text.length) continue;
      marks.push({ key: keys[i]!, start: f.start - from, end: f.end - from, category: f.category, message: f.message });
      covered = f.end;
    }
    const t = text.slice(from, to);
    const h = hashOf(t);
    const n = seen.get(h) ?? 0;
    seen.set(h, n + 1);
    pieces.push({ key: `${h}~${n}`, text: t, marks, look: marks.map((m) => `${m.key}@${m.start}-${m.end}:${m.message}`).join('\n') });
    from = to;
  };
  let reach = 0;
  let j = 0;
  for (const m of text.matchAll(/\n\n+/g)) {
    const at = m.index + m[0].length;
    if (at >= text.length) break;
    for (; j < findings.length && findings[j]!.start < at; j++) reach = Math.max(reach, findings[j]!.end);
    if (reach <= at) cut(at);
  }
  cut(text.length);
  return pieces;
}

/** One paragraph: drawn again only when its text, its marks or whether it holds the active finding change. */
const Paragraph = memo(function Paragraph({ text, marks, active, onSelect }: { text: string; marks: Mark[]; look: string; active: string | null; onSelect: (key: string) => void }) {
  const parts: ReactNode[] = [];
  let pos = 0;
  for (const m of marks) {
    if (m.start > pos) parts.push(<span key={`t${pos}`}>{text.slice(pos, m.start)}</span>);
    parts.push(
      <mark key={m.key} id={`hl-${m.key}`} className={`hl hl-${m.category}${m.key === active ? ' hl-active' : ''}`} data-category={m.category} title={m.message} onClick={() => onSelect(m.key)}>
        {text.slice(m.start, m.end)}
      </mark>,
    );
    pos = m.end;
  }
  if (pos < text.length) parts.push(<span key={`t${pos}`}>{text.slice(pos)}</span>);
  return <div className="piece">{parts}</div>;
}, (a, b) => a.text === b.text && a.look === b.look && a.active === b.active && a.onSelect === b.onSelect);

/**
 * The draft as text, with findings marked. Built from text nodes only: the document is never HTML. Each
 * paragraph is its own element, so a long draft lays out and redraws only the paragraphs an edit touches.
 */
export const DocumentView = memo(function DocumentView({ text, findings, keys, active, onSelect }: { text: string; findings: readonly Finding[]; keys: readonly string[]; active: string | null; onSelect: (key: string) => void }) {
  const pieces = useMemo(() => piecesOf(text, findings, keys), [text, findings, keys]);
  return (
    <div className="document" data-testid="document-text" aria-label="Draft text">
      {pieces.map((p) => (
        <Paragraph key={p.key} text={p.text} marks={p.marks} look={p.look} active={active !== null && p.marks.some((m) => m.key === active) ? active : null} onSelect={onSelect} />
      ))}
    </div>
  );
});
