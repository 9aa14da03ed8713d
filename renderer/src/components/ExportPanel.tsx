/** The export choices for the open draft: Word (clean or tracked), the quality report, the form-ready text. */
export function ExportPanel({ onDocx, onReport, onForm }: { onDocx: (mode: 'clean' | 'tracked') => void; onReport: (format: 'html' | 'pdf') => void; onForm: (format: 'docx' | 'txt') => void }) {
  return (
    <section id="export-panel" className="export" aria-label="Export">
      <h2>Export</h2>
      <p>The original file is never changed. Reports mask people's names.</p>
      <div className="actions">
        <button type="button" data-testid="export-clean" onClick={() => onDocx('clean')}>
          Cleaned Word document
        </button>
        <button type="button" data-testid="export-tracked" onClick={() => onDocx('tracked')}>
          Word document with tracked changes
        </button>
        <button type="button" data-testid="export-report-html" onClick={() => onReport('html')}>
          Quality report (HTML)
        </button>
        <button type="button" data-testid="export-report-pdf" onClick={() => onReport('pdf')}>
          Quality report (PDF)
        </button>
        <button type="button" onClick={() => onForm('docx')}>
          Form-ready Word document
        </button>
      </div>
    </section>
  );
}
