/** Opens the history for a host; a store that cannot be opened leaves the app working, without history. */
import { defaultStorePath } from './paths.js';
import { Store } from './store.js';

export function openHistory(file = defaultStorePath()): { store?: Store; storeProblem?: string; storePath: string } {
  try {
    return { store: Store.open(file), storePath: file };
  } catch (e) {
    // No document text is involved here; the message names the file and SQLite's reason.
    return { storeProblem: `The history could not be opened (${(e as Error).message}). Checking still works; nothing is recorded.`, storePath: file };
  }
}
