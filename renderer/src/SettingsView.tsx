/**
 * Settings in their own place: the name and team put on checks, how long checks are kept, what is kept (the
 * document text, unsaved work), when a referral "needs work", and the theme. Each change says it was saved,
 * or why not; turning text keeping off says whether the text is confirmed gone from the disk.
 */
import { useEffect, useState } from 'react';
import type { Input, Outputs } from '../../src/api/contract';
import { api } from './api';
import { useTheme, type ThemeChoice } from './hooks/useTheme';

type Settings = Outputs['settingsGet'];

export function SettingsView() {
  const [settings, setSettings] = useState<Settings | null>(null);
  const [note, setNote] = useState('');
  useEffect(() => {
    void api.settingsGet({}).then((r) => (r.ok ? setSettings(r.value) : setNote(r.error.message)));
  }, []);
  const save = async (patch: Input<'settingsSet'>) => {
    // A ticked box shows the user's choice at once, not only once the store has answered; if saving fails
    // it goes back to what is saved, with the reason.
    const before = settings;
    if (before) setSettings({ ...before, ...patch });
    setNote('Saving…');
    const r = await api.settingsSet(patch);
    if (r.ok) {
      setSettings(r.value);
      setNote(r.value.erasure && !r.value.erasure.verified ? (r.value.erasure.message ?? 'Settings saved.') : 'Settings saved.');
    } else {
      if (before) setSettings(before);
      setNote(r.error.message);
    }
  };
  return (
    <section className="settings-view" aria-labelledby="settings-title" data-testid="settings-view">
      <h2 id="settings-title">Settings</h2>
      {settings ? <SettingsForm settings={settings} onSave={(p) => void save(p)} /> : !note && <p className="muted">Loading…</p>}
      <ThemeChoiceField />
      {note && (
        <p role="status" className="note" data-testid="settings-note">
          {note}
        </p>
      )}
    </section>
  );
}

function SettingsForm({ settings, onSave }: { settings: Settings; onSave: (p: Input<'settingsSet'>) => void }) {
  const [author, setAuthor] = useState(settings.author);
  const [team, setTeam] = useState(settings.team);
  const [days, setDays] = useState(settings.retentionDays === null ? '' : String(settings.retentionDays));
  const [below, setBelow] = useState(String(settings.needsWorkBelow));
  return (
    <>
      <form
        className="settings"
        aria-labelledby="settings-you"
        onSubmit={(e) => {
          e.preventDefault();
          const n = days.trim() === '' ? null : Math.round(Number(days));
          const t = Math.round(Number(below));
          onSave({ author: author.trim(), team: team.trim(), retentionDays: n !== null && n > 0 ? n : null, ...(t >= 1 && t <= 100 ? { needsWorkBelow: t } : {}) });
        }}
      >
        <h3 id="settings-you">You and your team</h3>
        <label>
          Your name on checks <input data-testid="settings-author" value={author} onChange={(e) => setAuthor(e.target.value)} maxLength={200} />
        </label>
        <label>
          Team <input data-testid="settings-team" value={team} onChange={(e) => setTeam(e.target.value)} maxLength={200} />
        </label>
        <label>
          A referral needs work when its score is below <input type="number" data-testid="settings-needs-work" min={1} max={100} value={below} onChange={(e) => setBelow(e.target.value)} className="short" />
        </label>
        <label>
          Delete checks older than <input type="number" min={1} max={36500} value={days} onChange={(e) => setDays(e.target.value)} className="short" /> days (empty: keep them)
        </label>
        <button type="submit" data-testid="settings-save">
          Save settings
        </button>
      </form>
      <fieldset className="settings">
        <legend>What is kept on this computer</legend>
        <label className="check">
          <input type="checkbox" data-testid="store-text" checked={settings.storeText} onChange={(e) => onSave({ storeText: e.target.checked })} /> Keep the document text with each check, so History can open it again (off by default; turning it off erases kept text)
        </label>
        <label className="check">
          <input type="checkbox" data-testid="keep-unsaved" checked={settings.keepUnsaved} onChange={(e) => onSave({ keepUnsaved: e.target.checked })} /> Keep unsaved work so that a crash loses nothing (on by default; turning it off removes what is kept)
        </label>
        <p data-testid="org-config">{settings.config.summary}</p>
        <p className="muted">History file: {settings.storePath}</p>
      </fieldset>
    </>
  );
}

function ThemeChoiceField() {
  const { choice, choose } = useTheme();
  const options: [ThemeChoice, string][] = [
    ['system', 'As the computer is set'],
    ['light', 'Light'],
    ['dark', 'Dark'],
  ];
  return (
    <fieldset className="settings" data-testid="settings-theme">
      <legend>Theme</legend>
      {options.map(([value, label]) => (
        <label key={value} className="check">
          <input type="radio" name="theme" value={value} checked={choice === value} onChange={() => choose(value)} /> {label}
        </label>
      ))}
    </fieldset>
  );
}
