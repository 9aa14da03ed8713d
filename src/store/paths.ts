/**
 * Where the history lives: the same per-user folder Electron uses for the app ("userData"), so the app, the
 * CLI and the browser host share one store. NRM_CHECKER_DATA_DIR overrides it (tests, portable installs).
 */
import os from 'node:os';
import path from 'node:path';

export const PRODUCT_NAME = 'NRM Referral Checker';

export function appDataDir(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string {
  if (env.NRM_CHECKER_DATA_DIR) return path.resolve(env.NRM_CHECKER_DATA_DIR);
  const home = os.homedir();
  if (platform === 'win32') return path.join(env.APPDATA ?? path.join(home, 'AppData', 'Roaming'), PRODUCT_NAME);
  if (platform === 'darwin') return path.join(home, 'Library', 'Application Support', PRODUCT_NAME);
  return path.join(env.XDG_CONFIG_HOME ?? path.join(home, '.config'), PRODUCT_NAME);
}

export function defaultStorePath(env: NodeJS.ProcessEnv = process.env): string {
  return path.join(appDataDir(env), 'history.sqlite');
}
