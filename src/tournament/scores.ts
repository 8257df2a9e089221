/**
 * ANAC-style scores from the rows. Each seat an agent plays is one observation: its
 * individual utility (the reservation value without agreement), undiscounted, with the
 * discounted utility beside it; the negotiation's social welfare; agreement (1 or 0);
 * distance to the Pareto frontier and to Nash; rounds. Agents are ranked by mean
 * individual utility. Mediators are scored on the sessions they mediate.
 */
import { estimate, type Estimate } from './stats.js';
import type { NegotiationRow } from './types.js';

export const AGENT_METRICS = [
  'utility',
  'discounted',
  'welfare',
  'agreement',
  'frontierDistance',
  'nashDistance',
  'rounds',
] as const;
export type AgentMetric = (typeof AGENT_METRICS)[number];

export const MEDIATOR_METRICS = ['agreement', 'welfare', 'nashDistance', 'rounds'] as const;
export type MediatorMetric = (typeof MEDIATOR_METRICS)[number];

export interface AgentScore {
  readonly rank: number;
  readonly agent: string;
  /** Seats played. */
  readonly n: number;
  readonly metrics: Readonly<Record<AgentMetric, Estimate | null>>;
}

export interface MediatorScore {
  readonly mediator: string;
  readonly n: number;
  readonly metrics: Readonly<Record<MediatorMetric, Estimate | null>>;
}

type Samples<K extends string> = Record<K, number[]>;

function samples<K extends string>(keys: readonly K[]): Samples<K> {
  return Object.fromEntries(keys.map((k) => [k, []])) as unknown as Samples<K>;
}

const push = (list: number[], v: number | null) => {
  if (v !== null) list.push(v);
};

/** Scores per agent, best mean individual utility first (ties: by name). */
export function agentScores(rows: readonly NegotiationRow[], agents: readonly string[]): AgentScore[] {
  const by = new Map(agents.map((a) => [a, samples(AGENT_METRICS)]));
  for (const row of rows) {
    row.agents.forEach((agent, seat) => {
      const s = by.get(agent);
      if (!s) return;
      s.utility.push(row.utilities[seat]!);
      s.discounted.push(row.discounted[seat]!);
      s.welfare.push(row.welfare);
      s.agreement.push(row.agreement ? 1 : 0);
      push(s.frontierDistance, row.frontierDistance);
      push(s.nashDistance, row.nashDistance);
      s.rounds.push(row.rounds);
    });
  }
  const scored = agents.map((agent) => {
    const s = by.get(agent)!;
    const metrics = Object.fromEntries(AGENT_METRICS.map((m) => [m, estimate(s[m])])) as Record<
      AgentMetric,
      Estimate | null
    >;
    return { agent, n: s.utility.length, metrics };
  });
  scored.sort(
    (a, b) =>
      (b.metrics.utility?.mean ?? -Infinity) - (a.metrics.utility?.mean ?? -Infinity) ||
      (a.agent < b.agent ? -1 : a.agent > b.agent ? 1 : 0),
  );
  return scored.map((s, i) => ({ rank: i + 1, ...s }));
}

/** Scores per mediator on the sessions it mediated; empty when no protocol had mediators. */
export function mediatorScores(rows: readonly NegotiationRow[], mediators: readonly string[]): MediatorScore[] {
  const by = new Map(mediators.map((m) => [m, samples(MEDIATOR_METRICS)]));
  for (const row of rows) {
    const s = row.mediator === null ? undefined : by.get(row.mediator);
    if (!s) continue;
    s.agreement.push(row.agreement ? 1 : 0);
    s.welfare.push(row.welfare);
    push(s.nashDistance, row.nashDistance);
    s.rounds.push(row.rounds);
  }
  return mediators
    .map((mediator) => {
      const s = by.get(mediator)!;
      const metrics = Object.fromEntries(MEDIATOR_METRICS.map((m) => [m, estimate(s[m])])) as Record<
        MediatorMetric,
        Estimate | null
      >;
      return { mediator, n: s.agreement.length, metrics };
    })
    .filter((m) => m.n > 0);
}

/**
 * Agent × opponent: the row agent's mean individual utility in negotiations where the
 * column agent held another seat (every other seat counts in multilateral talks).
 */
export function headToHead(rows: readonly NegotiationRow[], agents: readonly string[]): (number | null)[][] {
  const index = new Map(agents.map((a, i) => [a, i]));
  const sum = agents.map(() => agents.map(() => 0));
  const count = agents.map(() => agents.map(() => 0));
  for (const row of rows) {
    row.agents.forEach((agent, seat) => {
      const i = index.get(agent);
      if (i === undefined) return;
      row.agents.forEach((other, otherSeat) => {
        const j = index.get(other);
        if (otherSeat === seat || j === undefined) return;
        sum[i]![j]! += row.utilities[seat]!;
        count[i]![j]!++;
      });
    });
  }
  return sum.map((r, i) => r.map((s, j) => (count[i]![j]! === 0 ? null : s / count[i]![j]!)));
}
