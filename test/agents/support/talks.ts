import type { Domain } from '../../../src/core/domain.js';
import type { Party } from '../../../src/core/party.js';
import type { Roles } from '../../../src/core/roles.js';
import { createAgent } from '../../../src/agents/index.js';
import type { NegotiationResult } from '../../../src/session/result.js';
import { runSession, type SessionRun } from '../../../src/session/runner.js';
import { resultOf } from '../../../src/session/simulate.js';
import { scenarioOf } from './fixtures.js';

export interface TalksOptions {
  readonly protocol: 'single-text' | 'shuttle';
  readonly mediator: string;
  readonly strategies: readonly string[];
  readonly rounds?: number;
  readonly reveal?: boolean;
  /** Shuttle only: give each party a decision body played by `principal`. */
  readonly bodies?: boolean;
  readonly params?: Record<string, string | number>;
  readonly seed?: number;
}

/** Mediated talks between the parties, through the real runner. */
export function mediatedRun(
  domain: Domain,
  parties: readonly Party[],
  o: TalksOptions,
): SessionRun & { result: NegotiationResult } {
  const bodies = o.protocol === 'shuttle' && o.bodies !== false;
  const roles: Roles = {
    mediators: [{ name: 'M', channels: [] }],
    delegations: parties.map((p) => ({
      name: `${p.name}-delegation`,
      party: p.name,
      present: true,
      decisionBody: bodies ? `${p.name}-body` : undefined,
    })),
    decisionBodies: bodies ? parties.map((p) => ({ name: `${p.name}-body`, party: p.name })) : [],
    workingGroups: [],
    observers: [],
  };
  const scenario = scenarioOf(domain, [...parties], roles);
  const agents = [
    createAgent({ strategy: o.mediator }, 'M', { kind: 'mediator', domain, seed: 3 }),
    ...parties.map((p, i) =>
      createAgent({ strategy: o.strategies[i % o.strategies.length]!, params: o.params }, `${p.name}-delegation`, {
        kind: 'delegation',
        domain,
        party: p.name,
        self: p,
        seed: 1 + i,
      }),
    ),
    ...(bodies
      ? parties.map((p) =>
          createAgent({ strategy: 'principal' }, `${p.name}-body`, {
            kind: 'decision-body',
            domain,
            party: p.name,
            self: p,
          }),
        )
      : []),
  ];
  const run = runSession({
    scenario,
    protocol: o.protocol,
    agents,
    deadline: { rounds: o.rounds ?? 40 },
    seed: o.seed ?? 1,
    revealToMediators: o.reveal ? parties.map((p) => p.name) : [],
  });
  return { ...run, result: resultOf(scenario, run) };
}
