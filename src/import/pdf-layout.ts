/**
 * Rebuilds the document model from positioned PDF text: lines from items on one baseline, paragraphs from
 * vertical gaps, headings from larger type, list items from bullet glyphs, two-column table rows as
 * "Label: value"; headers, footers and page numbers repeated across pages are dropped and hyphenation at
 * line ends is undone. Pure: no pdfjs here.
 */
import type { Block, BlockKind, Document } from '../document/model.js';
import { normalizeText } from '../document/normalize.js';

export interface PdfItem {
  s: string;
  x: number;
  y: number;
  w: number;
  h: number;
  /** pdfjs's end-of-line mark after this item. */
  eol?: boolean;
}

export interface PdfPage {
  num: number;
  width: number;
  height: number;
  items: PdfItem[];
}

interface Line {
  page: number;
  y: number;
  x: number;
  h: number;
  cells: { x: number; text: string }[];
  bullet: boolean;
}

const BULLET = /^[\u2022\u25aa\u25cf\u25e6\u2023\u2043\u2219\uf0b7\uf0a7\uf0d8\uf076\u00b7▪•◦-]$/;
const PAGE_NUMBER = /^(?:page\s*)?\d{1,4}(?:\s*(?:of|\/)\s*\d{1,4})?$|^-\s*\d{1,4}\s*-$/i;

/** Lines in content-stream order (which keeps table cells and columns together, unlike sorting by position). */
function toLines(page: PdfPage): Line[] {
  const rows: PdfItem[][] = [];
  let breakNext = true;
  for (const it of page.items) {
    if (it.s === '' && it.eol) {
      breakNext = true;
      continue;
    }
    if (!it.s.trim() && it.w <= 0) continue;
    const row = rows[rows.length - 1];
    const ref = row?.find((r) => r.s.trim());
    const sameBaseline = ref ? Math.abs(ref.y - it.y) <= Math.max(2, 0.35 * Math.max(ref.h, it.h)) : true;
    // a table row whose label sits lower than its value (vertically centred in a taller cell): the value
    // follows the label in the content stream with no line end between, well to its right
    const last = row?.filter((r) => r.s.trim()).pop();
    const sameRow = Boolean(ref && last && !breakNext && it.s.trim() && it.x > last.x + last.w + Math.max(ref.h, it.h) && Math.abs(ref.y - it.y) <= 1.6 * Math.max(ref.h, it.h));
    if (row && !breakNext && (sameBaseline || sameRow)) row.push(it);
    else if (row && !ref && sameBaseline) row.push(it);
    else rows.push([it]);
    breakNext = Boolean(it.eol);
  }
  // Where lines start, page-wide: a table's value column is where its wrapped values start, so a value that
  // sits close to a long label ("Referring organisation  Migrant workers' advice project") still starts a cell.
  const starts = new Map<number, number>();
  for (const row of rows) {
    const first = row.find((i) => i.s.trim());
    if (first) starts.set(Math.round(first.x), (starts.get(Math.round(first.x)) ?? 0) + 1);
  }
  const column = (x: number) => [-1, 0, 1].some((d) => (starts.get(Math.round(x) + d) ?? 0) >= 3);
  const lines: Line[] = [];
  for (const row of rows) {
    const textItems = row.filter((i) => i.s.trim());
    if (!textItems.length) continue;
    const h = Math.max(...textItems.map((i) => i.h));
    const cells: { x: number; text: string }[] = [];
    let end = -Infinity;
    for (const it of textItems) {
      const gap = it.x - end;
      const cell = cells[cells.length - 1];
      const atColumn = cell !== undefined && gap > 0.4 * h && it.x - cell.x > 4 * h && column(it.x);
      if (!cell || gap > 2.2 * h || gap < -2 * h || atColumn) cells.push({ x: it.x, text: it.s });
      else cell.text += (gap > 0.15 * h && !/\s$/.test(cell.text) && !/^\s/.test(it.s) ? ' ' : '') + it.s;
      end = it.x + it.w;
    }
    let bullet = false;
    if (cells.length > 1 && BULLET.test(cells[0]!.text.trim())) {
      bullet = true;
      cells.shift();
    } else if (/^[•▪◦\uf0b7]\s+/.test(cells[0]!.text)) {
      bullet = true;
      cells[0]!.text = cells[0]!.text.replace(/^[•▪◦\uf0b7]\s+/, '');
      // The bullet glyph and its text merged into one cell: the text, and its continuation lines, start at
      // the item after the glyph.
      if (BULLET.test(textItems[0]!.s.trim()) && textItems[1]) cells[0]!.x = textItems[1].x;
    }
    for (const c of cells) c.text = c.text.replace(/\s+/g, ' ').trim();
    lines.push({ page: page.num, y: row[0]!.y, x: cells[0]!.x, h, cells, bullet });
  }
  return lines;
}

function mode(values: number[]): number {
  const counts = new Map<number, number>();
  for (const v of values) counts.set(Math.round(v * 2) / 2, (counts.get(Math.round(v * 2) / 2) ?? 0) + 1);
  let best = values[0] ?? 10;
  let n = 0;
  for (const [v, c] of counts) if (c > n) [best, n] = [v, c];
  return best;
}

/** Drops lines that repeat near the top or bottom of most pages, and page numbers there. */
function dropRunningLines(pages: PdfPage[], lines: Line[]): Line[] {
  if (pages.length < 2) return lines.filter((l) => !(PAGE_NUMBER.test(l.cells.map((c) => c.text).join(' ')) && inMargin(pages, l)));
  const key = (l: Line) => l.cells.map((c) => c.text).join(' ').replace(/\d+/g, '#').toLowerCase();
  const seen = new Map<string, Set<number>>();
  for (const l of lines) if (inMargin(pages, l)) seen.set(key(l), (seen.get(key(l)) ?? new Set()).add(l.page));
  return lines.filter((l) => {
    if (!inMargin(pages, l)) return true;
    const text = l.cells.map((c) => c.text).join(' ');
    if (PAGE_NUMBER.test(text)) return false;
    const n = seen.get(key(l))?.size ?? 0;
    return !(n >= 2 && n >= pages.length / 2);
  });
}

function inMargin(pages: PdfPage[], l: Line): boolean {
  const p = pages[l.page - 1]!;
  return l.y > p.height * 0.9 || l.y < p.height * 0.1;
}

interface Draft {
  kind: BlockKind;
  level?: number;
  page: number;
  parts: string[];
  /** x of continuation lines (value column of a table row, text after a bullet). */
  indent?: number;
  label?: string;
  /** x of the label column, for a labelled table row. */
  labelX?: number;
}

/**
 * Labels of the form and of drafts' usual table rows: a one-cell line in the label column of a table that
 * starts with one is a row whose label and value ran together ("Date of encounter 16 April 2025").
 */
const ROW_LABEL = /^((?:full )?name|date of birth|dob|age|gender|sex|nationality|languages?|interpreter|(?:current |home )?address|lives with|phone|telephone|email|date(?: of (?:encounter|referral|draft|visit|arrival))?|time|location|place|travel|route|base|organisation|referrer|referring officer|referred by|role|school|education|occupation|employment|immigration status|status|(?:crime )?reference|police force|consent|outcome|plan|health|medical|family|background|indicators|concerns|risks?|safeguarding|next steps|encounter|source|payment|meeting|debt|control|threats|money)(?::\s*|\s+)(\S.*)$/i;

/** Short words with no sentence end: what a label cell holds ("How encountered", "Control and threats"). */
function isLabel(text: string): boolean {
  return text.split(' ').length <= 6 && !/[.!?,;]$/.test(text) && /^\p{Lu}/u.test(text);
}

export function layoutToDocument(pages: PdfPage[]): Document {
  const lines = dropRunningLines(pages, pages.flatMap(toLines));
  const body = mode(lines.flatMap((l) => Array(Math.max(1, l.cells.reduce((n, c) => n + c.text.length, 0) >> 4)).fill(l.h)));
  const gaps: number[] = [];
  for (let i = 1; i < lines.length; i++) {
    const a = lines[i - 1]!;
    const b = lines[i]!;
    if (a.page === b.page && Math.abs(a.h - body) < 0.6 && Math.abs(b.h - body) < 0.6 && a.y - b.y < 2.2 * body) gaps.push(a.y - b.y);
  }
  const spacing = gaps.length ? gaps.sort((x, y) => x - y)[Math.floor(gaps.length / 2)]! : body * 1.3;
  const drafts: Draft[] = [];
  let prev: Line | undefined;
  for (const l of lines) {
    const text = l.cells.map((c) => c.text).join(' ');
    const cur = drafts[drafts.length - 1];
    const gap = prev && prev.page === l.page ? prev.y - l.y : undefined;
    const heading = l.h > body * 1.12 && text.length < 140 && l.cells.length === 1;
    const close = gap !== undefined && gap <= spacing * 1.3;
    const pageBreakContinues = prev && prev.page !== l.page && cur?.kind === 'paragraph' && !/[.!?:"”)]$/.test(cur.parts[cur.parts.length - 1] ?? '');
    if (heading) {
      if (cur?.kind === 'heading' && close && Math.abs(prev!.h - l.h) < 0.6) cur.parts.push(text);
      else drafts.push({ kind: 'heading', level: l.h > body * 1.3 ? 1 : 2, page: l.page, parts: [text] });
    } else if (l.bullet) {
      drafts.push({ kind: 'list-item', page: l.page, parts: [text], indent: l.x });
    } else if (l.cells.length >= 2) {
      const label = l.cells.length === 2 && l.cells[0]!.text.split(' ').length <= 6 ? l.cells[0]!.text.replace(/:$/, '') : undefined;
      drafts.push({ kind: 'table-cell', page: l.page, parts: [label ? l.cells[1]!.text : l.cells.map((c) => c.text).join('\t')], indent: l.cells[label ? 1 : 0]!.x, label, ...(label ? { labelX: l.cells[0]!.x } : {}) });
    } else if (cur?.kind === 'paragraph' && cur.parts.length === 1 && prev && prev.page === l.page && prev.cells.length === 1 && l.cells.length === 1 && l.y >= prev.y - 0.5 * body && l.x > prev.x + 3 * body && isLabel(cur.parts[0]!)) {
      // a label cell vertically centred beside a value that starts higher up: the value's lines follow the label
      // in the stream, at the value column ("How encountered" beside three lines of its answer)
      drafts[drafts.length - 1] = { kind: 'table-cell', page: l.page, parts: [text], indent: l.x, label: cur.parts[0]!.replace(/:$/, ''), labelX: prev.x };
    } else if (cur?.labelX !== undefined && cur.page === l.page && Math.abs(l.x - cur.labelX) < 3 && ROW_LABEL.test(text) && !/^(?:and|or|&|of|to|for)\b/i.test(ROW_LABEL.exec(text)![2]!)) {
      // the next row of the table, its label cell run into its value
      const [, label, value] = ROW_LABEL.exec(text)!;
      drafts.push({ kind: 'table-cell', page: l.page, parts: [value!], indent: cur.indent, label: label!, labelX: cur.labelX });
    } else if (cur && cur.kind !== 'heading' && ((close && (cur.indent === undefined || Math.abs(l.x - cur.indent) < 3)) || pageBreakContinues)) {
      cur.parts.push(text);
    } else {
      drafts.push({ kind: 'paragraph', page: l.page, parts: [text] });
    }
    prev = l;
  }
  let out = '';
  const blocks: Block[] = [];
  for (const d of drafts) {
    const joined = joinLines(d.parts);
    if (!joined) continue;
    const sep = !out ? '' : d.kind === 'table-cell' && blocks[blocks.length - 1]?.kind === 'table-cell' ? '\n' : '\n\n';
    out += sep;
    if (d.label) {
      blocks.push({ kind: 'table-cell', start: out.length, end: out.length + d.label.length, page: d.page });
      out += d.label + ': ';
    }
    const start = out.length;
    out += joined;
    blocks.push({ kind: d.kind, start, end: out.length, page: d.page, ...(d.level ? { level: d.level } : {}) });
  }
  const text = normalizeText(out);
  return { text, blocks: text.length === out.length ? blocks : rebuild(text, out, blocks) };
}

/** Joins the lines of one block, undoing hyphenation at a line end ("exploi-" + "tation"). */
function joinLines(parts: string[]): string {
  let s = '';
  for (const p of parts) {
    if (!s) s = p;
    else if (/\p{L}-$/u.test(s) && /^\p{Ll}/u.test(p)) s = s.slice(0, -1) + p;
    else s += ' ' + p;
  }
  return s.trim();
}

/** Normalisation removed characters: locate each block's text again in the normalised text. */
function rebuild(text: string, raw: string, blocks: Block[]): Block[] {
  let from = 0;
  return blocks.flatMap((b) => {
    const piece = normalizeText(raw.slice(b.start, b.end));
    const at = text.indexOf(piece, from);
    if (at < 0) return [];
    from = at + piece.length;
    return [{ ...b, start: at, end: at + piece.length }];
  });
}
