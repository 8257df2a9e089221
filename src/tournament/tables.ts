/** The tournament's tables: rows and scores as CSV, and the ranked table as text. */
import { stringify } from 'csv-stringify/sync';
import type { Estimate } from './stats.js';
import { AGENT_METRICS, MEDIATOR_METRICS, type AgentScore, type MediatorScore } from './scores.js';
import type { NegotiationRow } from './types.js';

const num = (x: number | null) => (x === null ? '' : x);
/** Booleans as true / false (csv-stringify's default writes 1 and an empty cell). */
const CSV_OPTIONS = { cast: { boolean: (b: boolean) => String(b) } };

/** One row per negotiation; per-party columns numbered from 1, up to the most parties any scenario has. */
export function rowsCsv(rows: readonly NegotiationRow[]): string {
  const most = rows.reduce((m, r) => Math.max(m, r.parties.length), 0);
  const seats = Array.from({ length: most }, (_, i) => i + 1);
  const header = [
    'id',
    'index',
    'scenario',
    'protocol',
    'mediator',
    'seed',
    ...seats.flatMap((s) => [`party${s}`, `agent${s}`, `utility${s}`, `discounted${s}`]),
    'agreement',
    'endReason',
    'welfare',
    'rounds',
    'time',
    'frontierDistance',
    'nashDistance',
    'outcome',
    'seconds',
  ];
  const body = rows.map((r) => [
    r.id,
    r.index,
    r.scenario,
    r.protocol,
    r.mediator ?? '',
    r.seed,
    ...seats.flatMap((_, i) => [
      r.parties[i] ?? '',
      r.agents[i] ?? '',
      num(r.utilities[i] ?? null),
      num(r.discounted[i] ?? null),
    ]),
    r.agreement,
    r.endReason,
    r.welfare,
    r.rounds,
    r.time,
    num(r.frontierDistance),
    num(r.nashDistance),
    r.outcome ? JSON.stringify(r.outcome) : '',
    r.seconds,
  ]);
  return stringify([header, ...body], CSV_OPTIONS);
}

const estimateCells = (e: Estimate | null): (number | string)[] => (e ? [e.mean, e.ci] : ['', '']);

/** Per agent: rank, seats played, and each metric's mean and 95% half-width. */
export function scoresCsv(scores: readonly AgentScore[]): string {
  const header = ['rank', 'agent', 'n', ...AGENT_METRICS.flatMap((m) => [m, `${m}Ci95`])];
  const body = scores.map((s) => [s.rank, s.agent, s.n, ...AGENT_METRICS.flatMap((m) => estimateCells(s.metrics[m]))]);
  return stringify([header, ...body]);
}

export function mediatorScoresCsv(scores: readonly MediatorScore[]): string {
  const header = ['mediator', 'n', ...MEDIATOR_METRICS.flatMap((m) => [m, `${m}Ci95`])];
  const body = scores.map((s) => [s.mediator, s.n, ...MEDIATOR_METRICS.flatMap((m) => estimateCells(s.metrics[m]))]);
  return stringify([header, ...body]);
}

const cell = (e: Estimate | null, digits = 3) => (e ? `${e.mean.toFixed(digits)} ± ${e.ci.toFixed(digits)}` : '–');

function table(header: readonly string[], body: readonly (readonly string[])[]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((r) => r[i]!.length)));
  const line = (cells: readonly string[]) =>
    cells
      .map((c, i) => (i <= 1 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!)))
      .join('  ')
      .trimEnd();
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...body.map(line)].join('\n') + '\n';
}

/** The ranked table: every mean with its 95% confidence half-width. */
export function rankedTable(scores: readonly AgentScore[]): string {
  const header = [
    'Rank',
    'Agent',
    'n',
    'Utility',
    'Discounted',
    'Welfare',
    'Agreement',
    'To frontier',
    'To Nash',
    'Rounds',
  ];
  const body = scores.map((s) => [
    String(s.rank),
    s.agent,
    String(s.n),
    cell(s.metrics.utility),
    cell(s.metrics.discounted),
    cell(s.metrics.welfare),
    cell(s.metrics.agreement, 2),
    cell(s.metrics.frontierDistance),
    cell(s.metrics.nashDistance),
    cell(s.metrics.rounds, 1),
  ]);
  return table(header, body);
}

export function mediatorTable(scores: readonly MediatorScore[]): string {
  const header = ['Mediator', 'n', 'Agreement', 'Welfare', 'To Nash', 'Rounds'];
  const body = scores.map((s) => [
    s.mediator,
    String(s.n),
    cell(s.metrics.agreement, 2),
    cell(s.metrics.welfare),
    cell(s.metrics.nashDistance),
    cell(s.metrics.rounds, 1),
  ]);
  return table(header, body);
}
