/**
 * The renderer's only way to the core: `window.nrm` in Electron (preload), else the local browser host with
 * the per-run token from the address's fragment. Both return results as data, never throw for app errors.
 */
import type { Input, Outputs, Result } from '../../src/api/contract';
import { METHODS, type Method } from '../../src/api/methods';
import { bodyOf } from './json-body';

export type Api = { [M in Method]: (input: Input<M>) => Promise<Result<Outputs[M]>> };

declare global {
  interface Window {
    /** In Electron, the preload's bridge; absent in the browser host. */
    nrm?: Api & { onEvent?: (listener: (event: { type: string }) => void) => () => void };
  }
}

const token = new URLSearchParams(window.location.hash.slice(1)).get('token') ?? '';

const NOT_RESPONDING = { ok: false, error: { code: 'Internal', message: 'The checker is not responding. Restart it and try again.' } } as const;

/**
 * Requests larger than this (a long draft: the lint, the history entry and the unsaved work of each edit) are
 * sent from a worker (./send-worker.ts), so handing them to the network does not hold up typing; smaller ones
 * are sent from the page, where they can outlive it.
 */
const LARGE = 60_000;
let sender: Worker | null | undefined;
const waiting = new Map<number, (text: string | null | undefined) => void>();
let nextId = 0;

/**
 * The answer's text to a large request sent from the worker: null when the checker did not answer, undefined
 * when there is no worker to send it (it is then sent from the page).
 */
async function sendLarge(method: string, body: string): Promise<string | null | undefined> {
  if (sender === undefined) {
    try {
      sender = new Worker(new URL('./send-worker.ts', import.meta.url), { type: 'module' });
      sender.onmessage = (e: MessageEvent<{ id: number; text: string | null }>) => {
        waiting.get(e.data.id)?.(e.data.text);
        waiting.delete(e.data.id);
      };
      sender.onerror = () => {
        for (const done of waiting.values()) done(undefined);
        waiting.clear();
        sender = null;
      };
    } catch {
      sender = null;
    }
  }
  if (!sender) return undefined;
  const id = nextId++;
  const w = sender;
  return new Promise((resolve) => {
    waiting.set(id, resolve);
    w.postMessage({ id, method, body, token });
  });
}

async function call<M extends Method>(method: M, input: Input<M>): Promise<Result<Outputs[M]>> {
  try {
    const body = bodyOf(input);
    const text = body.length >= LARGE ? await sendLarge(method, body) : undefined;
    if (text !== undefined) return text === null ? NOT_RESPONDING : (JSON.parse(text) as Result<Outputs[M]>);
    const res = await fetch(`/api/${method}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-nrm-token': token },
      body,
      // A small request outlives the page (the last save of unsaved work as the window closes).
      keepalive: body.length < LARGE,
    });
    return (await res.json()) as Result<Outputs[M]>;
  } catch {
    return NOT_RESPONDING;
  }
}

export const api: Api = window.nrm ?? (Object.fromEntries(METHODS.map((m) => [m, (i: Input<typeof m>) => call(m, i)])) as Api);
