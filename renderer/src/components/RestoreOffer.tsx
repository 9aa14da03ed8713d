/** Work kept from an earlier session (after a crash or a closed window), offered back on the welcome screen. */
export interface KeptWork {
  id: string;
  name: string;
  savedAt: string;
  chars: number;
}

const when = (iso: string) => {
  const d = new Date(iso);
  const today = new Date().toDateString() === d.toDateString();
  return today ? `today at ${d.toLocaleTimeString('en-GB', { hour: '2-digit', minute: '2-digit' })}` : d.toLocaleString('en-GB', { day: 'numeric', month: 'long', hour: '2-digit', minute: '2-digit' });
};

export function RestoreOffer({ offers, onRestore, onDiscard }: { offers: KeptWork[]; onRestore: (id: string) => void; onDiscard: (id: string) => void }) {
  if (!offers.length) return null;
  return (
    <section className="restore" aria-labelledby="restore-title" data-testid="restore-offer">
      <h2 id="restore-title">Unsaved work from last time</h2>
      <p className="muted">Your edits and decisions on these drafts were kept on this computer. Restore one to carry on where you left off.</p>
      <ul>
        {offers.map((o) => (
          <li key={o.id} data-testid="kept-work">
            <strong>{o.name}</strong> <span className="muted">(last change {when(o.savedAt)})</span>{' '}
            <button type="button" data-testid="restore" onClick={() => onRestore(o.id)} aria-label={`Restore your work on ${o.name}`}>
              Restore
            </button>{' '}
            <button type="button" data-testid="discard-kept" onClick={() => onDiscard(o.id)} aria-label={`Discard your unsaved work on ${o.name}`}>
              Discard
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
