/**
 * The fuzzer's checking child: loads the rules once, then checks each mutant the parent sends on the path the
 * CLI's `check` takes (bytes → draft → view) and answers with the outcome only: a view, a typed error's code,
 * or why it failed and where the stack points. Never document text. A crash here is the parent's to record.
 */
import { draftFromBytes } from '../../src/draft/draft.js';
import { loadRulesCached } from '../../src/rules/ruleset.js';
import { judgeError, whereOf, type Outcome } from './judge.js';

export interface CheckRequest {
  type: 'check';
  index: number;
  name: string;
  bytes: Uint8Array;
}

export type ChildMessage = { type: 'ready' } | { type: 'result'; index: number; outcome: Outcome; maxRssKb: number };

async function main(): Promise<void> {
  const send = (m: ChildMessage) => new Promise<void>((resolve) => process.send!(m, undefined, {}, () => resolve()));
  const maxRssKb = () => process.resourceUsage().maxRSS;
  const rules = await loadRulesCached();
  let current = -1;
  const die = async (e: unknown, what: string) => {
    const err = e as { name?: string; stack?: string } | null;
    await send({ type: 'result', index: current, outcome: { kind: 'fail', why: `${what} (${err?.name ?? typeof e})`, where: whereOf(err?.stack) }, maxRssKb: maxRssKb() });
    process.exit(70);
  };
  process.on('uncaughtException', (e) => void die(e, 'uncaught exception'));
  process.on('unhandledRejection', (e) => void die(e, 'unhandled rejection'));
  process.on('disconnect', () => process.exit(0));

  process.on('message', async (m: CheckRequest) => {
    if (m.type !== 'check') return;
    current = m.index;
    let outcome: Outcome;
    try {
      const { draft } = await draftFromBytes(m.name, m.bytes, { rules, cache: false });
      const view = draft.view();
      outcome = Array.isArray(view.open) && typeof view.score?.total === 'number' ? { kind: 'view' } : { kind: 'fail', why: 'a view without findings or score' };
    } catch (e) {
      outcome = judgeError(e);
    }
    await send({ type: 'result', index: m.index, outcome, maxRssKb: maxRssKb() });
  });
  await send({ type: 'ready' });
}

if (process.send) void main();
