import { PALETTE } from './offers.js';
import { renderVegaLite, type TopLevelSpec } from './vega.js';
import { writeFileAtomic } from '../../formats/atomic-write.js';
import { wrapTitle } from './wrap-title.js';

export interface ConcessionPlotData {
  readonly title: string;
  /** Each party's own utility of its own offers or positions. */
  readonly points: readonly {
    readonly party: string;
    readonly at: number;
    readonly order: number;
    readonly utility: number;
  }[];
  /** Outside events: vertical rules with labels. */
  readonly marks: readonly { readonly at: number; readonly label: string }[];
  readonly timeTitle: string;
  /** Party order, for colours that match the offers plot. */
  readonly parties: readonly string[];
}

export function concessionSpec(data: ConcessionPlotData): TopLevelSpec {
  const x = { field: 'at', type: 'quantitative', title: data.timeTitle };
  // Each label on its own line, low in the plot where concession curves rarely go.
  const stacked = data.marks.map((m, i) => ({ ...m, y: 0.04 + 0.055 * (data.marks.length - 1 - i) }));
  const layers: object[] = [
    {
      data: { name: 'points' },
      mark: { type: 'line', point: { size: 28, filled: true }, strokeWidth: 1.5, interpolate: 'step-after' },
      encoding: {
        x,
        y: { field: 'utility', type: 'quantitative', title: 'Own utility of own offer', scale: { domain: [0, 1] } },
        color: {
          field: 'party',
          type: 'nominal',
          title: 'Party',
          scale: { domain: [...data.parties], range: PALETTE.slice(0, data.parties.length) },
        },
        order: { field: 'order', type: 'quantitative' },
      },
    },
  ];
  if (stacked.length) {
    layers.push(
      { data: { name: 'marks' }, mark: { type: 'rule', color: '#b33', strokeDash: [3, 3] }, encoding: { x } },
      {
        data: { name: 'marks' },
        mark: { type: 'text', align: 'left', dx: 3, fontSize: 9, color: '#b33', baseline: 'top' },
        encoding: { x, y: { field: 'y', type: 'quantitative' }, text: { field: 'label' } },
      },
    );
  }
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: {
      text: wrapTitle(`Concessions: ${data.title}`),
      subtitle: [
        'Each party’s utility of what it put forward over time',
        ...(stacked.length ? ['red rules: outside events'] : []),
      ],
      anchor: 'start',
    },
    datasets: { points: data.points.map((p) => ({ ...p })), marks: stacked },
    width: 560,
    height: 300,
    background: 'white',
    padding: 12,
    config: { font: 'sans-serif' },
    layer: layers,
  } as unknown as TopLevelSpec;
}

/** Concession curves as SVG, one line per party, outside events as labelled vertical rules. */
export async function plotConcession(data: ConcessionPlotData, file?: string): Promise<string> {
  const svg = await renderVegaLite(concessionSpec(data));
  if (file) writeFileAtomic(file, svg);
  return svg;
}
