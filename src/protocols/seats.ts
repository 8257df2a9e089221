import type { RoleKind } from './agent.js';
import { roleMap, type RoleMap } from './roles.js';
import type { NegotiationSetup } from './types.js';
import type { Viewer } from './visibility.js';

/** A role's seat at the table: what kind of seat, for which party, and how it looks at the log. */
export interface Seat {
  readonly role: string;
  readonly kind: RoleKind;
  readonly party?: string;
  readonly viewer: Viewer;
}

/** The seat a role name holds in a setup; unknown names are observers. */
export function seatOf(setup: NegotiationSetup, role: string, map: RoleMap = roleMap(setup)): Seat {
  const party = map.partyOfRole[role];
  if (party !== undefined) return { role, kind: 'delegation', party, viewer: { kind: 'party', party, role } };
  if (map.mediators.includes(role))
    return { role, kind: 'mediator', viewer: { kind: 'mediator', name: role, channels: map.channels[role] } };
  const bodyParty = map.partyOfBody[role];
  if (bodyParty !== undefined)
    return {
      role,
      kind: 'decision-body',
      party: bodyParty,
      viewer: { kind: 'decision-body', body: role, party: bodyParty },
    };
  const group = setup.roles.workingGroups.find((g) => g.name === role);
  if (group)
    return { role, kind: 'working-group', viewer: { kind: 'working-group', group: role, members: group.members } };
  return { role, kind: 'observer', viewer: { kind: 'observer' } };
}

/** Every role that can act in a setup. */
export function actingRoles(setup: NegotiationSetup): string[] {
  const map = roleMap(setup);
  return [...map.mediators, ...map.delegations, ...Object.values(map.bodyOfParty), ...map.groups];
}
