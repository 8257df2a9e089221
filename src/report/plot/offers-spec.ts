import type { TopLevelSpec } from './vega.js';
import { PALETTE } from './palette.js';
import { wrapTitle } from './wrap-title.js';

/*
 * The offers plot's vega-lite specification, apart from the rendering (no Node modules here):
 * the SVG report renders it with vega, and the browser consoles draw the same one with
 * vega-embed.
 */

/** One offer or text, with its utility for every party (party order). */
export interface OfferPoint {
  readonly by: string;
  readonly at: number;
  readonly order: number;
  readonly utilities: readonly number[];
}

export interface OfferPlotData {
  readonly title: string;
  readonly parties: readonly string[];
  readonly offers: readonly OfferPoint[];
  readonly frontier: readonly (readonly number[])[];
  readonly agreement: readonly number[] | null;
  readonly reservation: readonly number[];
  /** Extra subtitle lines (e.g. "utilities after the outside events"). */
  readonly notes?: readonly string[];
}

type Row = Record<string, number | string>;

export { PALETTE } from './palette.js';

function makerScale(data: OfferPlotData): object {
  const makers = [...data.parties, ...new Set(data.offers.map((o) => o.by).filter((b) => !data.parties.includes(b)))];
  return { domain: makers, range: makers.map((_, i) => PALETTE[i % PALETTE.length]!) };
}

const vectorRow = (u: readonly number[], extra: Row): Row => ({
  ...extra,
  ...Object.fromEntries(u.map((x, i) => [`u${i}`, x])),
});

/** One panel: party x against party y, offers coloured by who made them, a path per maker in time order. */
function panel(data: OfferPlotData, x: number, y: number): object {
  const axis = (i: number) => ({
    field: `u${i}`,
    type: 'quantitative',
    title: `Utility of ${data.parties[i]}`,
    scale: { domain: [0, 1] },
  });
  const enc = { x: axis(x), y: axis(y) };
  const r = data.reservation;
  const layers: object[] = [
    {
      data: { values: [{ r: r[x] }] },
      mark: { type: 'rule', strokeDash: [4, 4], color: '#999' },
      encoding: { x: { field: 'r', type: 'quantitative' } },
    },
    {
      data: { values: [{ r: r[y] }] },
      mark: { type: 'rule', strokeDash: [4, 4], color: '#999' },
      encoding: { y: { field: 'r', type: 'quantitative' } },
    },
    // With three or more parties a projected frontier is a cloud, not a curve: points only.
    data.parties.length === 2
      ? {
          data: { name: 'frontier' },
          mark: { type: 'line', color: '#555', strokeWidth: 1, opacity: 0.6, point: { size: 12, color: '#555' } },
          encoding: { ...enc, order: { field: `u${x}`, type: 'quantitative' } },
        }
      : {
          data: { name: 'frontier' },
          mark: { type: 'point', shape: 'square', size: 10, color: '#777', opacity: 0.35, filled: true },
          encoding: enc,
        },
    {
      data: { name: 'offers' },
      mark: { type: 'line', strokeWidth: 0.8, opacity: 0.45 },
      encoding: {
        ...enc,
        color: { field: 'by', type: 'nominal', title: 'Offered by', scale: makerScale(data) },
        detail: { field: 'by' },
        order: { field: 'order', type: 'quantitative' },
      },
    },
    {
      data: { name: 'offers' },
      mark: { type: 'point', filled: true, size: 36, opacity: 0.85 },
      encoding: {
        ...enc,
        color: { field: 'by', type: 'nominal', title: 'Offered by', scale: makerScale(data) },
        tooltip: [{ field: 'by' }, { field: 'at', title: 'time' }],
      },
    },
  ];
  if (data.agreement) {
    layers.push({
      data: { name: 'agreement' },
      mark: { type: 'point', shape: 'diamond', filled: false, size: 420, strokeWidth: 2.5, color: '#d62728' },
      encoding: enc,
    });
  }
  return { width: 320, height: 320, layer: layers };
}

export function offersSpec(data: OfferPlotData): TopLevelSpec {
  const n = data.parties.length;
  const panels: object[] = [];
  for (let x = 0; x < n; x++) for (let y = x + 1; y < n; y++) panels.push(panel(data, x, y));
  const subtitle = [
    `${data.offers.length} offers and texts; lines join each maker's offers in time order`,
    'grey: Pareto frontier; dashed: reservation values' +
      (data.agreement ? '; red diamond: the agreement' : '; no agreement'),
    ...(data.notes ?? []),
  ];
  const base = {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: { text: wrapTitle(`Offers: ${data.title}`), subtitle, anchor: 'start' },
    datasets: {
      offers: data.offers.map((o) => vectorRow(o.utilities, { by: o.by, at: o.at, order: o.order })),
      frontier: data.frontier.map((u) => vectorRow(u, {})),
      agreement: data.agreement ? [vectorRow(data.agreement, {})] : [],
    },
    background: 'white',
    padding: 12,
    config: { font: 'sans-serif', legend: { labelLimit: 280 } },
  };
  const body = panels.length === 1 ? panels[0]! : { concat: panels, columns: Math.min(3, panels.length) };
  return { ...base, ...body } as unknown as TopLevelSpec;
}
