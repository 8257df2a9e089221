import { ParleyError } from '../../core/errors.js';
import type { Scenario } from '../../core/scenario.js';
import type { Analysis, FrontierPoint } from '../../analysis/types.js';
import { AssumedNumbers } from '../analysis/assumed.js';
import { outcomeCloud, type CloudOptions, type OutcomeCloud } from './cloud.js';
import { renderVegaLite, type TopLevelSpec } from './vega.js';
import { writeFileAtomic } from '../../formats/atomic-write.js';

/** What each point is; also the legend, in this order. */
const KINDS = [
  'Outcome',
  'Acceptable to all',
  'Pareto frontier',
  'Nash',
  'Kalai–Smorodinsky',
  'Max welfare',
  'Egalitarian',
  'Reservation',
] as const;
type Kind = (typeof KINDS)[number];
const COLORS: Record<Kind, string> = {
  Outcome: '#cfcfcf',
  'Acceptable to all': '#8fd19e',
  'Pareto frontier': '#1f5fa8',
  Nash: '#d62728',
  'Kalai–Smorodinsky': '#2ca02c',
  'Max welfare': '#9467bd',
  Egalitarian: '#ff7f0e',
  Reservation: '#333333',
};
// Solutions often coincide: hollow marks of falling size stay visible when stacked.
const SHAPES: Record<Kind, string> = {
  Outcome: 'circle',
  'Acceptable to all': 'circle',
  'Pareto frontier': 'circle',
  Nash: 'diamond',
  'Kalai–Smorodinsky': 'square',
  'Max welfare': 'triangle-up',
  Egalitarian: 'triangle-down',
  Reservation: 'cross',
};
const SIZES: Record<Kind, number> = {
  Outcome: 12,
  'Acceptable to all': 12,
  'Pareto frontier': 30,
  Nash: 420,
  'Kalai–Smorodinsky': 260,
  'Max welfare': 160,
  Egalitarian: 80,
  Reservation: 140,
};
const SOLUTION_KINDS: readonly Kind[] = ['Nash', 'Kalai–Smorodinsky', 'Max welfare', 'Egalitarian', 'Reservation'];

type Row = Record<string, number | string>;

export interface FrontierPlotOptions {
  /** Write the SVG here (atomically); the text is returned either way. */
  readonly file?: string;
  /** Draw all or a sample of outcomes behind the frontier (default true, when cheap). */
  readonly cloud?: boolean | CloudOptions;
}

function rows(kind: Kind, vectors: readonly (readonly number[])[]): Row[] {
  return vectors.map((u) => Object.fromEntries([['kind', kind], ...u.map((x, i) => [`u${i}`, x] as const)]));
}

function dataRows(analysis: Analysis, cloud: OutcomeCloud | null): Row[] {
  const solutions: [Kind, FrontierPoint | null][] = [
    ['Nash', analysis.nash],
    ['Kalai–Smorodinsky', analysis.kalaiSmorodinsky],
    ['Max welfare', analysis.maxWelfare],
    ['Egalitarian', analysis.egalitarian],
  ];
  return [
    ...rows('Outcome', cloud?.points.filter((_, i) => !cloud.acceptable[i]) ?? []),
    ...rows('Acceptable to all', cloud?.points.filter((_, i) => cloud.acceptable[i]) ?? []),
    ...rows(
      'Pareto frontier',
      analysis.frontier.map((p) => p.utilities),
    ),
    ...solutions.flatMap(([kind, p]) => (p ? rows(kind, [p.utilities]) : [])),
    ...rows('Reservation', [analysis.disagreement]),
  ];
}

/** One panel: party `x` against party `y`; `kinds` are those present, so the legend lists only them. */
function panel(
  scenario: Scenario,
  analysis: Analysis,
  x: number,
  y: number,
  maxU: number,
  assumed: AssumedNumbers,
  kinds: readonly Kind[],
): object {
  const axis = (i: number) =>
    `Utility of ${assumed.mark(scenario.parties[i]!.name, assumed.utilities(scenario.parties[i]!.name))}`;
  const enc = {
    x: { field: `u${x}`, type: 'quantitative', title: axis(x), scale: { domain: [0, maxU] } },
    y: { field: `u${y}`, type: 'quantitative', title: axis(y), scale: { domain: [0, maxU] } },
  };
  const color = {
    field: 'kind',
    type: 'nominal',
    title: null,
    scale: { domain: [...kinds], range: kinds.map((k) => COLORS[k]) },
  };
  const shape = {
    field: 'kind',
    type: 'nominal',
    title: null,
    scale: { domain: [...kinds], range: kinds.map((k) => SHAPES[k]) },
  };
  const size = {
    field: 'kind',
    type: 'ordinal',
    sort: [...kinds],
    title: null,
    scale: { type: 'ordinal', domain: [...kinds], range: kinds.map((k) => SIZES[k]) },
  };
  const only = (...kinds: Kind[]) => ({ filter: { field: 'kind', oneOf: kinds } });
  const d = analysis.disagreement;
  const layers: object[] = [
    {
      data: { values: [{ r: d[x] }] },
      mark: { type: 'rule', strokeDash: [4, 4], color: '#888' },
      encoding: { x: { field: 'r', type: 'quantitative' } },
    },
    {
      data: { values: [{ r: d[y] }] },
      mark: { type: 'rule', strokeDash: [4, 4], color: '#888' },
      encoding: { y: { field: 'r', type: 'quantitative' } },
    },
    {
      transform: [only('Outcome', 'Acceptable to all')],
      mark: { type: 'point', filled: true, opacity: 1 },
      encoding: { ...enc, color, shape, size },
    },
  ];
  if (scenario.parties.length === 2) {
    layers.push({
      transform: [only('Pareto frontier')],
      mark: { type: 'line', color: COLORS['Pareto frontier'], strokeWidth: 1.5 },
      encoding: { ...enc, order: { field: `u${x}`, type: 'quantitative' } },
    });
  }
  layers.push(
    {
      transform: [only('Pareto frontier')],
      mark: { type: 'point', filled: true, opacity: 1 },
      encoding: { ...enc, color, shape, size },
    },
    {
      transform: [only(...SOLUTION_KINDS)],
      mark: { type: 'point', filled: false, strokeWidth: 2.2, opacity: 1 },
      encoding: { ...enc, color, shape, size },
    },
  );
  return { data: { name: 'points' }, width: 320, height: 320, layer: layers };
}

export function frontierSpec(scenario: Scenario, analysis: Analysis, cloud: OutcomeCloud | null): TopLevelSpec {
  const data = dataRows(analysis, cloud);
  // A fold, not Math.max(...all): frontiers can hold more points than a call has arguments.
  const maxU = data.reduce(
    (m, r) => Object.entries(r).reduce((mm, [k, v]) => (k === 'kind' ? mm : Math.max(mm, Number(v))), m),
    1,
  );
  const assumed = new AssumedNumbers(scenario);
  const n = scenario.parties.length;
  if (n < 2)
    throw new ParleyError('PARLEY_E_INPUT', `a frontier plot needs two or more parties; ${scenario.name} has ${n}`);
  const panels: object[] = [];
  const kinds = KINDS.filter((k) => data.some((r) => r.kind === k));
  for (let x = 0; x < n; x++)
    for (let y = x + 1; y < n; y++) panels.push(panel(scenario, analysis, x, y, maxU, assumed, kinds));
  const missing = (['Nash', 'Kalai–Smorodinsky'] as const).filter((k) => !kinds.includes(k));
  const cloudText =
    cloud === null
      ? 'outcomes not drawn (too costly)'
      : cloud.sampled
        ? `${cloud.points.length} sampled outcomes`
        : `all ${cloud.points.length} outcomes`;
  const subtitle = [
    `${analysis.frontier.length} frontier points (${analysis.exact ? 'exact' : 'approximate'}); ${cloudText}`,
    'dashed lines: reservation values',
    ...(missing.length > 0 ? [`no ${missing.join(' or ')} point: no outcome is acceptable to every party`] : []),
    ...(assumed.any ? ['* utilities rest on assumed numbers'] : []),
  ];
  const base = {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: { text: titleLines(`Pareto frontier: ${scenario.title ?? scenario.name}`), subtitle, anchor: 'start' },
    datasets: { points: data },
    background: 'white',
    padding: 12,
    config: { legend: { orient: 'right' }, font: 'sans-serif' },
  };
  const body = panels.length === 1 ? panels[0]! : { concat: panels, columns: Math.min(3, panels.length) };
  return { ...base, ...body } as unknown as TopLevelSpec;
}

/** Long scenario titles in lines of about 60 characters, so they do not widen the picture. */
function titleLines(title: string): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of title.split(' ')) {
    if (line && line.length + word.length + 1 > 60) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  return [...lines, line];
}

/** The frontier plot as SVG: pairwise panels for three or more parties. */
export async function plotFrontier(
  scenario: Scenario,
  analysis: Analysis,
  options: FrontierPlotOptions = {},
): Promise<string> {
  const cloud =
    options.cloud === false ? null : outcomeCloud(scenario, typeof options.cloud === 'object' ? options.cloud : {});
  const svg = await renderVegaLite(frontierSpec(scenario, analysis, cloud));
  if (options.file) writeFileAtomic(options.file, svg);
  return svg;
}
