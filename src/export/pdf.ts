/**
 * The quality report as a PDF, written with pdf-lib and the DejaVu fonts embedded as subsets (pdf-fonts.ts):
 * the same content, in the same order, as the HTML report (report.ts). Text is wrapped with the fonts' real
 * widths, pages are A4 with margins and numbered, and each finding's sentence shows the flagged words bold,
 * highlighted and underlined, as <mark> does in the HTML. A character the fonts cannot show is drawn as a
 * placeholder and listed in a note at the top of the report, never dropped or turned into "?".
 */
import { PDFDocument, rgb, type PDFFont, type PDFPage, type RGB } from 'pdf-lib';
import fontkit from '@pdf-lib/fontkit';
import { labelOf } from '../engine/labels.js';
import { codePointName, drawable, fontOf, plain, PLACEHOLDER, type Face } from './pdf-fonts.js';
import type { ReportModel } from './report.js';

const A4 = { w: 595.28, h: 841.89 };
const MARGIN = { x: 56, top: 56, bottom: 64 };
const WIDTH = A4.w - 2 * MARGIN.x;
const INK = rgb(0.106, 0.106, 0.106);
const MUTED = rgb(0.314, 0.353, 0.373);
const RED = rgb(0.702, 0.149, 0.118);
const MARK = rgb(1, 0.867, 0); // #ffdd00, as <mark> in the HTML report
const SHADE = rgb(0.953, 0.949, 0.945);
const RULE = rgb(0.816, 0.816, 0.816);

/** A piece of text in one style. */
interface Span {
  text: string;
  bold?: boolean;
  size?: number;
  color?: RGB;
  mark?: boolean;
}

/** A paragraph: spans wrapped together, with space above it. */
interface Para {
  spans: Span[];
  gap?: number;
  indent?: number;
  shade?: boolean;
  rule?: boolean; // a thin line above (between findings)
}

/** Paragraphs kept on one page when they fit on one (a heading with what follows it, a whole finding). */
type Group = Para[];

const BODY = 11;
const SMALL = 9.5;

/** The report as groups of paragraphs, in the HTML report's order. */
function content(m: ReportModel): Group[] {
  const heading = (text: string): Para => ({ spans: [{ text, bold: true, size: 14 }], gap: 18 });
  const groups: Group[] = [
    [
      { spans: [{ text: 'Referral quality report', bold: true, size: 20 }] },
      { spans: [{ text: `${m.title} · checked ${m.generated}${m.masked ? ' · names masked' : ''}`, size: 10, color: MUTED }], gap: 4 },
      { spans: [{ text: m.subject }], gap: 6 },
    ],
    [
      { spans: [{ text: 'Score: ' }, { text: String(m.score), bold: true, size: 26 }, { text: '/100' }], gap: 10, indent: 10, shade: true },
      ...m.breakdown.map((p): Para => ({ spans: [{ text: `• ${p.label}: ${p.points ? `−${p.points}` : '0'}`, size: 10 }], gap: 0, indent: 10, shade: true })),
      { spans: [{ text: ' ', size: 4 }], gap: 0, shade: true },
    ],
  ];
  const missing: Group = [heading(`Missing elements (${m.missing.length})`)];
  if (!m.missing.length) missing.push({ spans: [{ text: 'Every element a referral needs is there.' }], gap: 6 });
  groups.push(missing);
  m.missing.forEach((x, i) => {
    const item: Para[] = [
      { spans: [{ text: `${labelOf(x.element)}: `, bold: true }, { text: x.message }], gap: 8 },
      { spans: [{ text: `Ask: ${x.question}`, size: SMALL, color: MUTED }], gap: 2 },
    ];
    if (i === 0) missing.push(...item);
    else groups.push(item);
  });
  const findings: Group = [heading(`Findings (${m.findings.length})`)];
  if (!m.findings.length) findings.push({ spans: [{ text: 'No language problems found.' }], gap: 6 });
  groups.push(findings);
  m.findings.forEach((f, i) => {
    const runs = f.sentence.length ? f.sentence : [{ text: f.excerpt, marked: true }];
    const item: Para[] = [
      { spans: [{ text: `${i + 1}. ${labelOf(f.category)}`, bold: true }, { text: ' · ' }, { text: f.severity, bold: f.severity === 'error', color: f.severity === 'error' ? RED : MUTED }], gap: 10, rule: i > 0 },
      { spans: [{ text: '“' }, ...runs.map((r): Span => ({ text: r.text, ...(r.marked ? { bold: true, mark: true } : {}) })), { text: '”' }], gap: 4 },
      { spans: [{ text: f.message }], gap: 4 },
      { spans: [{ text: 'Decision: ' }, { text: f.decision, bold: true }], gap: 4 },
      { spans: [{ text: `${f.rationale} Source: ${f.source}.`, size: SMALL, color: MUTED }], gap: 4 },
    ];
    if (i === 0) findings.push(...item);
    else groups.push(item);
  });
  groups.push([{ spans: [{ text: 'Made offline by NRM Referral Checker. The competent authority decides every case; this report is about the wording of the draft.', size: SMALL, color: MUTED }], gap: 20 }]);
  return groups;
}

/** One laid-out line: pieces placed left to right from the paragraph's indent. */
interface Line {
  pieces: { text: string; span: Span; width: number }[];
  size: number; // the largest font size on the line
}

const faceOf = (s: Span): Face => (s.bold ? 'bold' : 'regular');
const lineHeight = (size: number) => size * 1.4;

/** Wraps a paragraph's spans to `width` at spaces, with each font's own advance widths. */
function wrap(spans: readonly Span[], width: number, fonts: Record<Face, PDFFont>): Line[] {
  type Piece = Line['pieces'][number];
  const measure = (text: string, span: Span): Piece => ({ text, span, width: fonts[faceOf(span)].widthOfTextAtSize(text, span.size ?? BODY) });
  // words: runs of non-space pieces (a word can cross spans: "claims" marked, "," not), each with the space after it
  const words: { pieces: Piece[]; space?: Piece }[] = [{ pieces: [] }];
  for (const span of spans) {
    for (const part of span.text.split(/( )/)) {
      const last = words[words.length - 1]!;
      if (part === ' ') {
        if (last.pieces.length) words.push({ pieces: [] });
        last.space ??= measure(' ', span);
      } else if (part) last.pieces.push(measure(part, span));
    }
  }
  const lines: Line[] = [];
  let line: Piece[] = [];
  let x = 0;
  const flush = () => {
    if (line[line.length - 1]?.text === ' ') line.pop();
    if (line.length) lines.push({ pieces: line, size: Math.max(...line.map((p) => p.span.size ?? BODY)) });
    line = [];
    x = 0;
  };
  const place = (p: Piece) => {
    line.push(p);
    x += p.width;
  };
  for (const word of words) {
    if (x > 0 && x + word.pieces.reduce((a, p) => a + p.width, 0) > width) flush();
    for (const p of word.pieces) {
      if (p.width <= width) place(p);
      else
        for (const ch of p.text) {
          // a word wider than the line is broken between characters
          const c = measure(ch, p.span);
          if (x > 0 && x + c.width > width) flush();
          place(c);
        }
    }
    if (word.space && word.pieces.length) place(word.space);
  }
  flush();
  return lines;
}

/** Adjacent pieces in the same style drawn as one string (smaller files, text that extracts as written). */
function merged(pieces: Line['pieces']): Line['pieces'] {
  const out: Line['pieces'] = [];
  for (const p of pieces) {
    const last = out[out.length - 1];
    if (last && last.span === p.span) out[out.length - 1] = { text: last.text + p.text, span: p.span, width: last.width + p.width };
    else out.push(p);
  }
  return out;
}

/** The report model as PDF bytes (A4, DejaVu Sans subsets embedded, title in the document's properties). */
export async function reportPdf(m: ReportModel): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  doc.registerFontkit(fontkit);
  const fonts: Record<Face, PDFFont> = {
    regular: await doc.embedFont(fontOf('regular').bytes, { subset: true }),
    bold: await doc.embedFont(fontOf('bold').bytes, { subset: true }),
  };
  const title = `Referral quality report: ${m.title}`;
  doc.setTitle(title, { showInWindowTitleBar: true });
  doc.setLanguage('en-GB');
  doc.setCreator('NRM Referral Checker');
  doc.setProducer('NRM Referral Checker');

  // every string as the fonts can draw it; what they cannot is listed at the top
  const unshown = new Set<string>();
  const groups = content(m).map((g) => g.map((p) => ({ ...p, spans: p.spans.map((s) => ({ ...s, text: drawable(plain(s.text), faceOf(s), unshown) })) })));
  if (unshown.size) {
    const list = [...unshown].map(codePointName).join(', ');
    const note = `Some characters cannot be shown in this PDF's font and are printed as ${PLACEHOLDER}: ${list}. The HTML report shows them as written.`;
    groups[0]!.push({ spans: [{ text: note, bold: true, size: 10, color: RED }], gap: 6 });
  }

  const laid = groups.map((g) => g.map((p) => ({ para: p, lines: wrap(p.spans, WIDTH - 2 * (p.indent ?? 0), fonts) })));
  const heightOf = (p: { para: Para; lines: Line[] }) => (p.para.gap ?? 0) + p.lines.reduce((a, l) => a + lineHeight(l.size), 0);
  const pages: PDFPage[] = [];
  let page!: PDFPage;
  let y = 0;
  const newPage = () => {
    pages.push((page = doc.addPage([A4.w, A4.h])));
    y = A4.h - MARGIN.top;
  };
  newPage();
  for (const group of laid) {
    const h = group.reduce((a, p) => a + heightOf(p), 0);
    const room = y - MARGIN.bottom;
    if (h > room && h <= A4.h - MARGIN.top - MARGIN.bottom && y < A4.h - MARGIN.top) newPage();
    for (const { para, lines } of group) {
      const first = y === A4.h - MARGIN.top;
      const gap = first ? 0 : (para.gap ?? 0);
      if (para.shade) page.drawRectangle({ x: MARGIN.x, y: y - heightOf({ para, lines }), width: WIDTH, height: heightOf({ para, lines }), color: SHADE });
      y -= gap;
      if (para.rule && !first) page.drawLine({ start: { x: MARGIN.x, y: y + gap / 2 }, end: { x: A4.w - MARGIN.x, y: y + gap / 2 }, thickness: 0.5, color: RULE });
      for (const line of lines) {
        const lh = lineHeight(line.size);
        if (y - lh < MARGIN.bottom) newPage();
        const base = y - line.size * 1.05;
        let x = MARGIN.x + (para.indent ?? 0);
        for (const p of merged(line.pieces)) {
          const size = p.span.size ?? BODY;
          if (p.span.mark) {
            // highlighted and underlined, so the marked words still stand out printed in black and white
            page.drawRectangle({ x, y: base - size * 0.28, width: p.width, height: size * 1.22, color: MARK });
            page.drawLine({ start: { x, y: base - size * 0.14 }, end: { x: x + p.width, y: base - size * 0.14 }, thickness: size * 0.06, color: INK });
          }
          page.drawText(p.text, { x, y: base, size, font: fonts[faceOf(p.span)], color: p.span.color ?? INK });
          x += p.width;
        }
        y -= lh;
      }
    }
  }
  pages.forEach((p, i) => {
    const text = `Page ${i + 1} of ${pages.length}`;
    p.drawText(text, { x: A4.w - MARGIN.x - fonts.regular.widthOfTextAtSize(text, 8), y: MARGIN.bottom / 2, size: 8, font: fonts.regular, color: MUTED });
  });
  return doc.save();
}
