/** The History table's rows a page at a time, and the figures for the filter, from the core. */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { Input, Outputs } from '../../../src/api/contract';
import { api } from '../api';

export type Summary = Outputs['historyList']['checks'][number];
export type Filter = NonNullable<Input<'historyList'>['filter']>;
export type Sort = NonNullable<Input<'historyList'>['sort']>;
export type Overview = Required<Pick<Outputs['historyList'], 'stats' | 'teams' | 'authors' | 'groups' | 'ruleWords'>>;

/** Checks fetched at a time: a few screens of rows. */
export const PAGE = 100;

interface Loaded {
  /** The answer these rows belong to (rows of an older query are never mixed with newer ones). */
  gen: number;
  /** Which filter and sort they answer: unchanged when the same query is asked again after a change. */
  query: number;
  pages: ReadonlyMap<number, readonly Summary[]>;
  matching: number;
  total: number;
  needsWorkBelow: number;
}

/**
 * The History table's rows, fetched a page at a time from the core as the table scrolls to them. A new
 * filter or sort (or `reload`) starts a new generation: its first page comes with the figures (once per
 * filter), and any answer to an older generation is dropped when it arrives, so a slow answer to an earlier
 * keystroke never replaces a newer one. Until the new first page comes the old rows stay on screen.
 */
export function useHistoryPages(filter: Filter, sort: Sort) {
  const gen = useRef(0);
  const asked = useRef(new Set<string>());
  /** The filter the figures on screen are for (null: ask again). */
  const statsFor = useRef<string | null>(null);
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [overview, setOverview] = useState<Overview | null>(null);
  const [error, setError] = useState('');
  const [reloads, setReloads] = useState(0);
  const asking = useRef({ filter, sort, query: 0 });

  useEffect(() => {
    const mine = ++gen.current;
    asked.current.clear();
    if (asking.current.filter !== filter || asking.current.sort !== sort) asking.current = { filter, sort, query: asking.current.query + 1 };
    const query = asking.current.query;
    const key = JSON.stringify(filter);
    // the figures depend on the filter only: a new sort asks for rows alone
    const withStats = key !== statsFor.current;
    void api.historyList({ filter, sort, offset: 0, limit: PAGE, stats: withStats }).then((r) => {
      if (mine !== gen.current) return; // a newer query is on its way
      if (!r.ok) return setError(r.error.message);
      setError('');
      if (withStats) statsFor.current = key;
      if (r.value.stats) setOverview({ stats: r.value.stats, teams: r.value.teams ?? [], authors: r.value.authors ?? [], groups: r.value.groups ?? { byAuthor: [], byTeam: [], needsWork: 0 }, ruleWords: r.value.ruleWords ?? {} });
      setLoaded({ gen: mine, query, pages: new Map([[0, r.value.checks]]), matching: r.value.matching, total: r.value.total, needsWorkBelow: r.value.needsWorkBelow });
    });
  }, [filter, sort, reloads]);

  /** Asks for the pages that hold rows `first` to `last` (0-based) that are not here or on their way. */
  const ensure = useCallback(
    (first: number, last: number) => {
      if (!loaded || loaded.gen !== gen.current) return;
      const mine = loaded.gen;
      for (let p = Math.floor(Math.max(0, first) / PAGE); p <= Math.floor(Math.min(last, loaded.matching - 1) / PAGE); p++) {
        if (loaded.pages.has(p) || asked.current.has(`${mine}:${p}`)) continue;
        asked.current.add(`${mine}:${p}`);
        void api.historyList({ filter, sort, offset: p * PAGE, limit: PAGE, stats: false }).then((r) => {
          if (mine !== gen.current || !r.ok) return;
          setLoaded((l) => (l && l.gen === mine ? { ...l, pages: new Map(l.pages).set(p, r.value.checks), matching: r.value.matching, total: r.value.total } : l));
        });
      }
    },
    [loaded, filter, sort],
  );

  /** Row `i` (0-based) of the table, or undefined while its page is on its way. */
  const rowAt = useCallback((i: number) => loaded?.pages.get(Math.floor(i / PAGE))?.[i % PAGE], [loaded]);

  return {
    /** Whether any answer has come yet. */
    ready: loaded !== null,
    matching: loaded?.matching ?? 0,
    total: loaded?.total ?? 0,
    /** A score below this needs work (the settings' threshold). */
    needsWorkBelow: loaded?.needsWorkBelow ?? 70,
    /** Changes when the rows are those of a new filter or sort (the table goes back to its top). */
    query: loaded?.query ?? 0,
    overview,
    error,
    rowAt,
    ensure,
    /** Asks again (after a change to the history): the rows and the figures. */
    reload: useCallback(() => {
      statsFor.current = null;
      setReloads((n) => n + 1);
    }, []),
  };
}
