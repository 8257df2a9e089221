import type { Audience } from '../core/timeline.js';
import type { ProtocolEvent } from './events.js';
import { CONVENOR } from './moves/close.js';
import { roleMap, type RoleMap } from './roles.js';
import type { EventAudience, NegotiationSetup } from './types.js';

export const ALL: Audience = { kind: 'all' };
export const MEDIATORS: Audience = { kind: 'mediators' };
export const toParty = (party: string): Audience => ({ kind: 'party', party });

/** An event as a protocol writes it: no place in the log yet, and no audience (this file decides it). */
export type UnaddressedEvent = ProtocolEvent extends infer E
  ? E extends ProtocolEvent
    ? Omit<E, 'seq' | 'at' | 'audience'>
    : never
  : never;

/**
 * The one rule for who hears an event, from its kind, the seat that caused it and its
 * payload (a relay's recipient, a package's addressee, a referral's working group):
 * - the table's public record (texts, offers, statements, adjournments, the end): everyone;
 * - a party's answer to a text or package: the mediators, never the other side;
 * - what is addressed to one party (a package, a relay, a revision, a ratification): that party;
 * - consultations and ratification requests: the party's decision body;
 * - referrals and settled details: the working group;
 * - an outside event: the audience the timeline gives it;
 * - a refused action: the actor's own side (the convenor's: its own seat);
 * - a mediator's adjournment of the talks, or its holding a round without a text: everyone (like a delegation's);
 * - the convenor closing the talks: everyone;
 * - shared preferences: the mediators, never the other side; kept for itself (`to: 'self'`): the delegation's seat alone;
 * - a caucus: its one mediator and its one party, not the party's other mediators;
 * - a mandate: the party's own side (delegation and decision body), not the mediators;
 * - a note: its author's seat alone.
 * `canSee` in visibility.ts then says which viewers an audience includes.
 */
export function audienceOf(event: UnaddressedEvent, setup: NegotiationSetup): EventAudience {
  switch (event.kind) {
    case 'started':
    case 'deadline-moved':
    case 'statement':
    case 'agreement':
    case 'walk-away':
    case 'deadline':
    case 'offer':
    case 'accept':
    case 'text-tabled':
    case 'adjourned':
    case 'returned':
    case 'return-missed':
    case 'talks-adjourned':
    case 'held':
    case 'closed':
      return ALL;
    case 'text-response':
    case 'package-response':
      return MEDIATORS;
    case 'preferences-shared':
      return event.to === 'self' ? { kind: 'seat', role: event.actor } : MEDIATORS;
    case 'caucus':
      return { kind: 'caucus', mediator: event.mediator, party: event.party };
    case 'mandate':
      return { kind: 'side', party: event.party };
    case 'note':
      return { kind: 'seat', role: event.actor };
    case 'package-tabled':
    case 'package-revised':
    case 'ratified':
    case 'ratification-refused':
      return toParty(event.party);
    case 'relayed':
      return toParty(event.to);
    case 'consultation':
    case 'ratification-requested':
      return { kind: 'decision-body', body: event.body };
    case 'phase-referred':
      return { kind: 'working-group', group: event.group };
    case 'settled':
      return { kind: 'working-group', group: event.actor };
    case 'outside-event':
      return outsideAudience(setup, event.id);
    case 'invalid-action':
      return actorAudience(roleMap(setup), event.actor);
  }
}

function outsideAudience(setup: NegotiationSetup, id: string): Audience {
  const found = setup.timeline.find((e) => e.id === id);
  if (!found) throw new Error(`outside event "${id}" is not on the timeline of this negotiation`);
  return found.audience;
}

/** The audience that may see a refused action: the actor's own side. */
export function actorAudience(map: RoleMap, actor: string): EventAudience {
  if (actor === CONVENOR) return { kind: 'seat', role: CONVENOR };
  const party = map.partyOfRole[actor];
  if (party !== undefined) return { kind: 'party', party };
  if (map.partyOfBody[actor] !== undefined) return { kind: 'decision-body', body: actor };
  if (map.groups.includes(actor)) return { kind: 'working-group', group: actor };
  return { kind: 'mediators' };
}
