import type { Domain } from '../core/domain.js';
import type { Party } from '../core/party.js';
import type { ProtocolEvent } from './events.js';
import type { Action, Expectation } from './types.js';

/** The kind of seat a role holds. */
export type RoleKind = 'delegation' | 'mediator' | 'decision-body' | 'working-group' | 'observer';

/** An event as a role receives it: only those `filterEvents` let through for its viewer. */
export type VisibleEvent = ProtocolEvent;

/**
 * Everything one role may know at one moment. Built in one place (src/session/views.ts);
 * an agent is a function of this view and never sees another party's profile.
 */
export interface AgentView {
  readonly role: string;
  /** The party this role acts for (delegations and decision bodies). */
  readonly party?: string;
  readonly kind: RoleKind;
  readonly domain: Domain;
  readonly parties: readonly string[];
  /** Virtual time now, in the scenario's unit (hours from the start). */
  readonly now: number;
  /** Completed rounds (a round is one turn of every party). */
  readonly round: number;
  readonly deadline: { readonly rounds?: number; readonly time?: number };
  /** Fraction of the deadline used, 0..1 (the larger of the round and time fractions). */
  readonly progress: number;
  /** What the protocol waits for from this role now. */
  readonly expectation: Expectation;
  /** Every event this role has been allowed to see so far, in order. */
  readonly events: readonly VisibleEvent[];
  /** Its own party's current preferences, after fired outside-event effects (`withEffects`). */
  readonly self?: Party;
  /**
   * Preferences parties revealed to mediators; mediators only, empty by default. A party's
   * entry is the last profile its delegation shared (`share-preferences`, as stated then:
   * later outside events do not change it), else its true profile when the run reveals it.
   */
  readonly revealed: Readonly<Record<string, Party>>;
  readonly seed: number;
}

/** A negotiator, mediator, decision body or working group: returns an action, or null to wait. */
export interface Agent {
  readonly role: string;
  act(view: AgentView): Action | null;
  /**
   * True when the agent reads each view only while `act` runs and keeps neither the view
   * nor its event list: a runner may then hand it the session's growing event list instead
   * of a copy (a copy per turn is the largest cost of a long simulation).
   */
  readonly readsViewsOnlyInAct?: boolean;
}
