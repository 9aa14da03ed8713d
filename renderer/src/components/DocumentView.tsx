import type { ReactNode } from 'react';
import type { Finding } from '../../../src/engine/types';

/** The draft as text, with findings marked. Built from text nodes only: the document is never HTML. */
export function DocumentView({ text, findings, active, onSelect }: { text: string; findings: Finding[]; active: number; onSelect: (i: number) => void }) {
  const parts: ReactNode[] = [];
  let pos = 0;
  findings.forEach((f, i) => {
    if (f.start < pos) return;
    if (f.start > pos) parts.push(<span key={`t${pos}`}>{text.slice(pos, f.start)}</span>);
    parts.push(
      <mark
        key={`f${i}`}
        id={`hl-${i}`}
        className={`hl hl-${f.category}${i === active ? ' hl-active' : ''}`}
        data-category={f.category}
        title={f.message}
        onClick={() => onSelect(i)}
      >
        {text.slice(f.start, f.end)}
      </mark>,
    );
    pos = f.end;
  });
  if (pos < text.length) parts.push(<span key={`t${pos}`}>{text.slice(pos)}</span>);
  return (
    <div className="document" data-testid="document-text" aria-label="Draft text">
      {parts}
    </div>
  );
}
