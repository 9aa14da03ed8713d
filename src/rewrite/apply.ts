/**
 * Applies chosen suggestions to a text and returns the new text with an offset map. Pure. Edits may not
 * overlap. A deletion also removes one neighbouring space (and a comma left dangling), and a sentence whose
 * first word was deleted gets its next word capitalised.
 */
export interface Edit {
  start: number;
  end: number;
  replacement: string;
}

export interface Change {
  /** Range in the old text. */
  start: number;
  end: number;
  /** Range in the new text. */
  newStart: number;
  newEnd: number;
}

export interface Applied {
  text: string;
  changes: Change[];
  /** Maps an offset in the old text to the new text (offsets inside a replaced range map to its start). */
  mapOffset: (offset: number) => number;
}

export class OverlapError extends Error {}

function widenDeletion(text: string, e: Edit): Edit {
  let { start, end } = e;
  // an aside with both its commas (", such as it is,") leaves the spaces around it as they are
  if (text[start] === ',' && text[end - 1] === ',' && end - start > 1) return e;
  const atSentenceStart = /(^|[.!?]["”’)]?\s+|\n\s*)$/.test(text.slice(Math.max(0, start - 4), start));
  if (text[end] === ' ') end++;
  else if (start > 0 && text[start - 1] === ' ') start--;
  else if (text[end] === ',' && text[end + 1] === ' ' && atSentenceStart) end += 2;
  if (start > 0 && text[start - 1] === ' ' && /^[.,;:!?]/.test(text.slice(end))) start--;
  return { start, end, replacement: '' };
}

/** `literal`: apply the edits exactly (no tidying of spaces or capitals), as for edits computed by a diff. */
export function applySuggestions(text: string, edits: readonly Edit[], opts: { literal?: boolean } = {}): Applied {
  const sorted = [...edits].sort((a, b) => a.start - b.start);
  for (let i = 1; i < sorted.length; i++) {
    if (sorted[i]!.start < sorted[i - 1]!.end) throw new OverlapError(`edits overlap at ${sorted[i]!.start}`);
  }
  let out = '';
  let pos = 0;
  const changes: Change[] = [];
  for (const raw of sorted) {
    const e = raw.replacement === '' && !opts.literal ? widenDeletion(text, raw) : raw;
    const start = Math.max(e.start, pos);
    out += text.slice(pos, start);
    const newStart = out.length;
    out += e.replacement;
    pos = e.end;
    // Capitalise the word now starting a sentence.
    if (!opts.literal && e.replacement === '' && /(^|[.!?]["”’)]?\s+|\n\s*)$/.test(out) && /^\p{Ll}/u.test(text[pos] ?? '')) {
      out += text[pos]!.toUpperCase();
      pos++;
    }
    changes.push({ start, end: pos, newStart, newEnd: out.length });
  }
  out += text.slice(pos);
  const mapOffset = (offset: number): number => {
    let delta = 0;
    for (const c of changes) {
      if (offset < c.start) break;
      if (offset < c.end) return c.newStart;
      delta = c.newEnd - c.end;
    }
    return offset + delta;
  };
  return { text: out, changes, mapOffset };
}
