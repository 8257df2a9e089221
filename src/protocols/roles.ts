import type { NegotiationSetup } from './types.js';

/**
 * Who holds which seat. A party acts through its delegation; a party without one acts
 * under its own name. A party without a decision body binds itself by accepting.
 */
export interface RoleMap {
  /** Acting role of each party, in party order. */
  readonly delegations: readonly string[];
  readonly partyOfRole: Readonly<Record<string, string>>;
  /** Decision body name per party, if it has one. */
  readonly bodyOfParty: Readonly<Record<string, string>>;
  readonly partyOfBody: Readonly<Record<string, string>>;
  readonly mediators: readonly string[];
  /** Parties each mediator may speak with (all parties when its channel list is empty). */
  readonly channels: Readonly<Record<string, readonly string[]>>;
  readonly groups: readonly string[];
  /** Issues each working group may settle: its own issues plus those of its phase. */
  readonly groupIssues: Readonly<Record<string, readonly string[]>>;
  readonly present: Readonly<Record<string, boolean>>;
}

/**
 * The seats a setup defines. A pure function of the (immutable) setup, so it is cached per
 * setup object: protocols call it on every step, and rebuilding it dominated simulations.
 */
export function roleMap(setup: NegotiationSetup): RoleMap {
  let map = cache.get(setup);
  if (map === undefined) {
    map = buildRoleMap(setup);
    cache.set(setup, map);
  }
  return map;
}

const cache = new WeakMap<NegotiationSetup, RoleMap>();

function buildRoleMap(setup: NegotiationSetup): RoleMap {
  const { roles, parties, domain } = setup;
  const delegations = parties.map((p) => roles.delegations.find((d) => d.party === p)?.name ?? p);
  const partyOfRole = Object.fromEntries(parties.map((p, i) => [delegations[i]!, p]));
  const bodyOfParty: Record<string, string> = {};
  for (const p of parties) {
    const body =
      roles.delegations.find((d) => d.party === p)?.decisionBody ??
      roles.decisionBodies.find((b) => b.party === p)?.name;
    if (body !== undefined) bodyOfParty[p] = body;
  }
  const partyOfBody = Object.fromEntries(Object.entries(bodyOfParty).map(([p, b]) => [b, p]));
  const channels = Object.fromEntries(
    roles.mediators.map((m) => [m.name, m.channels.length === 0 ? parties : m.channels]),
  );
  const groupIssues = Object.fromEntries(
    roles.workingGroups.map((g) => {
      const phaseIssues = domain.phases.find((ph) => ph.name === g.phase)?.issues ?? [];
      return [g.name, [...new Set([...g.issues, ...phaseIssues])]];
    }),
  );
  const present = Object.fromEntries(
    parties.map((p) => [p, roles.delegations.find((d) => d.party === p)?.present ?? true]),
  );
  return {
    delegations,
    partyOfRole,
    bodyOfParty,
    partyOfBody,
    channels,
    groupIssues,
    present,
    mediators: roles.mediators.map((m) => m.name),
    groups: roles.workingGroups.map((g) => g.name),
  };
}
