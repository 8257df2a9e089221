import type { Domain } from '../core/domain.js';
import type { Party } from '../core/party.js';
import { withEffects } from '../core/timeline.js';
import type { BaseState } from '../protocols/base.js';
import { progressOf } from '../protocols/base.js';
import type { ProtocolEvent } from '../protocols/events.js';
import { roleMap, type RoleMap } from '../protocols/roles.js';
import type { Expectation, NegotiationSetup } from '../protocols/types.js';
import { visibleTo, type Viewer } from '../protocols/visibility.js';
import type { AgentView, RoleKind } from './agent-view.js';

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
  if (map.mediators.includes(role)) return { role, kind: 'mediator', viewer: { kind: 'mediator', name: role, channels: map.channels[role] } };
  const bodyParty = map.partyOfBody[role];
  if (bodyParty !== undefined) return { role, kind: 'decision-body', party: bodyParty, viewer: { kind: 'decision-body', body: role, party: bodyParty } };
  const group = setup.roles.workingGroups.find((g) => g.name === role);
  if (group) return { role, kind: 'working-group', viewer: { kind: 'working-group', group: role, members: group.members } };
  return { role, kind: 'observer', viewer: { kind: 'observer' } };
}

/** Every role that can act in a setup. */
export function actingRoles(setup: NegotiationSetup): string[] {
  const map = roleMap(setup);
  return [...map.mediators, ...map.delegations, ...Object.values(map.bodyOfParty), ...map.groups];
}

/**
 * Keeps, per seat, the events it may see, in order, as the log grows: the one place the
 * runner turns the full log into what a role receives.
 */
export class ViewBook {
  private readonly seen = new Map<string, ProtocolEvent[]>();
  /** A frozen copy per role, made again only after new events reach it. */
  private readonly snapshots = new Map<string, readonly ProtocolEvent[]>();
  private readonly seats = new Map<string, Seat>();

  constructor(
    private readonly setup: NegotiationSetup,
    private readonly parties: readonly Party[],
    private readonly revealToMediators: readonly string[],
  ) {
    const map = roleMap(setup);
    for (const role of actingRoles(setup)) {
      this.seats.set(role, seatOf(setup, role, map));
      this.seen.set(role, []);
    }
  }

  record(event: ProtocolEvent): void {
    for (const [role, seat] of this.seats) {
      if (!visibleTo(event, seat.viewer)) continue;
      this.seen.get(role)!.push(event);
      this.snapshots.delete(role);
    }
  }

  /** What a role has seen so far; a view never changes after it was handed out. */
  eventsOf(role: string): readonly ProtocolEvent[] {
    let snapshot = this.snapshots.get(role);
    if (!snapshot) {
      snapshot = Object.freeze([...(this.seen.get(role) ?? [])]);
      this.snapshots.set(role, snapshot);
    }
    return snapshot;
  }

  view(state: BaseState, expectation: Expectation): AgentView {
    const seat = this.seats.get(expectation.role) ?? seatOf(this.setup, expectation.role);
    const current = (name: string) => {
      const p = this.parties.find((x) => x.name === name);
      return p ? withEffects(p, state.effects) : undefined;
    };
    const revealed: Record<string, Party> = {};
    if (seat.kind === 'mediator') for (const name of this.revealToMediators) if (current(name)) revealed[name] = current(name)!;
    return {
      role: seat.role, party: seat.party, kind: seat.kind, domain: this.setup.domain as Domain, parties: this.setup.parties,
      now: state.now, round: state.round, deadline: state.deadline, progress: progressOf(state), expectation,
      events: this.eventsOf(seat.role), self: seat.party !== undefined ? current(seat.party) : undefined, revealed, seed: roleSeed(this.setup.seed, seat.role),
    };
  }
}

/** Each role gets its own seed, fixed by the session seed and its name. */
export function roleSeed(seed: number, role: string): number {
  let h = seed >>> 0;
  for (let i = 0; i < role.length; i++) h = Math.imul(h ^ role.charCodeAt(i), 0x01000193) >>> 0;
  return h;
}
