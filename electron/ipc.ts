/**
 * IPC: one channel per API method. A call is answered only for the app's own window and frame, and its input
 * is validated before the handler runs; errors return as data.
 */
import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import { fail, parseInput, type Result } from '../src/api/contract.js';
import type { Handlers } from '../src/api/handlers.js';
import { METHODS } from '../src/api/methods.js';

export const channel = (method: string) => `nrm:${method}`;

export function registerIpc(ipcMain: IpcMain, handlers: Handlers, isTrusted: (e: IpcMainInvokeEvent) => boolean): void {
  for (const m of METHODS) {
    ipcMain.handle(channel(m), async (event, raw: unknown): Promise<Result<unknown>> => {
      if (!isTrusted(event)) return fail('Forbidden', 'This window may not use the checker.');
      const parsed = parseInput(m, raw);
      if (!parsed.ok) return parsed.result;
      const handler = handlers[m] as (i: unknown) => Promise<Result<unknown>>;
      return handler(parsed.value);
    });
  }
}

/** A sender is trusted when it is the main window's top frame showing the app's own page. */
export function trustedSender(appUrl: string, windowIds: () => number[]) {
  return (event: IpcMainInvokeEvent): boolean => {
    const frame = event.senderFrame;
    return Boolean(frame && frame.url === appUrl && frame.parent === null && windowIds().includes(event.sender.id));
  };
}
