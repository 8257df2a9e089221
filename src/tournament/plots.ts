/** The tournament's plots (SVG through the shared vega-lite renderer): score distributions and head-to-head. */
import { renderVegaLite, type TopLevelSpec } from '../report/plot/vega.js';
import { wrapTitle } from '../report/plot/wrap-title.js';
import type { AgentScore } from './scores.js';
import type { NegotiationRow } from './types.js';

const SCHEMA = 'https://vega.github.io/schema/vega-lite/v6.json';

/** Box plot of each agent's individual utilities (one point per seat played), agents in rank order. */
export function scoreDistributionSpec(
  title: string,
  rows: readonly NegotiationRow[],
  scores: readonly AgentScore[],
): TopLevelSpec {
  const order = scores.map((s) => s.agent);
  const values = rows.flatMap((r) => r.agents.map((agent, seat) => ({ agent, utility: r.utilities[seat]! })));
  return {
    $schema: SCHEMA,
    title: {
      text: wrapTitle(`Individual utility per agent: ${title}`),
      subtitle: 'Every seat an agent played (reservation value without agreement); agents by rank',
      anchor: 'start',
    },
    data: { values },
    width: Math.max(240, 64 * order.length),
    height: 300,
    background: 'white',
    padding: 12,
    config: { font: 'sans-serif' },
    mark: { type: 'boxplot', extent: 1.5, size: 28 },
    encoding: {
      x: { field: 'agent', type: 'nominal', sort: order, title: 'Agent', axis: { labelAngle: -30 } },
      y: { field: 'utility', type: 'quantitative', title: 'Individual utility', scale: { domain: [0, 1] } },
      color: { field: 'agent', type: 'nominal', sort: order, legend: null },
    },
  } as unknown as TopLevelSpec;
}

/** Heat map of the row agent's mean utility against each opponent, the value written in each cell. */
export function headToHeadSpec(
  title: string,
  agents: readonly string[],
  matrix: readonly (readonly (number | null)[])[],
): TopLevelSpec {
  const values = agents.flatMap((agent, i) =>
    agents.map((opponent, j) => ({ agent, opponent, utility: matrix[i]![j] ?? null })),
  );
  const encoding = {
    x: { field: 'opponent', type: 'nominal', sort: [...agents], title: 'Opponent', axis: { labelAngle: -30 } },
    y: { field: 'agent', type: 'nominal', sort: [...agents], title: 'Agent' },
  };
  return {
    $schema: SCHEMA,
    title: {
      text: wrapTitle(`Agent against opponent: ${title}`),
      subtitle: 'Mean individual utility of the agent (row) in negotiations with the opponent (column)',
      anchor: 'start',
    },
    data: { values },
    width: Math.max(200, 56 * agents.length),
    height: Math.max(200, 40 * agents.length),
    background: 'white',
    padding: 12,
    config: { font: 'sans-serif' },
    layer: [
      {
        mark: 'rect',
        encoding: {
          ...encoding,
          color: {
            field: 'utility',
            type: 'quantitative',
            title: 'Utility',
            scale: { scheme: 'viridis', domain: [0, 1] },
          },
        },
      },
      {
        mark: { type: 'text', fontSize: 10 },
        encoding: {
          ...encoding,
          text: { field: 'utility', type: 'quantitative', format: '.2f' },
          color: { condition: { test: 'datum.utility > 0.6', value: 'black' }, value: 'white' },
        },
      },
    ],
  } as unknown as TopLevelSpec;
}

export async function plotScoreDistribution(
  title: string,
  rows: readonly NegotiationRow[],
  scores: readonly AgentScore[],
): Promise<string> {
  return renderVegaLite(scoreDistributionSpec(title, rows, scores));
}

export async function plotHeadToHead(
  title: string,
  agents: readonly string[],
  matrix: readonly (readonly (number | null)[])[],
): Promise<string> {
  return renderVegaLite(headToHeadSpec(title, agents, matrix));
}
