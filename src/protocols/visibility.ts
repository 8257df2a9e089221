import type { Audience } from '../core/timeline.js';
import type { EventBase } from './types.js';

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
 * Auditors see everything; observers only `all`.
 */
export function canSee(audience: Audience, viewer: Viewer): boolean {
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
  }
}

export function visibleTo(event: EventBase, viewer: Viewer): boolean {
  return canSee(event.audience, viewer);
}

export function filterEvents<E extends EventBase>(events: readonly E[], viewer: Viewer): E[] {
  return events.filter((e) => visibleTo(e, viewer));
}
