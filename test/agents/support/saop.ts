import type { Scenario } from '../../../src/core/scenario.js';
import { createAgent } from '../../../src/agents/index.js';
import { runSession, type SessionResult } from '../../../src/session/runner.js';

/** One SAOP negotiation between two named agents on a scenario, through the real runner. */
export function saopRun(scenario: Scenario, names: readonly [string, string], rounds = 100, seed = 1, params: Record<string, string | number>[] = [{}, {}]): SessionResult {
  const agents = scenario.parties.map((p, i) =>
    createAgent({ strategy: names[i]!, params: params[i] }, p.name, { kind: 'delegation', domain: scenario.domain, party: p.name, self: p, seed: seed + i }),
  );
  return runSession({ scenario, protocol: 'saop', agents, deadline: { rounds }, seed, analysis: 'skip' });
}
