/** The API's method names: the only thing the Electron preload needs to know (std, no dependencies). */
export const METHODS = [
  'importDocument',
  'lint',
  'explain',
  'applySuggestions',
  'listRules',
  'exportDocx',
  'exportReport',
  'historyList',
  'historyGet',
  'historySave',
  'historySetStatus',
  'historyDelete',
  'historyOpen',
  'settingsGet',
  'settingsSet',
  'teamExport',
  'teamImport',
  'chooseFolder',
  'auditStart',
  'auditStatus',
  'auditCancel',
  'auditExport',
  'auditCurrent',
  'auditStage',
  'auditFile',
  'trainerList',
  'trainerGet',
  'trainerOwn',
  'formMap',
  'exportForm',
  'recoverySave',
  'recoveryList',
  'recoveryGet',
  'recoveryRestore',
  'recoveryClear',
  'recoveryTouch',
] as const;
export type Method = (typeof METHODS)[number];

export function isMethod(m: string): m is Method {
  return (METHODS as readonly string[]).includes(m);
}
