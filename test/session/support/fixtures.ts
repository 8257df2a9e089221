import type { Domain } from '../../../src/core/domain.js';
import type { Party } from '../../../src/core/party.js';
import { NO_ROLES, type Roles } from '../../../src/core/roles.js';
import type { Scenario } from '../../../src/core/scenario.js';
import type { OutsideEvent } from '../../../src/core/timeline.js';
import type { NegotiationSetup } from '../../../src/protocols/types.js';

/** A small phased domain in the shape of the Cairo talks. */
export const truce: Domain = {
  name: 'truce',
  issues: [
    { kind: 'discrete', name: 'ceasefire', values: ['pause', 'permanent'] },
    { kind: 'integer', name: 'captives', min: 18, max: 33 },
    { kind: 'discrete', name: 'withdrawal', values: ['none', 'partial', 'full'] },
  ],
  phases: [
    { name: 'phase-1', issues: ['ceasefire', 'captives'] },
    { name: 'phase-2', issues: ['withdrawal'] },
  ],
};

export const israel: Party = {
  name: 'Israel',
  reservation: 0.3,
  discount: 0.9,
  redLines: [],
  utility: {
    kind: 'additive',
    weights: { ceasefire: 0.4, captives: 0.3, withdrawal: 0.3 },
    values: {
      ceasefire: { kind: 'table', utilities: { pause: 1, permanent: 0 } },
      captives: { kind: 'linear', slope: 1 / 15, offset: -18 / 15 },
      withdrawal: { kind: 'table', utilities: { none: 1, partial: 0.5, full: 0 } },
    },
  },
};

export const hamas: Party = {
  name: 'Hamas',
  reservation: 0.2,
  discount: 1,
  redLines: [],
  utility: {
    kind: 'additive',
    weights: { ceasefire: 0.5, captives: 0.2, withdrawal: 0.3 },
    values: {
      ceasefire: { kind: 'table', utilities: { pause: 0, permanent: 1 } },
      captives: { kind: 'linear', slope: -1 / 15, offset: 33 / 15 },
      withdrawal: { kind: 'table', utilities: { none: 0, partial: 0.5, full: 1 } },
    },
  },
};

export const cairoRoles: Roles = {
  delegations: [
    { name: 'Israel-delegation', party: 'Israel', present: false, decisionBody: 'War-cabinet' },
    { name: 'Hamas-delegation', party: 'Hamas', present: true, decisionBody: 'Hamas-leadership' },
  ],
  mediators: [
    { name: 'Egypt', channels: [] },
    { name: 'Qatar', channels: ['Hamas'] },
  ],
  decisionBodies: [
    { name: 'War-cabinet', party: 'Israel' },
    { name: 'Hamas-leadership', party: 'Hamas' },
  ],
  workingGroups: [{ name: 'Technical-team', members: ['Qatar', 'Egypt'], phase: 'phase-1', issues: [] }],
  observers: [{ name: 'Press' }],
};

/** Every seat of `cairoRoles`, by kind in the order the roles list them. */
export const CAIRO_SEATS: readonly string[] = [
  ...cairoRoles.delegations,
  ...cairoRoles.mediators,
  ...cairoRoles.decisionBodies,
  ...cairoRoles.workingGroups,
  ...cairoRoles.observers,
].map((r) => r.name);

export const rocketAttack: OutsideEvent = {
  id: 'kerem-shalom',
  at: 10,
  title: 'Rocket attack near Kerem Shalom; crossing closed',
  audience: { kind: 'all' },
  effects: [
    { kind: 'weight', party: 'Israel', issue: 'ceasefire', factor: 3 },
    { kind: 'reservation', party: 'Israel', delta: 0.2 },
  ],
};

export const pressure: OutsideEvent = {
  id: 'burns-doha',
  at: 5,
  title: 'Emergency meeting in Doha',
  audience: { kind: 'mediators' },
  effects: [{ kind: 'deadline', delta: 24 }],
};

export function scenario(overrides: Partial<Scenario> = {}): Scenario {
  return {
    name: 'cairo-test',
    reports: [],
    domain: truce,
    parties: [israel, hamas],
    roles: cairoRoles,
    positions: [],
    timeline: [],
    notes: [],
    ...overrides,
  };
}

export function setup(overrides: Partial<NegotiationSetup> = {}): NegotiationSetup {
  return {
    domain: truce,
    parties: ['Israel', 'Hamas'],
    roles: cairoRoles,
    timeline: [],
    deadline: { rounds: 10, time: 100 },
    seed: 7,
    ...overrides,
  };
}

/** Three parties, no roles: every party acts under its own name. */
export function bareSetup(
  parties = ['A', 'B'],
  deadline: NegotiationSetup['deadline'] = { rounds: 3 },
): NegotiationSetup {
  return { domain: truce, parties, roles: NO_ROLES, timeline: [], deadline, seed: 1 };
}

export const deal = { ceasefire: 'pause', captives: 33, withdrawal: 'partial' } as const;
export const counter = { ceasefire: 'permanent', captives: 20, withdrawal: 'full' } as const;
