/**
 * The fonts of the PDF report: DejaVu Sans and Sans Bold from the dejavu-fonts-ttf package (Latin Extended,
 * Greek, Cyrillic and more), read from the installed package at run time so the bundled CLI, the hosts and the
 * app all find them. A character neither font can show is never swapped silently: it is drawn as PLACEHOLDER
 * and the report lists it (see pdf.ts), so a name in a script the fonts lack is visibly not printed.
 */
import fontkit, { type Font } from '@pdf-lib/fontkit';
import fs from 'node:fs';
import { createRequire } from 'node:module';

export type Face = 'regular' | 'bold';

const FILES: Record<Face, string> = { regular: 'dejavu-fonts-ttf/ttf/DejaVuSans.ttf', bold: 'dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf' };

/** Drawn in place of a character the fonts cannot show (both DejaVu faces have it). */
export const PLACEHOLDER = '□';

const loaded = new Map<Face, { bytes: Uint8Array; font: Font }>();

/** The font file's bytes and its parsed form (for glyph coverage), read once per process. */
export function fontOf(face: Face): { bytes: Uint8Array; font: Font } {
  let f = loaded.get(face);
  if (!f) {
    const bytes = new Uint8Array(fs.readFileSync(createRequire(import.meta.url).resolve(FILES[face])));
    loaded.set(face, (f = { bytes, font: fontkit.create(bytes) }));
  }
  return f;
}

/** Control characters go; any run of white space is one space (the report is laid out by its own rules). */
export function plain(s: string): string {
  return s.normalize('NFC').replace(/\p{Cc}+/gu, ' ').replace(/\s+/gu, ' ');
}

/**
 * `s` as `face` can draw it: each character the font has no glyph for becomes PLACEHOLDER and is added to
 * `unshown`. Invisible format characters (zero-width joiners, soft hyphens) the font lacks are left out, as a
 * reader would not see them either.
 */
export function drawable(s: string, face: Face, unshown: Set<string>): string {
  const { font } = fontOf(face);
  let out = '';
  for (const ch of s) {
    if (font.hasGlyphForCodePoint(ch.codePointAt(0)!)) out += ch;
    else if (/\p{Cf}/u.test(ch)) continue;
    else {
      unshown.add(ch);
      out += PLACEHOLDER;
    }
  }
  return out;
}

/** How a character is named in the report's note: its code point, as U+1200. */
export function codePointName(ch: string): string {
  return `U+${ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
}
