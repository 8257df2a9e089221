import type { EventAudience, EventBase } from './types.js';

/** Who is looking. A mediator may carry its channels; without them it hears every party. */
export type Viewer =
  | { readonly kind: 'party'; readonly party: string; readonly role: string }
  | { readonly kind: 'mediator'; readonly name: string; readonly channels?: readonly string[] }
  | { readonly kind: 'working-group'; readonly group: string; readonly members: readonly string[] }
  | { readonly kind: 'decision-body'; readonly body: string; readonly party: string }
  | { readonly kind: 'observer' }
  | { readonly kind: 'auditor' };

/**
 * The one place visibility is decided.
 * - `all`: everyone.
 * - `party` P: P's delegation and decision body, and the mediators with a channel to P.
 * - `mediators`: mediators only (parties never hear each other except through a relay).
 * - `working-group` G: that group and the mediators.
 * - `decision-body` B: that body only.
 * - `caucus` M–P: mediator M, and P's delegation and decision body (P's side is one side);
 *   no other mediator, even one with a channel to P.
 * - `side` P: P's delegation and decision body, no mediator.
 * - `seat` R: the seat named R only.
 * Auditors see everything; observers only `all`.
 */
export function canSee(audience: EventAudience, viewer: Viewer): boolean {
  if (viewer.kind === 'auditor' || audience.kind === 'all') return true;
  switch (audience.kind) {
    case 'party':
      return (
        (viewer.kind === 'party' && viewer.party === audience.party) ||
        (viewer.kind === 'decision-body' && viewer.party === audience.party) ||
        (viewer.kind === 'mediator' &&
          (viewer.channels === undefined || viewer.channels.length === 0 || viewer.channels.includes(audience.party)))
      );
    case 'mediators':
      return viewer.kind === 'mediator';
    case 'working-group':
      return (viewer.kind === 'working-group' && viewer.group === audience.group) || viewer.kind === 'mediator';
    case 'decision-body':
      return viewer.kind === 'decision-body' && viewer.body === audience.body;
    case 'caucus':
      return (viewer.kind === 'mediator' && viewer.name === audience.mediator) || onSide(viewer, audience.party);
    case 'side':
      return onSide(viewer, audience.party);
    case 'seat':
      return roleOf(viewer) === audience.role;
  }
}

/** The party's own side: its delegation and its decision body. */
function onSide(viewer: Viewer, party: string): boolean {
  return (viewer.kind === 'party' || viewer.kind === 'decision-body') && viewer.party === party;
}

/** The seat a viewer sits in, if it is one seat. */
function roleOf(viewer: Viewer): string | undefined {
  switch (viewer.kind) {
    case 'party':
      return viewer.role;
    case 'mediator':
      return viewer.name;
    case 'working-group':
      return viewer.group;
    case 'decision-body':
      return viewer.body;
    default:
      return undefined;
  }
}

export function visibleTo(event: EventBase, viewer: Viewer): boolean {
  return canSee(event.audience, viewer);
}

export function filterEvents<E extends EventBase>(events: readonly E[], viewer: Viewer): E[] {
  return events.filter((e) => visibleTo(e, viewer));
}
