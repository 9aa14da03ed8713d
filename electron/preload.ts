/** Preload: exposes the API's verbs (one frozen object) and an event listener; never ipcRenderer itself. */
import { contextBridge, ipcRenderer } from 'electron';
import { METHODS } from '../src/api/methods.js';

const api = Object.fromEntries(METHODS.map((m) => [m, (input: unknown) => ipcRenderer.invoke(`nrm:${m}`, input)]));

contextBridge.exposeInMainWorld(
  'nrm',
  Object.freeze({
    ...api,
    /** Events from the main process (menu commands); returns a function that removes the listener. */
    onEvent(listener: (event: { type: string }) => void) {
      const wrapped = (_e: unknown, payload: { type: string }) => listener(payload);
      ipcRenderer.on('nrm:event', wrapped);
      return () => ipcRenderer.removeListener('nrm:event', wrapped);
    },
  }),
);
