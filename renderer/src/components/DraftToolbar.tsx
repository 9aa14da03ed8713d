import type { RefObject } from 'react';

type Status = 'draft' | 'reviewed' | 'ready';

interface Props {
  fileInput: RefObject<HTMLInputElement | null>;
  onOpen: (file: File) => void;
  hasDraft: boolean;
  exporting: boolean;
  onExporting: () => void;
  editing: boolean;
  onEditing: () => void;
  asForm: boolean;
  onAsForm: () => void;
  canUndo: boolean;
  canRedo: boolean;
  onUndo: () => void;
  onRedo: () => void;
  status: Status;
  onStatus: (s: Status) => void;
}

/** The check view's toolbar: open, export, edit, the form view, undo and redo, and the draft's status. */
export function DraftToolbar({ fileInput, onOpen, hasDraft, exporting, onExporting, editing, onEditing, asForm, onAsForm, canUndo, canRedo, onUndo, onRedo, status, onStatus }: Props) {
  return (
    <div className="toolbar view-toolbar" role="toolbar" aria-label="Draft">
        <label className="button">
          Open draft…
          <input
            ref={fileInput}
            type="file"
            data-testid="open-file"
            accept=".docx,.pdf,.txt,.md"
            className="visually-hidden"
            onChange={(e) => {
              const f = e.target.files?.[0];
              if (f) onOpen(f);
              e.target.value = '';
            }}
          />
        </label>
        <button type="button" onClick={onExporting} disabled={!hasDraft} aria-expanded={exporting} aria-controls="export-panel">
          Export…
        </button>
        <button type="button" onClick={onEditing} disabled={!hasDraft} aria-pressed={editing}>
          {editing ? 'Done editing' : 'Edit text'}
        </button>
        <button type="button" data-testid="as-form" onClick={onAsForm} disabled={!hasDraft} aria-pressed={asForm}>
          As the NRM form
        </button>
        <button type="button" onClick={onUndo} disabled={!canUndo}>
          Undo
        </button>
        <button type="button" onClick={onRedo} disabled={!canRedo}>
          Redo
        </button>
        {hasDraft && (
          <label className="status-select">
            Status{' '}
            <select data-testid="draft-status" value={status} onChange={(e) => onStatus(e.target.value as Status)}>
              <option value="draft">Draft</option>
              <option value="reviewed">Reviewed</option>
              <option value="ready">Ready to submit</option>
            </select>
          </label>
        )}
    </div>
  );
}
