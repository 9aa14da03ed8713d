import { useEffect, useLayoutEffect, useMemo, useRef, useState, type RefObject } from 'react';
import { planCards, typicalSize, type CardPlan } from '../card-window';

/** Lists longer than this draw only the cards near the view (a long draft has 700): each change then lays out a few cards, not all. */
export const WINDOW_FROM = 120;
/** How far above and below the view cards are drawn, in pixels: a fast scroll or a key finds them there. */
const BAND = 1200;
/** The size assumed for a card before any is measured (a card with one suggestion, as drawn at the default font). */
const GUESS = 200;

/** The nearest ancestor that scrolls the list, or null when the page itself does (a narrow window). */
function scrollerOf(el: HTMLElement): HTMLElement | null {
  for (let p = el.parentElement; p && p !== document.body; p = p.parentElement) {
    const y = getComputedStyle(p).overflowY;
    if (y === 'auto' || y === 'scroll') return p;
  }
  return null;
}

/** The part of the page the list is seen through: its scroller's box, or the window's. */
function viewOf(scroller: HTMLElement | null): { top: number; bottom: number; scrolled: number } {
  if (!scroller) return { top: 0, bottom: window.innerHeight, scrolled: window.scrollY };
  const r = scroller.getBoundingClientRect();
  return { top: r.top, bottom: r.bottom, scrolled: scroller.scrollTop };
}

/**
 * The cards of a list to draw (see ../card-window.ts): all of them up to WINDOW_FROM; beyond, those within
 * BAND of the view and the card at `keep`, each measured as drawn. `list` is the element the cards are in
 * (a column with a gap between cards, each card's key in `data-key`); `keys` are the cards' keys in order.
 *
 * What the user sees stays put: when cards are measured, or come and go above the view, the first card in
 * view keeps its place on screen (the browser's own scroll anchoring is turned off for the list, as it would
 * not follow the space that stands for cards not drawn).
 */
export function useCardWindow(list: RefObject<HTMLElement | null>, keys: readonly string[], keep: number | null): CardPlan | null {
  const on = keys.length > WINDOW_FROM;
  /** Each card's space as measured (its height and the gap after it), by key: a card keeps it across checks. */
  const sizes = useRef(new Map<string, number>());
  const [measured, setMeasured] = useState(0);
  /**
   * The band of the list to draw: from and to in pixels from the top of the card `key` (the first card in
   * view when it was set, so the band follows that card as cards above it are measured, come or go), or
   * from the list's top when there was none (`top` is always from the list's top, as it was then).
   */
  const [band, setBand] = useState<{ key: string | null; from: number; to: number; top: { from: number; to: number } }>({ key: null, from: -BAND, to: 1000 + BAND, top: { from: -BAND, to: 1000 + BAND } });
  const gap = useRef(0);
  const scroller = useRef<HTMLElement | null>(null);
  /** The first card in view as last seen: its key, where it was on screen, and how far the view was scrolled. */
  const anchor = useRef<{ key: string; top: number; scrolled: number } | null>(null);
  /** Looks again at where the view is (at the next frame). */
  const lookSoon = useRef<() => void>(() => undefined);

  const guess = useMemo(() => typicalSize(sizes.current.values(), GUESS), [measured]);
  const spaces = useMemo(() => (on ? keys.map((k) => sizes.current.get(k) ?? guess) : []), [on, keys, guess, measured]);
  const plan = useMemo(() => {
    if (!on) return null;
    const k = band.key === null ? -1 : keys.indexOf(band.key);
    if (k < 0) return planCards(spaces, band.top.from, band.top.to, keep);
    const base = spaces.slice(0, k).reduce((a, b) => a + b, 0);
    return planCards(spaces, base + band.from, base + band.to, keep);
  }, [on, keys, spaces, band, keep]);
  const latest = useRef({ spaces, keep, plan });
  latest.current = { spaces, keep, plan };

  /** Notes the first card in view and where it is, so that the next change can keep it there. */
  const noteAnchor = () => {
    const el = list.current;
    if (!el) return;
    const view = viewOf(scroller.current);
    for (const card of el.children)
      if (card instanceof HTMLElement && card.dataset.key) {
        const r = card.getBoundingClientRect();
        if (r.bottom > view.top) {
          anchor.current = { key: card.dataset.key, top: r.top, scrolled: view.scrolled };
          return;
        }
      }
    anchor.current = null;
  };

  /**
   * Sets the band around the view: from the first card in view when one is drawn there (noted by noteAnchor),
   * else from the list's top.
   */
  const bandFromView = () => {
    const el = list.current;
    if (!el) return;
    const view = viewOf(scroller.current);
    const top = el.getBoundingClientRect().top;
    const from = view.top - top - BAND;
    const to = view.bottom - top + BAND;
    const a = anchor.current;
    const card = a && [...el.children].find((c): c is HTMLElement => c instanceof HTMLElement && c.dataset.key === a.key);
    const r = card?.getBoundingClientRect();
    if (a && r && r.top < view.bottom) setBand({ key: a.key, from: view.top - BAND - r.top, to: view.bottom + BAND - r.top, top: { from, to } });
    else setBand({ key: null, from, to, top: { from, to } });
  };

  // Where the view is, read at most once a frame as the list or the page scrolls or changes size; the cards
  // are drawn again only when another card comes into the band or one leaves it.
  useEffect(() => {
    const el = list.current;
    if (!on || !el) return;
    let frame = 0;
    const watch = new ResizeObserver(() => soon());
    /** The list's scroller, found again each time (the window's width, or a class on the page, changes which). */
    const findScroller = () => {
      const sc = scrollerOf(el);
      if (sc !== scroller.current) {
        if (scroller.current) watch.unobserve(scroller.current);
        if (sc) watch.observe(sc);
        scroller.current = sc;
      }
    };
    const inBand = (p: CardPlan | null) => {
      const drawn = p?.drawn.filter((d) => d.index !== latest.current.keep) ?? [];
      return `${drawn[0]?.index ?? -1}-${drawn[drawn.length - 1]?.index ?? -1}`;
    };
    const look = () => {
      frame = 0;
      findScroller();
      const view = viewOf(scroller.current);
      const top = el.getBoundingClientRect().top;
      noteAnchor();
      if (inBand(planCards(latest.current.spaces, view.top - top - BAND, view.bottom - top + BAND, latest.current.keep)) !== inBand(latest.current.plan)) bandFromView();
    };
    const soon = () => (frame ||= requestAnimationFrame(look));
    lookSoon.current = soon;
    document.addEventListener('scroll', soon, { capture: true, passive: true });
    window.addEventListener('resize', soon);
    soon();
    return () => {
      document.removeEventListener('scroll', soon, { capture: true });
      window.removeEventListener('resize', soon);
      watch.disconnect();
      cancelAnimationFrame(frame);
      lookSoon.current = () => undefined;
    };
  }, [on]);

  // After each change the first card in view is put back where it was (unless the user has scrolled since),
  // and each card drawn is measured, and measured again when it changes size (its "Why" opened, say).
  const observer = useRef<ResizeObserver | null>(null);
  const watched = useRef(new Set<Element>());
  useLayoutEffect(() => {
    const el = list.current;
    if (!on || !el) return;
    const a = anchor.current;
    const view = viewOf(scroller.current);
    if (a && a.scrolled === view.scrolled) {
      const card = [...el.children].find((c): c is HTMLElement => c instanceof HTMLElement && c.dataset.key === a.key);
      const moved = card ? card.getBoundingClientRect().top - a.top : 0;
      if (Math.abs(moved) > 0.5) {
        if (scroller.current) scroller.current.scrollTop += moved;
        else window.scrollBy(0, moved);
      }
    }
    noteAnchor();
    if (!gap.current) gap.current = parseFloat(getComputedStyle(el).rowGap) || 0;
    const o = (observer.current ??= new ResizeObserver((entries) => {
      let changed = false;
      for (const e of entries) {
        const key = (e.target as HTMLElement).dataset.key;
        if (!key || !e.target.isConnected) continue;
        const size = (e.borderBoxSize[0]?.blockSize ?? e.contentRect.height) + gap.current;
        if (Math.abs((sizes.current.get(key) ?? -1) - size) > 0.5) {
          sizes.current.set(key, size);
          changed = true;
        }
      }
      if (changed) {
        // the band is held to the card in view, so that it stays drawn as the sizes around it change
        noteAnchor();
        bandFromView();
        setMeasured((m) => m + 1);
        lookSoon.current();
      }
    }));
    for (const w of watched.current)
      if (!w.isConnected) {
        o.unobserve(w);
        watched.current.delete(w);
      }
    for (const card of el.children)
      if (card instanceof HTMLElement && card.dataset.key && !watched.current.has(card)) {
        o.observe(card);
        watched.current.add(card);
      }
  });
  useEffect(() => {
    if (!on) return;
    return () => {
      observer.current?.disconnect();
      observer.current = null;
      watched.current.clear();
      anchor.current = null;
    };
  }, [on]);
  return plan;
}
