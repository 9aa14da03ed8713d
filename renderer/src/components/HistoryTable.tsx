/**
 * The History table for any number of checks. Only the rows in view and a few screens around them are in the
 * page (spacers of the same height stand for the rest), and their rows are fetched as the table scrolls to
 * them, so 17,000 checks open as fast as 17. It stays a table to screen readers (aria-rowcount, and
 * aria-rowindex on every row) and works from the keyboard: Tab reaches the current row's file button, the
 * arrow keys, Page Up, Page Down, Home and End move through every row, Enter opens the check.
 */
import { memo, useEffect, useLayoutEffect, useRef, useState, type CSSProperties, type KeyboardEvent } from 'react';

export interface HistoryColumn<T, K extends string> {
  key: K;
  label: string;
  text: (row: T) => string;
  numeric?: boolean;
  /** Share of the table's width (the layout is fixed, so rows never change height or shift). */
  width: string;
}

/** Rows kept in the page above and below those in view, so that scrolling and keys find them there. */
const OVERSCAN = 30;
const CELL: CSSProperties = { whiteSpace: 'nowrap', overflow: 'hidden', textOverflow: 'ellipsis' };
const LINK: CSSProperties = { ...CELL, display: 'inline-block', maxWidth: '100%', verticalAlign: 'bottom', textAlign: 'left' };
const HEAD: CSSProperties = { position: 'sticky', top: 0, zIndex: 1, background: 'var(--bg)' };
const NAV_KEYS = new Set(['ArrowDown', 'ArrowUp', 'PageDown', 'PageUp', 'Home', 'End']);

interface Props<T, K extends string> {
  columns: HistoryColumn<T, K>[];
  /** How many rows the table has (every check that matches). */
  count: number;
  rowAt: (i: number) => T | undefined;
  rowId: (row: T) => number;
  /** Asks for rows `first` to `last` that are not here yet. */
  ensure: (first: number, last: number) => void;
  sort: { key: K; dir: 'asc' | 'desc' };
  onSort: (key: K) => void;
  onOpen: (row: T) => void;
  caption: string;
  /** Changes when the rows are those of a new filter or sort: the table goes back to its first row. */
  generation: number;
  testId: string;
}

function Table<T, K extends string>({ columns, count, rowAt, rowId, ensure, sort, onSort, onOpen, caption, generation, testId }: Props<T, K>) {
  const wrap = useRef<HTMLDivElement>(null);
  const head = useRef<HTMLTableSectionElement>(null);
  const [view, setView] = useState({ top: 0, height: 600 });
  const [size, setSize] = useState({ row: 34, head: 40 });
  const [active, setActive] = useState(0);
  /** Set when a key moved the current row: focus follows it as soon as its row is in the page. */
  const focusPending = useRef(false);
  const frame = useRef(0);

  const first = Math.max(0, Math.min(count, Math.floor((view.top - size.head) / size.row) - OVERSCAN));
  const last = Math.min(count - 1, Math.ceil((view.top + view.height) / size.row) + OVERSCAN);
  const rows = Array.from({ length: Math.max(0, last - first + 1) }, (_, k) => first + k);

  useEffect(() => ensure(first, last), [first, last, ensure]);

  // The scroll position and the height of the box, read at most once a frame.
  const measure = () => {
    cancelAnimationFrame(frame.current);
    frame.current = requestAnimationFrame(() => {
      const el = wrap.current;
      if (el) setView((v) => (v.top === el.scrollTop && v.height === el.clientHeight ? v : { top: el.scrollTop, height: el.clientHeight }));
    });
  };
  useEffect(() => {
    const el = wrap.current;
    if (!el) return;
    const o = new ResizeObserver(measure);
    o.observe(el);
    return () => {
      o.disconnect();
      cancelAnimationFrame(frame.current);
    };
  }, []);
  // Row and header heights as drawn (they follow the font size), so the spacers match the rows they stand for.
  useLayoutEffect(() => {
    const row = wrap.current?.querySelector<HTMLElement>('tr[data-row]')?.getBoundingClientRect().height;
    const h = head.current?.getBoundingClientRect().height;
    if (row && h && (Math.abs(row - size.row) > 0.5 || Math.abs(h - size.head) > 0.5)) setSize({ row, head: h });
  });
  useEffect(() => {
    if (wrap.current) wrap.current.scrollTop = 0;
    setActive(0);
  }, [generation]);
  useEffect(() => {
    if (!focusPending.current) return;
    const b = wrap.current?.querySelector<HTMLButtonElement>(`button[data-row="${active}"]`);
    if (b) {
      b.focus({ preventScroll: true });
      b.scrollIntoView({ block: 'nearest' }); // the box is in view already; this brings the page along
      focusPending.current = false;
    } else if (document.activeElement !== wrap.current) wrap.current?.focus({ preventScroll: true });
  });

  /** Makes row i the current one, scrolled into view below the header. */
  const moveTo = (i: number) => {
    const el = wrap.current;
    if (!el || count === 0) return;
    const to = Math.max(0, Math.min(count - 1, i));
    setActive(to);
    focusPending.current = true;
    const top = size.head + to * size.row;
    if (top < el.scrollTop + size.head) el.scrollTop = to * size.row;
    else if (top + size.row > el.scrollTop + el.clientHeight) el.scrollTop = top + size.row - el.clientHeight;
    measure();
  };
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const t = e.target as HTMLElement;
    if (!NAV_KEYS.has(e.key) || (t !== wrap.current && !t.dataset.row)) return;
    e.preventDefault();
    const page = Math.max(1, Math.floor((view.height - size.head) / size.row) - 1);
    const step = { ArrowDown: 1, ArrowUp: -1, PageDown: page, PageUp: -page } as Record<string, number>;
    moveTo(e.key === 'Home' ? 0 : e.key === 'End' ? count - 1 : active + (step[e.key] ?? 0));
  };
  // One row button is reached by Tab: the current row's, or the first in the page when it has scrolled away.
  const tabRow = active >= first && active <= last && rowAt(active) ? active : rows.find((i) => rowAt(i) !== undefined);
  const spacer = (n: number, where: string) =>
    n > 0 && (
      <tr aria-hidden="true" key={where} style={{ height: n * size.row }}>
        <td colSpan={columns.length} style={{ padding: 0, border: 0 }} />
      </tr>
    );

  return (
    <div className="table-wrap" ref={wrap} tabIndex={-1} onScroll={measure} onKeyDown={onKeyDown} style={{ maxHeight: '70vh', overflowY: 'auto' }}>
      <table data-testid={testId} aria-rowcount={count + 1} style={{ tableLayout: 'fixed', margin: 0 }}>
        <caption className="visually-hidden">{caption}</caption>
        <colgroup>
          {columns.map((c) => (
            <col key={c.key} style={{ width: c.width }} />
          ))}
        </colgroup>
        <thead ref={head}>
          <tr aria-rowindex={1}>
            {columns.map((c) => (
              <th key={c.key} scope="col" style={HEAD} aria-sort={sort.key === c.key ? (sort.dir === 'asc' ? 'ascending' : 'descending') : 'none'} className={c.numeric ? 'num' : undefined}>
                <button type="button" className="sort" data-testid={`sort-${c.key}`} onClick={() => onSort(c.key)}>
                  {c.label}
                  <span aria-hidden="true">{sort.key === c.key ? (sort.dir === 'asc' ? ' ▲' : ' ▼') : ''}</span>
                </button>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {spacer(first, 'above')}
          {rows.map((i) => {
            const r = rowAt(i);
            if (!r)
              return (
                <tr key={`wait-${i}`} aria-rowindex={i + 2} data-testid="row-loading" style={{ height: size.row }}>
                  <td colSpan={columns.length} className="muted">
                    Loading…
                  </td>
                </tr>
              );
            return (
              <tr key={rowId(r)} aria-rowindex={i + 2} data-testid="row" data-row={i}>
                {columns.map((c, k) => {
                  const text = c.text(r);
                  return (
                    <td key={c.key} className={c.numeric ? 'num' : undefined} style={CELL} title={text.length > 24 ? text : undefined}>
                      {k === 0 ? (
                        <button type="button" className="link" style={LINK} data-row={i} tabIndex={i === tabRow ? 0 : -1} onClick={() => onOpen(r)} onFocus={() => setActive(i)}>
                          {text}
                        </button>
                      ) : (
                        text
                      )}
                    </td>
                  );
                })}
              </tr>
            );
          })}
          {spacer(count - 1 - last, 'below')}
        </tbody>
      </table>
    </div>
  );
}

/** Drawn again only when its rows, size or order change: typing in the search box does not redraw it. */
export const HistoryTable = memo(Table) as typeof Table;
