import { useState } from 'react';

const ERROR_HELP: Record<string, string> = {
  encrypted: 'This file is protected by a password.',
  'no-text-layer': 'This file has no text the checker can read.',
  malformed: 'This file is damaged or not what its name says.',
  'too-large': 'This file is too large to check.',
  timeout: 'Reading this file took too long.',
  unsupported: 'This kind of file cannot be checked.',
  empty: 'This file has no text.',
};

/** Why a file could not be opened, with what the user can do next: a password, or text recognition, offered
 * only where the checker says it may open the file (a protected Word file no password opens gets no box). */
export function ImportErrorPanel({ error, onRetry }: { error: { code: string; message: string; file?: File; remedy?: 'password' | 'ocr' }; onRetry: (file: File, opts: { password?: string; ocr?: boolean }) => void }) {
  const [password, setPassword] = useState('');
  return (
    <div className="error" role="alert" data-testid="import-error" data-code={error.code}>
      <p>
        <strong>{ERROR_HELP[error.code] ?? 'The file could not be opened.'}</strong> {error.message}
      </p>
      {error.remedy === 'password' && error.file && (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            onRetry(error.file!, { password });
          }}
        >
          <label>
            Password <input type="password" value={password} onChange={(e) => setPassword(e.target.value)} />
          </label>
          <button type="submit">Open</button>
        </form>
      )}
      {error.remedy === 'ocr' && error.file && (
        <button type="button" onClick={() => onRetry(error.file!, { ocr: true })}>
          Read it with text recognition (slow)
        </button>
      )}
    </div>
  );
}
