import type { Domain, Outcome } from '../../../src/core/domain.js';
import type { Party, RedLine } from '../../../src/core/party.js';
import { Random } from '../../../src/core/random.js';
import { NO_ROLES, type Roles } from '../../../src/core/roles.js';
import { bareScenario, type Scenario } from '../../../src/core/scenario.js';
import { createAgent } from '../../../src/agents/index.js';
import type { Agent, AgentView } from '../../../src/protocols/agent.js';
import type { Expectation } from '../../../src/protocols/types.js';
import type { VisibleEvent } from '../../../src/protocols/agent.js';
import type { Effect } from '../../../src/core/timeline.js';
import type { Position } from '../../../src/protocols/position.js';

/** A domain of `issues` discrete issues with `values` values each, named i0.., v0... */
export function gridDomain(issues: number, values: number, name = 'grid'): Domain {
  return {
    name,
    issues: Array.from({ length: issues }, (_, i) => ({
      kind: 'discrete' as const,
      name: `i${i}`,
      values: Array.from({ length: values }, (_, j) => `v${j}`),
    })),
    phases: [],
  };
}

/** An additive party with random weights and value utilities, seeded. */
export function randomParty(
  domain: Domain,
  name: string,
  seed: number,
  extra: { reservation?: number; redLines?: RedLine[] } = {},
): Party {
  const rng = new Random(seed);
  const raw = domain.issues.map(() => rng.next() + 0.1);
  const total = raw.reduce((a, b) => a + b, 0);
  const weights = Object.fromEntries(domain.issues.map((i, k) => [i.name, raw[k]! / total]));
  const values = Object.fromEntries(
    domain.issues.map((i) => {
      if (i.kind !== 'discrete') throw new Error('discrete issues only');
      const us = i.values.map(() => rng.next());
      const max = Math.max(...us);
      return [
        i.name,
        { kind: 'table' as const, utilities: Object.fromEntries(i.values.map((v, j) => [v, us[j]! / max])) },
      ];
    }),
  );
  return {
    name,
    utility: { kind: 'additive', weights, values },
    reservation: extra.reservation ?? 0,
    discount: 1,
    redLines: extra.redLines ?? [],
  };
}

export function scenarioOf(domain: Domain, parties: Party[], roles: Roles = NO_ROLES): Scenario {
  return { ...bareScenario(domain.name, domain, parties), roles };
}

export function delegation(
  strategy: string,
  party: Party,
  domain: Domain,
  params: Record<string, string | number | boolean> = {},
  seed = 7,
): Agent {
  return createAgent({ strategy, params }, party.name, {
    kind: 'delegation',
    domain,
    party: party.name,
    self: party,
    seed,
  });
}

/** A hand-made view, for driving one agent directly. */
export function viewFor(
  domain: Domain,
  self: Party | undefined,
  expectation: Expectation,
  events: VisibleEvent[],
  extra: Partial<AgentView> = {},
): AgentView {
  return {
    role: expectation.role,
    party: self?.name,
    kind: 'delegation',
    domain,
    parties: extra.parties ?? ['A', 'B'],
    now: 0,
    round: 0,
    deadline: { rounds: 100 },
    progress: 0,
    expectation,
    events,
    self,
    revealed: {},
    seed: 1,
    ...extra,
  };
}

let seq = 0;
/** A SAOP offer event as the protocol would emit it. */
export function offerEvent(party: string, outcome: Outcome, proposal = `offer-${++seq}`): VisibleEvent {
  return { kind: 'offer', seq: ++seq, at: 0, audience: { kind: 'all' }, actor: party, party, proposal, outcome };
}

/** A text the mediator M tabled to all. */
export function tabledEvent(proposal: string, text: Outcome): VisibleEvent {
  return { kind: 'text-tabled', seq: ++seq, at: 0, audience: { kind: 'all' }, actor: 'M', proposal, text };
}

/** A party's answer to a tabled text, as the mediators see it. */
export function responseEvent(
  proposal: string,
  party: string,
  answer: 'accept' | 'reject' | 'amend',
  extra: { amendments?: Outcome; reason?: string; position?: Position } = {},
): VisibleEvent {
  return {
    kind: 'text-response',
    seq: ++seq,
    at: 0,
    audience: { kind: 'mediators' },
    actor: party,
    party,
    proposal,
    answer,
    ...extra,
  };
}

/** An outside event seen by all, named by its title. */
export function outsideEvent(title: string, effects: Effect[]): VisibleEvent {
  return { kind: 'outside-event', seq: ++seq, at: 0, audience: { kind: 'all' }, id: title, title, effects };
}

/** A public statement by a party's delegation carrying a structured position. */
export function statementEvent(party: string, position: Position): VisibleEvent {
  return {
    kind: 'statement',
    seq: ++seq,
    at: 0,
    audience: { kind: 'all' },
    actor: `${party}-delegation`,
    party,
    text: '',
    binding: false,
    position,
  };
}
