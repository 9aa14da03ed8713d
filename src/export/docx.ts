/**
 * Cleaned DOCX with the `docx` package: the imported structure (headings, paragraphs, list items, table rows)
 * with the accepted changes applied, either clean or as real Word revisions (deletion plus insertion, with
 * author and date) a reviewer can accept or reject. Optionally open findings as comments and an appendix of
 * missing elements.
 */
import {
  CommentRangeEnd,
  CommentRangeStart,
  CommentReference,
  DeletedTextRun,
  Document as DocxDocument,
  HeadingLevel,
  InsertedTextRun,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
  type ParagraphChild,
} from 'docx';
import type { Block, Document } from '../document/model.js';
import { applySuggestions, type Change, type Edit } from '../rewrite/apply.js';

export interface DocxExportOptions {
  mode: 'clean' | 'tracked';
  author?: string;
  date?: Date;
  /** Open findings to attach as Word comments (offsets in the original text). */
  comments?: { start: number; end: number; text: string }[];
  /** Missing elements to list in an appendix. */
  appendix?: { element: string; question: string }[];
  /** The edits are exact (from a diff): apply them without tidying spaces or capitals. */
  literal?: boolean;
}

const HEADINGS = [HeadingLevel.HEADING_1, HeadingLevel.HEADING_2, HeadingLevel.HEADING_3, HeadingLevel.HEADING_4, HeadingLevel.HEADING_5, HeadingLevel.HEADING_6];

/** Text runs for a piece of text, turning newlines into line breaks. */
function runs(text: string): TextRun[] {
  return text.split('\n').map((t, i) => new TextRun({ text: t, ...(i ? { break: 1 } : {}) }));
}

export async function buildDocx(doc: Document, edits: Edit[], opts: DocxExportOptions): Promise<Buffer> {
  const applied = applySuggestions(doc.text, edits, { literal: opts.literal });
  const author = opts.author ?? 'NRM Referral Checker';
  const date = (opts.date ?? new Date()).toISOString();
  let revision = 1;
  const comments = (opts.comments ?? []).map((c, id) => ({ ...c, id }));

  const blockChildren = (b: Block): ParagraphChild[] => {
    const children: ParagraphChild[] = [];
    const marks = comments.filter((c) => c.end > b.start && c.end <= b.end).sort((x, y) => x.end - y.end);
    // Original text from `from` to `to`, with a comment anchored where a finding ends.
    const plain = (from: number, to: number) => {
      let p = from;
      for (const m of marks.filter((x) => x.end > from && x.end <= to)) {
        children.push(...runs(doc.text.slice(p, m.end)), new CommentRangeStart(m.id), new CommentRangeEnd(m.id), new TextRun({ children: [new CommentReference(m.id)] }));
        p = m.end;
      }
      if (to > p) children.push(...runs(doc.text.slice(p, to)));
    };
    const change = (c: Change) => {
      const before = doc.text.slice(c.start, c.end);
      const after = applied.text.slice(c.newStart, c.newEnd);
      if (opts.mode === 'clean') {
        if (after) children.push(...runs(after));
        return;
      }
      if (before) children.push(new DeletedTextRun({ text: before, id: revision++, author, date }));
      if (after) children.push(new InsertedTextRun({ text: after, id: revision++, author, date }));
    };
    let pos = b.start;
    for (const c of applied.changes.filter((x) => x.start >= b.start && x.end <= b.end)) {
      plain(pos, c.start);
      change(c);
      pos = c.end;
    }
    plain(pos, b.end);
    return children;
  };

  const body: (Paragraph | Table)[] = [];
  const blocks = doc.blocks;
  for (let i = 0; i < blocks.length; i++) {
    const b = blocks[i]!;
    if (b.kind === 'table-cell') {
      // Cells on one line of the text form one table row; consecutive rows form one table.
      const rows: Block[][] = [];
      while (i < blocks.length && blocks[i]!.kind === 'table-cell') {
        const cell = blocks[i]!;
        const row = rows[rows.length - 1];
        const sameLine = row && !doc.text.slice(row[row.length - 1]!.end, cell.start).includes('\n');
        if (sameLine) row.push(cell);
        else rows.push([cell]);
        i++;
      }
      i--;
      const width = Math.max(...rows.map((r) => r.length));
      body.push(
        new Table({
          width: { size: 100, type: WidthType.PERCENTAGE },
          rows: rows.map(
            (r) =>
              new TableRow({
                children: Array.from({ length: width }, (_, k) => new TableCell({ children: [new Paragraph({ children: r[k] ? blockChildren(r[k]) : [] })] })),
              }),
          ),
        }),
      );
      continue;
    }
    const children = blockChildren(b);
    if (b.kind === 'heading') body.push(new Paragraph({ heading: HEADINGS[Math.min(5, (b.level ?? 2) - 1)], children }));
    else if (b.kind === 'list-item') body.push(new Paragraph({ bullet: { level: 0 }, children }));
    else body.push(new Paragraph({ children }));
  }
  if (opts.appendix?.length) {
    body.push(new Paragraph({ heading: HeadingLevel.HEADING_2, children: [new TextRun('Still to add before submitting')] }));
    for (const m of opts.appendix) body.push(new Paragraph({ bullet: { level: 0 }, children: [new TextRun({ text: `${m.element}: `, bold: true }), new TextRun(m.question)] }));
  }
  const out = new DocxDocument({
    creator: author,
    title: 'Referral draft (checked)',
    features: { trackRevisions: opts.mode === 'tracked' },
    ...(comments.length ? { comments: { children: comments.map((c) => ({ id: c.id, author, initials: 'NRM', date: new Date(date), children: [new Paragraph(c.text)] })) } } : {}),
    sections: [{ children: body }],
  });
  return Packer.toBuffer(out);
}
