/** A table whose columns sort when their header button is pressed (aria-sort tells screen readers). */
import { useMemo, useState, type ReactNode } from 'react';

export interface Column<T> {
  key: string;
  label: string;
  value: (row: T) => string | number | null | undefined;
  render?: (row: T) => ReactNode;
  numeric?: boolean;
}

export function SortableTable<T>({ rows, columns, rowKey, caption, initial, onOpen, testId }: { rows: readonly T[]; columns: Column<T>[]; rowKey: (r: T) => string | number; caption: string; initial?: { key: string; dir: 'asc' | 'desc' }; onOpen?: (r: T) => void; testId?: string }) {
  const [sort, setSort] = useState(initial ?? { key: columns[0]!.key, dir: 'asc' as 'asc' | 'desc' });
  const sorted = useMemo(() => {
    const col = columns.find((c) => c.key === sort.key) ?? columns[0]!;
    const dir = sort.dir === 'asc' ? 1 : -1;
    return [...rows].sort((a, b) => {
      const x = col.value(a);
      const y = col.value(b);
      if (x === y) return 0;
      if (x === null || x === undefined) return 1;
      if (y === null || y === undefined) return -1;
      return (typeof x === 'number' && typeof y === 'number' ? x - y : String(x).localeCompare(String(y), undefined, { numeric: true })) * dir;
    });
  }, [rows, columns, sort]);
  return (
    <div className="table-wrap">
      <table data-testid={testId}>
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            {columns.map((c) => (
              <th key={c.key} scope="col" aria-sort={sort.key === c.key ? (sort.dir === 'asc' ? 'ascending' : 'descending') : 'none'} className={c.numeric ? 'num' : undefined}>
                <button type="button" className="sort" data-testid={`sort-${c.key}`} onClick={() => setSort((s) => ({ key: c.key, dir: s.key === c.key && s.dir === 'asc' ? 'desc' : 'asc' }))}>
                  {c.label}
                  <span aria-hidden="true">{sort.key === c.key ? (sort.dir === 'asc' ? ' ▲' : ' ▼') : ''}</span>
                </button>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {sorted.map((r) => (
            <tr key={rowKey(r)} data-testid="row">
              {columns.map((c, i) => (
                <td key={c.key} className={c.numeric ? 'num' : undefined}>
                  {i === 0 && onOpen ? (
                    <button type="button" className="link" onClick={() => onOpen(r)}>
                      {c.render ? c.render(r) : String(c.value(r) ?? '')}
                    </button>
                  ) : c.render ? (
                    c.render(r)
                  ) : (
                    String(c.value(r) ?? '')
                  )}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
