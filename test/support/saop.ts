/** One SAOP negotiation between named strategies, assembled as every run is (`planRun`, `simulate`): the unit of the simulation benchmark and of the agent tests. */
import type { Scenario } from '../../src/core/scenario.js';
import { planRun } from '../../src/session/plan.js';
import { simulate, type RunOutcome } from '../../src/session/simulate.js';

export interface SaopOptions {
  readonly rounds?: number;
  readonly seed?: number;
  /** Parameters of each party's strategy, in party order. */
  readonly params?: readonly Record<string, string | number>[];
}

/** Party i plays `strategies[i]`, seeded `seed + i`; analysis is skipped. */
export function saopRun(scenario: Scenario, strategies: readonly string[], options: SaopOptions = {}): RunOutcome {
  const seed = options.seed ?? 1;
  const agents = strategies.map((strategy, i) => ({ strategy, params: options.params?.[i] ?? {} }));
  const plan = planRun(scenario, { protocol: 'saop', agents, rounds: options.rounds ?? 100, seed });
  const seats = plan.seats.map((s, i) => ({ ...s, seed: seed + i }));
  return simulate({ ...plan, seats }, { analysisTimeLimit: 0 });
}
