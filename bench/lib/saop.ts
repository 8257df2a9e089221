/** One SAOP negotiation between named strategies, through the real runner: the unit of the simulation benchmark and of the agent tests. */
import { createAgent } from '../../src/agents/index.js';
import type { Scenario } from '../../src/core/scenario.js';
import { roleMap } from '../../src/protocols/roles.js';
import { setupOf } from '../../src/session/core.js';
import type { NegotiationResult } from '../../src/session/result.js';
import { runSession, type SessionRun } from '../../src/session/runner.js';
import { resultOf } from '../../src/session/simulate.js';

export interface SaopOptions {
  readonly rounds?: number;
  readonly seed?: number;
  /** Parameters of each party's strategy, in party order. */
  readonly params?: readonly Record<string, string | number>[];
}

/** Party i plays `strategies[i]`, seeded `seed + i`; metrics are skipped (`analysis: 'skip'`). */
export function saopRun(
  scenario: Scenario,
  strategies: readonly string[],
  options: SaopOptions = {},
): SessionRun & { result: NegotiationResult } {
  const seed = options.seed ?? 1;
  const rounds = options.rounds ?? 100;
  const seats = roleMap(setupOf(scenario, { rounds }, seed));
  const agents = scenario.parties.map((party, i) =>
    createAgent({ strategy: strategies[i]!, params: options.params?.[i] }, seats.delegations[i]!, {
      kind: 'delegation',
      domain: scenario.domain,
      party: party.name,
      self: party,
      seed: seed + i,
    }),
  );
  const run = runSession({ scenario, protocol: 'saop', agents, deadline: { rounds }, seed });
  return { ...run, result: resultOf(scenario, run) };
}
