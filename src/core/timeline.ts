import type { RedLine } from './party.js';
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
