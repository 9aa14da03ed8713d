import { memo, useMemo, type ReactNode } from 'react';
import type { Block } from '../../../src/api/contract';
import type { Category, Finding } from '../../../src/engine/types';
import { hashOf } from '../finding-keys';

/** A finding marked in a piece: offsets within the piece's words, and the finding's key. */
interface Mark {
  key: string;
  start: number;
  end: number;
  category: Category;
  message: string;
}

/** One heading, paragraph, list item or table cell of the document, with its marks. */
interface Piece {
  key: string;
  kind: Block['kind'];
  level: number;
  /** What lies between the piece before and this one (blank lines, a list marker): kept, not shown. */
  lead: string;
  text: string;
  /** After the last piece: what follows the last block (blank lines), kept, not shown. */
  tail: string;
  marks: Mark[];
  /** What the marks look like, as one string, so a piece is drawn again only when they change. */
  look: string;
}

/**
 * The text as its blocks (as the checks read them), each piece with the findings that start in it (a finding
 * overlapping an earlier one is not marked; one running past its block is marked to the block's end). Text
 * between blocks that holds words is a paragraph of its own. A piece's key is its text (hashed) and which of
 * the same text it is, so an edit leaves the other pieces as they were. The pieces' text nodes together are
 * the text, character for character (flash.ts counts on it), though what lies between blocks is not shown.
 */
function piecesOf(text: string, blocks: readonly Block[], findings: readonly Finding[], keys: readonly string[]): Piece[] {
  const spans: { kind: Block['kind']; level: number; start: number; end: number }[] = [];
  let pos = 0;
  const words = (from: number, to: number) => /[\p{L}\p{N}]/u.test(text.slice(from, to));
  const plain = (from: number, to: number) => {
    const t = text.slice(from, to);
    const a = from + (t.length - t.trimStart().length);
    spans.push({ kind: 'paragraph', level: 0, start: a, end: a + t.trim().length });
  };
  for (const b of [...blocks].sort((x, y) => x.start - y.start)) {
    if (b.start < pos || b.end <= b.start || b.end > text.length) continue;
    if (words(pos, b.start)) plain(pos, b.start);
    spans.push({ kind: b.kind, level: b.level ?? 1, start: b.start, end: b.end });
    pos = b.end;
  }
  if (words(pos, text.length)) plain(pos, text.length);

  const pieces: Piece[] = [];
  const seen = new Map<string, number>();
  let i = 0;
  let covered = 0;
  let from = 0;
  spans.forEach((sp, k) => {
    // the last piece keeps what follows it, so that every character of the text is in a piece
    const to = k === spans.length - 1 ? text.length : sp.end;
    const t = text.slice(sp.start, sp.end);
    const tail = text.slice(sp.end, to);
    const marks: Mark[] = [];
    for (; i < findings.length && findings[i]!.start < sp.end; i++) {
      const f = findings[i]!;
      if (f.start < covered || f.start < sp.start || f.end > text.length) continue;
      const end = Math.min(f.end, sp.end);
      marks.push({ key: keys[i]!, start: f.start - sp.start, end: end - sp.start, category: f.category, message: f.message });
      covered = end;
    }
    const lead = text.slice(from, sp.start);
    const h = hashOf(`${sp.kind}${sp.level}|${lead}|${t}|${tail}`);
    const n = seen.get(h) ?? 0;
    seen.set(h, n + 1);
    pieces.push({ key: `${h}~${n}`, kind: sp.kind, level: sp.level, lead, text: t, tail, marks, look: marks.map((m) => `${m.key}@${m.start}-${m.end}:${m.message}`).join('\n') });
    from = to;
  });
  return pieces;
}

type PieceProps = { piece: Piece; look: string; active: string | null; onSelect: (key: string) => void };

/** One piece: drawn again only when its text, its marks or whether it holds the active finding change. */
const PieceView = memo(
  function PieceView({ piece, active, onSelect }: PieceProps) {
    const { text, marks, lead, tail } = piece;
    const parts: ReactNode[] = [];
    // what lies between blocks is in the page (so the text is whole), but not shown: the layout shows it
    if (lead) parts.push(<span key="lead" className="lead" hidden>{lead}</span>);
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
    if (tail) parts.push(<span key="tail" className="lead" hidden>{tail}</span>);
    if (piece.kind === 'heading') {
      // the draft's own headings sit below the view's heading (its file name, an h2)
      const Tag = `h${Math.min(6, piece.level + 2)}` as 'h3';
      return <Tag className={`piece doc-heading doc-heading-${Math.min(piece.level, 4)}`}>{parts}</Tag>;
    }
    if (piece.kind === 'list-item') return <li className="piece doc-item">{parts}</li>;
    return <p className={`piece doc-${piece.kind}`}>{parts}</p>;
  },
  (a, b) => a.piece.key === b.piece.key && a.look === b.look && a.active === b.active && a.onSelect === b.onSelect,
);

/**
 * The draft as text, with findings marked, laid out as its headings, paragraphs and lists. Built from text
 * nodes only: the document is never HTML. Each piece is its own element, so a long draft lays out and redraws
 * only the pieces an edit touches.
 */
export const DocumentView = memo(function DocumentView({ text, blocks, findings, keys, active, onSelect }: { text: string; blocks: readonly Block[]; findings: readonly Finding[]; keys: readonly string[]; active: string | null; onSelect: (key: string) => void }) {
  const pieces = useMemo(() => piecesOf(text, blocks, findings, keys), [text, blocks, findings, keys]);
  const out: ReactNode[] = [];
  for (let k = 0; k < pieces.length; ) {
    const view = (p: Piece) => <PieceView key={p.key} piece={p} look={p.look} active={active !== null && p.marks.some((m) => m.key === active) ? active : null} onSelect={onSelect} />;
    if (pieces[k]!.kind !== 'list-item') {
      out.push(view(pieces[k++]!));
      continue;
    }
    // consecutive list items are one list
    const items: ReactNode[] = [];
    const first = pieces[k]!.key;
    while (k < pieces.length && pieces[k]!.kind === 'list-item') items.push(view(pieces[k++]!));
    out.push(
      <ul key={`list-${first}`} className="doc-list">
        {items}
      </ul>,
    );
  }
  return (
    <div className="document" data-testid="document-text" aria-label="Draft text">
      {out}
    </div>
  );
});
