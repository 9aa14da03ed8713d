/**
 * The History view at the scale of a year's referrals: 17,000 made-up checks (test/bench/history-seed.ts) in a
 * temporary history file, then what the app asks for to show History, through the API handler:
 *   history17k_list_ms: the first page (newest first) with the figures and the filters' choices
 *   history17k_search_ms: the same for a search that finds one check by its file name
 * Each the median of 15 calls after one to warm up. The temporary folder is removed afterwards.
 * Run alone with `npx tsx test/bench/history.ts`; lint.bench.ts adds these figures to `npm run bench`.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { createHandlers } from '../../src/api/handlers.js';
import { loadRules } from '../../src/index.js';
import { Store } from '../../src/store/store.js';
import { checkFileName, seedHistory } from './history-seed.js';

const CHECKS = 17_000;
const ROUNDS = 15;

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

async function timed(fn: () => Promise<unknown>): Promise<number> {
  await fn();
  const xs: number[] = [];
  for (let i = 0; i < ROUNDS; i++) {
    const t = performance.now();
    await fn();
    xs.push(performance.now() - t);
  }
  return Math.round(median(xs) * 10) / 10;
}

export async function benchHistory(): Promise<{ history17k_list_ms: number; history17k_search_ms: number }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nrm-bench-history-'));
  const store = Store.open(path.join(dir, 'history.sqlite'));
  try {
    seedHistory(store, CHECKS);
    const h = createHandlers(loadRules(), { store });
    const list = async (input: Parameters<typeof h.historyList>[0]) => {
      const r = await h.historyList(input);
      if (!r.ok || !r.value.stats || r.value.total !== CHECKS) throw new Error(`historyList did not answer as expected: ${JSON.stringify(r).slice(0, 200)}`);
      return r.value;
    };
    const name = checkFileName(CHECKS);
    if ((await list({ filter: { search: name } })).matching !== 1) throw new Error(`the search for ${name} did not find it alone`);
    return {
      history17k_list_ms: await timed(() => list({})),
      history17k_search_ms: await timed(() => list({ filter: { search: name } })),
    };
  } finally {
    store.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) console.log(JSON.stringify(await benchHistory()));
