/** The application menu: File (Open, Open Recent, Export), Edit, View, Help. */
import type { MenuItemConstructorOptions } from 'electron';

export interface MenuActions {
  open: () => void;
  export: () => void;
  help: () => void;
}

export function menuTemplate(actions: MenuActions, isMac: boolean): MenuItemConstructorOptions[] {
  return [
    ...(isMac ? [{ role: 'appMenu' as const }] : []),
    {
      label: 'File',
      submenu: [
        { label: 'Open…', accelerator: 'CmdOrCtrl+O', click: actions.open },
        { label: 'Open Recent', role: 'recentDocuments', submenu: [{ label: 'Clear Recent', role: 'clearRecentDocuments' }] },
        { label: 'Export…', accelerator: 'CmdOrCtrl+E', click: actions.export },
        { type: 'separator' },
        isMac ? { role: 'close' } : { role: 'quit' },
      ],
    },
    { role: 'editMenu' },
    {
      label: 'View',
      submenu: [{ role: 'resetZoom' }, { role: 'zoomIn' }, { role: 'zoomOut' }, { type: 'separator' }, { role: 'togglefullscreen' }],
    },
    { label: 'Help', submenu: [{ label: 'How to use the checker', click: actions.help }] },
  ];
}
