/**
 * The app's theme, remembered: the choice is kept in the settings (so it survives a restart of the app or the
 * browser host, whose address changes) and in this browser's storage (so the first paint already has it).
 * "System" follows the computer's light or dark setting. The header's button and the Settings view both set it.
 */
import { useCallback, useEffect, useState } from 'react';
import { api } from '../api';

export type ThemeChoice = 'system' | 'light' | 'dark';
const KEY = 'nrm-theme';
const EVENT = 'nrm:theme';

const systemTheme = (): 'light' | 'dark' => (window.matchMedia?.('(prefers-color-scheme: dark)').matches ? 'dark' : 'light');

function stored(): ThemeChoice {
  try {
    const t = localStorage.getItem(KEY);
    return t === 'light' || t === 'dark' ? t : 'system';
  } catch {
    return 'system';
  }
}

function remember(t: ThemeChoice): void {
  try {
    localStorage.setItem(KEY, t);
  } catch {
    // storage turned off: the settings still keep it
  }
}

/** Sets and keeps the theme (from Settings or the header); every useTheme follows. */
export function chooseTheme(t: ThemeChoice): void {
  remember(t);
  window.dispatchEvent(new CustomEvent<ThemeChoice>(EVENT, { detail: t }));
  void api.settingsSet({ theme: t });
}

/** The theme chosen and the one shown; applies it to the page. */
export function useTheme(): { choice: ThemeChoice; theme: 'light' | 'dark'; choose: (t: ThemeChoice) => void } {
  const [choice, setChoice] = useState<ThemeChoice>(stored);
  useEffect(() => {
    const on = (e: Event) => setChoice((e as CustomEvent<ThemeChoice>).detail);
    window.addEventListener(EVENT, on);
    // the settings are the record: another browser, or storage cleared
    void api.settingsGet({}).then((r) => {
      if (r.ok && r.value.theme !== stored()) {
        remember(r.value.theme);
        setChoice(r.value.theme);
      }
    });
    return () => window.removeEventListener(EVENT, on);
  }, []);
  const theme = choice === 'system' ? systemTheme() : choice;
  useEffect(() => {
    document.documentElement.dataset.theme = theme;
  }, [theme]);
  return { choice, theme, choose: useCallback((t: ThemeChoice) => chooseTheme(t), []) };
}
