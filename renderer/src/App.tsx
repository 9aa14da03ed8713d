/** The app's frame: the title, one tab per kind of work, the theme; each view keeps its state while hidden. */
import { useEffect, useState } from 'react';
import { AuditView } from './AuditView';
import { CheckView } from './CheckView';
import { HistoryView } from './HistoryView';
import { TrainerView } from './TrainerView';
import { SettingsView } from './SettingsView';
import { useTheme } from './hooks/useTheme';
import { requestCheck } from './open-check';
import { Welcome } from './components/Welcome';
import { requestOpen } from './open-request';

const VIEWS = [
  { id: 'check', label: 'Check a draft' },
  { id: 'audit', label: 'Batch audit' },
  { id: 'history', label: 'History' },
  { id: 'trainer', label: 'Trainer' },
  { id: 'settings', label: 'Settings' },
] as const;
type View = (typeof VIEWS)[number]['id'];

export function App() {
  const [view, setView] = useState<View>('check');
  // the theme is remembered (Settings, or the button in the header)
  const { theme, choose: chooseTheme } = useTheme();
  const [presenting, setPresenting] = useState(false);
  // The history view reloads when shown, so audits and checks made meanwhile appear.
  const [historyVisits, setHistoryVisits] = useState(0);

  useEffect(() => {
    document.documentElement.classList.toggle('presenting', presenting && view === 'trainer');
  }, [presenting, view]);

  const go = (v: View) => {
    setView(v);
    if (v === 'history') setHistoryVisits((n) => n + 1);
  };
  /** Opens a draft in the check view (an audit's row, the sample draft). */
  const openDraft = (file: File) => {
    go('check');
    requestOpen(file);
  };

  return (
    <div className="app">
      <header>
        <h1>NRM Referral Checker</h1>
        <nav aria-label="Views" className="views">
          {VIEWS.map((v) => (
            <button key={v.id} type="button" aria-current={view === v.id ? 'page' : undefined} data-testid={`view-${v.id}`} onClick={() => go(v.id)}>
              {v.label}
            </button>
          ))}
        </nav>
        <button type="button" onClick={() => chooseTheme(theme === 'dark' ? 'light' : 'dark')} aria-label={`Use ${theme === 'dark' ? 'light' : 'dark'} theme`}>
          {theme === 'dark' ? 'Light theme' : 'Dark theme'}
        </button>
      </header>
      <main>
        <CheckView visible={view === 'check'} welcome={<Welcome onSample={openDraft} onTrainer={() => go('trainer')} />} />
        <AuditView visible={view === 'audit'} onOpenHistory={() => go('history')} onOpenDraft={openDraft} />
        {view === 'history' && (
          <HistoryView
            key={historyVisits}
            onOpenCheck={(id) => {
              go('check');
              requestCheck(id);
            }}
          />
        )}
        {view === 'settings' && <SettingsView />}
        {view === 'trainer' && <TrainerView presenting={presenting} onPresenting={setPresenting} />}
      </main>
    </div>
  );
}
