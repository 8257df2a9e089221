import type { Party, RedLine } from './party.js';
import type { Source } from './provenance.js';

/** Who sees an event: everyone, one party, the mediators, a working group, a decision body. */
export type Audience =
  | { readonly kind: 'all' }
  | { readonly kind: 'party'; readonly party: string }
  | { readonly kind: 'mediators' }
  | { readonly kind: 'working-group'; readonly group: string }
  | { readonly kind: 'decision-body'; readonly body: string };

/** How an outside event changes the negotiation from the moment it fires. */
export type Effect =
  | { readonly kind: 'reservation'; readonly party: string; readonly delta: number }
  | { readonly kind: 'weight'; readonly party: string; readonly issue: string; readonly factor: number }
  | { readonly kind: 'add-red-line'; readonly party: string; readonly redLine: RedLine }
  | { readonly kind: 'remove-red-line'; readonly party: string; readonly id: string }
  | { readonly kind: 'deadline'; readonly delta: number };

/** Something outside the table (an attack, a closed crossing, outside pressure). */
export interface OutsideEvent {
  readonly id: string;
  /** Virtual time at which it fires, in the scenario's time unit (hours from the start). */
  readonly at: number;
  readonly title: string;
  readonly description?: string;
  readonly audience: Audience;
  readonly effects: readonly Effect[];
  readonly source?: Source;
}

/**
 * The party as it stands once the given effects have fired: reservation moved (clamped to
 * [0, 1]), issue weights scaled then renormalised, red lines added or removed.
 * Only effects addressed to this party apply; deadline effects belong to the protocol.
 */
export function withEffects(party: Party, effects: readonly Effect[]): Party {
  let current = party;
  for (const effect of effects) {
    if (effect.kind === 'deadline' || effect.party !== party.name) continue;
    current = applyEffect(current, effect);
  }
  return current;
}

function applyEffect(party: Party, effect: Exclude<Effect, { kind: 'deadline' }>): Party {
  switch (effect.kind) {
    case 'reservation':
      return { ...party, reservation: Math.min(1, Math.max(0, party.reservation + effect.delta)) };
    case 'add-red-line':
      return { ...party, redLines: [...party.redLines.filter((l) => l.id !== effect.redLine.id), effect.redLine] };
    case 'remove-red-line':
      return { ...party, redLines: party.redLines.filter((l) => l.id !== effect.id) };
    case 'weight': {
      if (party.utility.kind !== 'additive') return party;
      const scaled: Record<string, number> = { ...party.utility.weights };
      scaled[effect.issue] = (scaled[effect.issue] ?? 0) * effect.factor;
      const total = Object.values(scaled).reduce((a, b) => a + b, 0);
      const weights = Object.fromEntries(Object.entries(scaled).map(([k, w]) => [k, total > 0 ? w / total : 0]));
      return { ...party, utility: { ...party.utility, weights } };
    }
  }
}
