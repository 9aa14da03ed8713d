/**
 * Turns the small, well-formed HTML subset mammoth writes (h1-h6, p, ul/ol/li, table/tr/td, inline tags,
 * footnote lists) into the document model. Text is decoded from entities and never interpreted as markup
 * anywhere else. A two-column row reads "Label: value", so label tables work like labelled lines.
 */
import type { Block, BlockKind, Document } from '../document/model.js';
import { normalizeText } from '../document/normalize.js';

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

function decode(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (m, e: string) => {
    if (e[0] === '#') return String.fromCodePoint(e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10));
    return ENTITIES[e.toLowerCase()] ?? m;
  });
}

interface Unit {
  kind: BlockKind;
  level?: number;
  text: string;
}

/** Block-level units in document order. */
function units(html: string): { units: Unit[]; rows: number[][] } {
  const out: Unit[] = [];
  const rows: number[][] = [];
  let row: number[] | null = null;
  let cur: Unit | null = null;
  const listStack: string[] = [];
  let cellDepth = 0;
  const re = /<(\/?)([a-z0-9]+)([^>]*)>|([^<]+)/gi;
  let m: RegExpExecArray | null;
  const open = (kind: BlockKind, level?: number) => {
    if (cur && cur.text.trim()) out.push(cur);
    cur = { kind, level, text: '' };
  };
  const close = () => {
    if (cur && cur.text.trim()) {
      out.push(cur);
      if (row && cur.kind === 'table-cell') row.push(out.length - 1);
    }
    cur = null;
  };
  while ((m = re.exec(html)) !== null) {
    if (m[4] !== undefined) {
      if (!cur) cur = { kind: cellDepth ? 'table-cell' : listStack.length ? 'list-item' : 'paragraph', text: '' };
      cur.text += decode(m[4]);
      continue;
    }
    const closing = m[1] === '/';
    const tag = m[2]!.toLowerCase();
    const attrs = m[3] ?? '';
    if (/^h[1-6]$/.test(tag)) {
      if (closing) close();
      else open('heading', Number(tag[1]));
    } else if (tag === 'p') {
      if (closing) {
        if (!cellDepth) close();
        else if (cur) cur.text += '\n';
      } else if (!cellDepth && !(listStack.length && cur)) open(listStack.length ? 'list-item' : 'paragraph');
    } else if (tag === 'li') {
      if (closing) close();
      else open('list-item');
    } else if (tag === 'ul' || tag === 'ol') {
      if (closing) listStack.pop();
      else {
        close();
        listStack.push(tag);
      }
    } else if (tag === 'td' || tag === 'th') {
      if (closing) {
        cellDepth--;
        close();
      } else {
        close();
        cellDepth++;
        cur = { kind: 'table-cell', text: '' };
      }
    } else if (tag === 'tr') {
      if (closing) {
        if (row && row.length) rows.push(row);
        row = null;
      } else row = [];
    } else if (tag === 'br') {
      if (cur) cur.text += '\n';
    } else if (tag === 'a' && /href="#(?:footnote|endnote)-\d/.test(attrs)) {
      // a footnote reference "[1]" in the body: the note itself follows at the end
      const end = html.indexOf('</a>', re.lastIndex);
      if (end > 0) re.lastIndex = end + 4;
    } else if (tag === 'a' && /href="#(?:footnote|endnote)-ref-/.test(attrs)) {
      // the "↑" link back from a footnote: skip its text
      const end = html.indexOf('</a>', re.lastIndex);
      if (end > 0) re.lastIndex = end + 4;
    }
  }
  close();
  return { units: out, rows };
}

export function htmlToDocument(html: string): Document {
  const { units: list, rows } = units(html);
  const rowOf = new Map<number, number[]>();
  for (const r of rows) for (const i of r) rowOf.set(i, r);
  let text = '';
  const blocks: Block[] = [];
  list.forEach((u, i) => {
    const body = normalizeText(u.text).replace(/[ \t\u00a0]+/g, (s) => (s.includes('\u00a0') ? s : ' ')).replace(/\n+$/, '').trim();
    if (!body) return;
    const row = rowOf.get(i);
    const pos = row ? row.indexOf(i) : -1;
    let sep = text ? '\n\n' : '';
    if (row && pos > 0) sep = row.length === 2 ? ': ' : '\t';
    else if (row && text) sep = '\n';
    // a label cell in bold reads "Label" — drop a trailing colon so "Label: value" has one
    const shown = row && row.length === 2 && pos === 0 ? body.replace(/:\s*$/, '') : body;
    text += sep;
    const start = text.length;
    text += shown;
    blocks.push({ kind: u.kind, start, end: text.length, ...(u.level ? { level: u.level } : {}) });
  });
  return { text, blocks };
}
