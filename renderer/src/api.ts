/**
 * The renderer's only way to the core: `window.nrm` in Electron (preload), else the local browser host with
 * the per-run token from the address's fragment. Both return results as data, never throw for app errors.
 */
import type { Input, Outputs, Result } from '../../src/api/contract';
import { METHODS, type Method } from '../../src/api/methods';

export type Api = { [M in Method]: (input: Input<M>) => Promise<Result<Outputs[M]>> };

declare global {
  interface Window {
    /** In Electron, the preload's bridge; absent in the browser host. */
    nrm?: Api & { onEvent?: (listener: (event: { type: string }) => void) => () => void };
  }
}

const token = new URLSearchParams(window.location.hash.slice(1)).get('token') ?? '';

async function call<M extends Method>(method: M, input: Input<M>): Promise<Result<Outputs[M]>> {
  try {
    const body = JSON.stringify(input);
    const res = await fetch(`/api/${method}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-nrm-token': token },
      body,
      // A small request outlives the page (the last save of unsaved work as the window closes).
      keepalive: body.length < 60_000,
    });
    return (await res.json()) as Result<Outputs[M]>;
  } catch {
    return { ok: false, error: { code: 'Internal', message: 'The checker is not responding. Restart it and try again.' } };
  }
}

export const api: Api = window.nrm ?? (Object.fromEntries(METHODS.map((m) => [m, (i: Input<typeof m>) => call(m, i)])) as Api);
