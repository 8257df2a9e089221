import { createAgent } from '../../src/agents/index.js';
import type { Scenario } from '../../src/core/scenario.js';
import { roleMap } from '../../src/protocols/roles.js';
import { runSession, setupOf, type SessionResult } from '../../src/session/runner.js';

export { ANAC, anacDomains, loadAnac } from '../../bench/lib/anac.js';

/** A SAOP negotiation between two named agents, through the real runner. */
export function saopPair(scenario: Scenario, a: string, b: string, options: { rounds?: number; seed?: number } = {}): SessionResult {
  const seed = options.seed ?? 1;
  const rounds = options.rounds ?? 50;
  const map = roleMap(setupOf(scenario, { rounds }, seed));
  const agents = scenario.parties.map((party, i) =>
    createAgent({ strategy: i === 0 ? a : b }, map.delegations[i]!, { kind: 'delegation', domain: scenario.domain, party: party.name, self: party }),
  );
  return runSession({ scenario, protocol: 'saop', agents, deadline: { rounds }, seed, analysis: 'skip' });
}
