import { useEffect, useRef } from 'react';

export interface ChartTable {
  readonly caption: string;
  readonly columns: readonly string[];
  readonly rows: readonly (readonly (string | number)[])[];
}

const cell = (v: string | number) => (typeof v === 'number' ? v.toFixed(3) : v);

/**
 * A vega-lite chart drawn by vega-embed (the same specification the SVG reports render),
 * with its data as a table beside it, so that the numbers are readable without the picture.
 */
export function Chart({ spec, table, label }: { spec: object; table: ChartTable; label: string }) {
  const ref = useRef<HTMLDivElement>(null);
  const specText = JSON.stringify(spec);
  useEffect(() => {
    let finalize: (() => void) | undefined;
    let cancelled = false;
    void import('vega-embed').then(async ({ default: embed }) => {
      if (cancelled || !ref.current) return;
      const result = await embed(ref.current, JSON.parse(specText), { actions: false, renderer: 'svg' });
      finalize = () => result.finalize();
      if (cancelled) finalize();
    });
    return () => {
      cancelled = true;
      finalize?.();
    };
  }, [specText]);
  return (
    <figure className="chart">
      <div ref={ref} role="img" aria-label={label} />
      <table>
        <caption>{table.caption}</caption>
        <thead>
          <tr>
            {table.columns.map((c) => (
              <th key={c} scope="col">
                {c}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {table.rows.map((r, i) => (
            <tr key={i}>
              {r.map((v, j) => (
                <td key={j}>{cell(v)}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}
