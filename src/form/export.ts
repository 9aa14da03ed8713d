/**
 * "Form-ready" text: one block per form question, in the form's order, each within the box limit, ready to
 * paste box by box; as plain text and as a Word document. An answer longer than a box is split at paragraph
 * (or, failing that, sentence) boundaries into numbered parts, with a note; no text is dropped.
 */
import { Document as DocxDocument, HeadingLevel, Packer, Paragraph, TextRun } from 'docx';
import type { FormMapping } from './map.js';

export interface FormBox {
  section: string;
  sectionTitle: string;
  question: string;
  title: string;
  /** 1-based part and count when an answer had to be split to fit the box. */
  part: number;
  parts: number;
  text: string;
  confidence: number;
}

/** Splits text into pieces of at most `limit` characters at paragraph, then sentence, then word boundaries. */
export function splitToLimit(text: string, limit: number): string[] {
  if (text.length <= limit) return [text];
  const out: string[] = [];
  let cur = '';
  const push = (piece: string, sep: string) => {
    if (!cur) cur = piece;
    else if (cur.length + sep.length + piece.length <= limit) cur += sep + piece;
    else {
      out.push(cur);
      cur = piece;
    }
  };
  for (const para of text.split(/\n{2,}/)) {
    if (para.length <= limit) {
      push(para, '\n\n');
      continue;
    }
    for (const sent of para.split(/(?<=[.!?])\s+/)) {
      if (sent.length <= limit) push(sent, ' ');
      else for (let i = 0; i < sent.length; i += limit) push(sent.slice(i, i + limit), '');
    }
  }
  if (cur) out.push(cur);
  return out;
}

export function formBoxes(mapping: FormMapping, limit: number): FormBox[] {
  return mapping.sections.flatMap((s) =>
    s.questions.flatMap((q) => {
      const pieces = splitToLimit(q.text, limit);
      return pieces.map((text, i) => ({ section: s.id, sectionTitle: s.title, question: q.id, title: q.title, part: i + 1, parts: pieces.length, text, confidence: q.confidence }));
    }),
  );
}

const partNote = (b: FormBox, limit: number) => (b.parts > 1 ? ` (part ${b.part} of ${b.parts}: a box holds ${limit.toLocaleString('en-GB')} characters, so shorten this answer or upload the rest as a document)` : '');

export interface FormTextOptions {
  /** The file's name. */
  title: string;
  limit: number;
  /** The draft's own title line, which answers no question: kept at the top, outside the boxes. */
  draftTitle?: string;
}

const titleNote = (t: string) => `The draft's title (not part of any answer): ${t}`;

export function formText(boxes: readonly FormBox[], opts: FormTextOptions): string {
  const lines = [`Form-ready text: ${opts.title}`, 'One block per question of the online NRM form, in its order. Check each answer before pasting it.', ...(opts.draftTitle ? [titleNote(opts.draftTitle)] : []), ''];
  let section = '';
  for (const b of boxes) {
    if (b.section !== section) {
      section = b.section;
      lines.push(`=== ${b.sectionTitle} ===`, '');
    }
    lines.push(`--- ${b.title}${partNote(b, opts.limit)} [${b.text.length} characters; placed with ${Math.round(b.confidence * 100)}% confidence] ---`, b.text, '');
  }
  return lines.join('\n');
}

export async function formDocx(boxes: readonly FormBox[], opts: FormTextOptions): Promise<Uint8Array> {
  const body: Paragraph[] = [
    new Paragraph({ heading: HeadingLevel.TITLE, children: [new TextRun(`Form-ready text: ${opts.title}`)] }),
    new Paragraph({ children: [new TextRun({ text: 'One block per question of the online NRM form, in its order. Check each answer before pasting it.', italics: true })] }),
    ...(opts.draftTitle ? [new Paragraph({ children: [new TextRun(titleNote(opts.draftTitle))] })] : []),
  ];
  let section = '';
  for (const b of boxes) {
    if (b.section !== section) {
      section = b.section;
      body.push(new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun(b.sectionTitle)] }));
    }
    body.push(new Paragraph({ heading: HeadingLevel.HEADING_2, children: [new TextRun(`${b.title}${partNote(b, opts.limit)}`)] }));
    body.push(new Paragraph({ children: [new TextRun({ text: `${b.text.length} characters; placed with ${Math.round(b.confidence * 100)}% confidence`, italics: true, size: 18 })] }));
    for (const para of b.text.split(/\n+/)) body.push(new Paragraph({ children: [new TextRun(para)] }));
  }
  const doc = new DocxDocument({ creator: 'NRM Referral Checker', title: `Form-ready text: ${opts.title}`, sections: [{ children: body }] });
  return Packer.toBuffer(doc);
}
