/**
 * A small, dependency-free PDF writer for text reports: A4 pages, Helvetica, word wrap, WinAnsi encoding.
 * Made offline; enough for a readable report that any PDF reader opens.
 */
const A4 = { w: 595.28, h: 841.89 };
const MARGIN = 50;

// Characters outside Latin-1 that Windows-1252 (WinAnsiEncoding) has.
const WIN: Record<string, number> = { '€': 0x80, '‚': 0x82, 'ƒ': 0x83, '„': 0x84, '…': 0x85, '†': 0x86, '‡': 0x87, 'ˆ': 0x88, '‰': 0x89, 'Š': 0x8a, '‹': 0x8b, 'Œ': 0x8c, 'Ž': 0x8e, '‘': 0x91, '’': 0x92, '“': 0x93, '”': 0x94, '•': 0x95, '–': 0x96, '—': 0x97, '˜': 0x98, '™': 0x99, 'š': 0x9a, '›': 0x9b, 'œ': 0x9c, 'ž': 0x9e, 'Ÿ': 0x9f, '−': 0x2d };

function encode(s: string): string {
  let hex = '';
  for (const ch of s.normalize('NFC')) {
    const c = ch.codePointAt(0)!;
    const b = WIN[ch] ?? (c < 0x80 || (c >= 0xa0 && c <= 0xff) ? c : 0x3f);
    hex += b.toString(16).padStart(2, '0');
  }
  return `<${hex}>`;
}

/** Approximate Helvetica advance width (average glyph widths by class). */
function width(s: string, size: number, bold: boolean): number {
  let w = 0;
  for (const ch of s) w += /[il.,;:'’|!]/.test(ch) ? 0.28 : /[mwMW]/.test(ch) ? 0.83 : /[A-Z]/.test(ch) ? 0.67 : ch === ' ' ? 0.28 : 0.55;
  return w * size * (bold ? 1.05 : 1);
}

function wrap(text: string, size: number, bold: boolean, max: number): string[] {
  const lines: string[] = [];
  let cur = '';
  for (const word of text.split(/\s+/)) {
    const next = cur ? `${cur} ${word}` : word;
    if (width(next, size, bold) > max && cur) {
      lines.push(cur);
      cur = word;
    } else cur = next;
  }
  if (cur) lines.push(cur);
  return lines.length ? lines : [''];
}

export function textPdf(items: { text: string; size?: number; bold?: boolean; gap?: number }[], title = 'Report'): Uint8Array {
  const pages: string[] = [];
  let ops = '';
  let y = A4.h - MARGIN;
  const newPage = () => {
    if (ops) pages.push(ops);
    ops = '';
    y = A4.h - MARGIN;
  };
  for (const it of items) {
    const size = it.size ?? 11;
    const bold = it.bold ?? false;
    y -= it.gap ?? 0;
    for (const line of wrap(it.text, size, bold, A4.w - 2 * MARGIN)) {
      if (y - size * 1.35 < MARGIN) newPage();
      y -= size * 1.35;
      ops += `BT /${bold ? 'F2' : 'F1'} ${size} Tf ${MARGIN} ${y.toFixed(2)} Td ${encode(line)} Tj ET\n`;
    }
  }
  newPage();
  const objects: string[] = [];
  const add = (body: string) => objects.push(body);
  add('<< /Type /Catalog /Pages 2 0 R >>');
  add(''); // pages, filled below
  add('<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>');
  add('<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold /Encoding /WinAnsiEncoding >>');
  add(`<< /Title ${encode(title)} /Producer (NRM Referral Checker) >>`);
  const kids: number[] = [];
  for (const content of pages) {
    const stream = Buffer.from(content, 'latin1');
    add(`<< /Length ${stream.length} >>\nstream\n${content}endstream`);
    const contentRef = objects.length;
    add(`<< /Type /Page /Parent 2 0 R /MediaBox [0 0 ${A4.w} ${A4.h}] /Resources << /Font << /F1 3 0 R /F2 4 0 R >> >> /Contents ${contentRef} 0 R >>`);
    kids.push(objects.length);
  }
  objects[1] = `<< /Type /Pages /Kids [${kids.map((k) => `${k} 0 R`).join(' ')}] /Count ${kids.length} >>`;
  let out = '%PDF-1.4\n%\u00e2\u00e3\u00cf\u00d3\n';
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(Buffer.byteLength(out, 'latin1'));
    out += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = Buffer.byteLength(out, 'latin1');
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R /Info 5 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, 'latin1');
}
