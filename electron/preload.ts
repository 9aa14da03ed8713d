/** Preload: exposes one frozen, typed API to the renderer (filled in by the desktop-app issue). */
import { contextBridge } from 'electron';

contextBridge.exposeInMainWorld('nrm', Object.freeze({ version: '0.1.0' }));
