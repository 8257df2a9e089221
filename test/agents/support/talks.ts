import type { Domain } from '../../../src/core/domain.js';
import type { Party } from '../../../src/core/party.js';
import type { Roles } from '../../../src/core/roles.js';
import { planRun } from '../../../src/session/plan.js';
import { simulate, type RunOutcome } from '../../../src/session/simulate.js';
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

/** Mediated talks between the parties, assembled as every run is (`planRun`, `simulate`). */
export function mediatedRun(domain: Domain, parties: readonly Party[], o: TalksOptions): RunOutcome {
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
  const plan = planRun(scenario, {
    protocol: o.protocol,
    agents: parties.map((_, i) => ({ strategy: o.strategies[i % o.strategies.length]!, params: o.params ?? {} })),
    mediators: [{ strategy: o.mediator }],
    rounds: o.rounds ?? 40,
    seed: o.seed ?? 1,
  });
  // Delegations seeded 1, 2, …; mediators and decision bodies draw from their views' seeds.
  const seats = plan.seats.map((s) =>
    s.kind === 'delegation' ? { ...s, seed: 1 + parties.findIndex((p) => p.name === s.party) } : s,
  );
  const reveal = o.reveal ? parties.map((p) => p.name) : undefined;
  return simulate({ ...plan, seats, revealToMediators: reveal }, { analysisTimeLimit: 0 });
}
