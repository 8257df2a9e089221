import { PALETTE } from './palette.js';
import type { TopLevelSpec } from './vega.js';
import { wrapTitle } from './wrap-title.js';

/*
 * The concession plot's vega-lite specification, apart from the rendering (no Node modules
 * here): the SVG report renders it with vega, and the browser consoles draw the same one
 * with vega-embed.
 */

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
  /** When the run ended: the time axis runs from 0 to here. */
  readonly end?: number;
}

/** Lines drawn widest first and dashed differently, so that a party on the same values as another stays visible. */
function lineStyles(parties: readonly string[]) {
  const dashes = [
    [1, 0],
    [6, 3],
    [2, 2],
    [8, 3, 2, 3],
    [1, 3],
  ];
  return {
    widths: parties.map((_, i) => Math.max(1.2, 5 - 1.3 * i)),
    dashes: parties.map((_, i) => dashes[i % dashes.length]!),
    shapes: parties.map((_, i) => ['circle', 'square', 'triangle-up', 'diamond', 'cross'][i % 5]!),
  };
}

export function concessionSpec(data: ConcessionPlotData): TopLevelSpec {
  const end = data.end ?? Math.max(0, ...data.points.map((p) => p.at), ...data.marks.map((m) => m.at));
  const x = { field: 'at', type: 'quantitative', title: data.timeTitle, scale: { domain: [0, Math.max(1, end)] } };
  const style = lineStyles(data.parties);
  const byParty = (range: readonly unknown[]) => ({
    field: 'party',
    type: 'nominal',
    scale: { domain: [...data.parties], range },
    legend: null,
  });
  // Each label on its own line, low in the plot where concession curves rarely go.
  const stacked = data.marks.map((m, i) => ({ ...m, y: 0.04 + 0.055 * (data.marks.length - 1 - i) }));
  const layers: object[] = [
    {
      data: { name: 'points' },
      mark: { type: 'line', point: { size: 36, filled: true }, interpolate: 'step-after' },
      encoding: {
        x,
        strokeWidth: byParty(style.widths),
        strokeDash: byParty(style.dashes),
        shape: byParty(style.shapes),
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
        'Each party’s own utility of each text (mediated talks) or of its own offers, over the whole run',
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
