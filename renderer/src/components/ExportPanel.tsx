import { useState } from 'react';

/**
 * The export choices for the open draft: Word (clean or tracked), the quality report, the form-ready text.
 * The reports mask people's names to initials unless the user ticks the box (off each time the panel opens).
 */
export function ExportPanel({ onDocx, onReport, onForm }: { onDocx: (mode: 'clean' | 'tracked') => void; onReport: (format: 'html' | 'pdf', maskNames: boolean) => void; onForm: (format: 'docx' | 'txt') => void }) {
  const [showNames, setShowNames] = useState(false);
  return (
    <section id="export-panel" className="export" aria-label="Export">
      <h2>Export</h2>
      <p>The original file is never changed.</p>
      <label>
        <input type="checkbox" data-testid="report-show-names" checked={showNames} onChange={(e) => setShowNames(e.target.checked)} /> Show people's names in the report (off: the report masks names to initials)
      </label>
      <div className="actions">
        <button type="button" data-testid="export-clean" onClick={() => onDocx('clean')}>
          Cleaned Word document
        </button>
        <button type="button" data-testid="export-tracked" onClick={() => onDocx('tracked')}>
          Word document with tracked changes
        </button>
        <button type="button" data-testid="export-report-html" onClick={() => onReport('html', !showNames)}>
          Quality report (HTML)
        </button>
        <button type="button" data-testid="export-report-pdf" onClick={() => onReport('pdf', !showNames)}>
          Quality report (PDF)
        </button>
        <button type="button" onClick={() => onForm('docx')}>
          Form-ready Word document
        </button>
      </div>
    </section>
  );
}
