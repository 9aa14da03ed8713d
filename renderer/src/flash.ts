/**
 * Marks words of the draft for a moment (the words an accepted suggestion put in), with the CSS Custom
 * Highlight API: nothing is added to the document's elements, so no paragraph is drawn again for it. Ranges
 * are offsets into the text the view shows; where the view's text is not that text (another layout), or the
 * API is missing, nothing is marked.
 */
const NAME = 'nrm-accepted';
let timer: ReturnType<typeof setTimeout> | undefined;

export function flashRanges(view: Element | null, text: string, ranges: readonly { start: number; end: number }[], ms = 2500): boolean {
  const highlights = (globalThis as { CSS?: { highlights?: Map<string, unknown> } }).CSS?.highlights;
  const Hl = (globalThis as { Highlight?: new (...r: Range[]) => unknown }).Highlight;
  if (!view || !highlights || !Hl) return false;
  const nodes: { node: Text; from: number }[] = [];
  const walk = document.createTreeWalker(view, NodeFilter.SHOW_TEXT);
  let at = 0;
  for (let n = walk.nextNode(); n; n = walk.nextNode()) {
    nodes.push({ node: n as Text, from: at });
    at += (n as Text).data.length;
  }
  if (at !== text.length) return false;
  const point = (offset: number): [Text, number] | null => {
    const hit = nodes.find((x) => offset >= x.from && offset <= x.from + x.node.data.length);
    return hit ? [hit.node, offset - hit.from] : null;
  };
  const made = ranges.flatMap((r) => {
    const a = point(r.start);
    const b = point(r.end);
    if (!a || !b || r.end <= r.start) return [];
    const range = document.createRange();
    range.setStart(a[0], a[1]);
    range.setEnd(b[0], b[1]);
    return [range];
  });
  if (!made.length) return false;
  highlights.set(NAME, new Hl(...made));
  clearTimeout(timer);
  timer = setTimeout(() => highlights.delete(NAME), ms);
  return true;
}
