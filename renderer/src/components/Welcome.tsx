/** What the empty check view offers besides a draft of one's own: a sample draft to try, and the trainer. */
import { useState } from 'react';
import { api } from '../api';

/** The sample: the first training example's draft as written (made up for training, not a real case). */
async function sampleDraft(): Promise<File | string> {
  const list = await api.trainerList({});
  if (!list.ok || !list.value[0]) return 'The sample draft could not be loaded. Open a draft of your own instead.';
  const ex = await api.trainerGet({ id: list.value[0].id });
  if (!ex.ok) return ex.error.message;
  return new File([ex.value.original], 'sample-draft.txt', { type: 'text/plain' });
}

export function Welcome({ onSample, onTrainer }: { onSample: (file: File) => void; onTrainer: () => void }) {
  const [note, setNote] = useState('');
  return (
    <div className="welcome-offers" data-testid="welcome">
      <div>
        <h2>New here?</h2>
        <p>Try the checker on a sample draft written for training (not a real case).</p>
        <button
          type="button"
          data-testid="welcome-sample"
          onClick={() =>
            void sampleDraft().then((f) => {
              if (typeof f === 'string') setNote(f);
              else onSample(f);
            })
          }
        >
          Open a sample draft
        </button>
        {note && <p role="alert">{note}</p>}
      </div>
      <div>
        <h2>Teaching a class?</h2>
        <p>The trainer shows example drafts before and after, one change at a time with the reason for each, and can present them full screen.</p>
        <button type="button" data-testid="welcome-trainer" onClick={onTrainer}>
          Open the trainer
        </button>
      </div>
    </div>
  );
}
