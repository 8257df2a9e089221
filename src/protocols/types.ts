import type { Domain, Outcome } from '../core/domain.js';
import type { Value } from '../core/issue.js';
import type { Party } from '../core/party.js';
import type { Roles } from '../core/roles.js';
import type { Audience, OutsideEvent } from '../core/timeline.js';
import type { Position } from './position.js';

/**
 * The contract between protocols (pure reducers), the session runner and agents.
 * Protocols never see private preferences: they hold only public structure and the
 * proposals made. Agents see only the events visibility lets through.
 */

export type Action =
  /** SAOP: make an offer to the table (replaces the actor's previous offer). */
  | { readonly kind: 'offer'; readonly actor: string; readonly outcome: Outcome }
  /** Accept the standing offer / tabled text / package `proposal`. */
  | { readonly kind: 'accept'; readonly actor: string; readonly proposal: string }
  | {
      readonly kind: 'reject';
      readonly actor: string;
      readonly proposal: string;
      readonly reason?: string;
      /** The structured reasons (red lines crossed, values asked for); `reason` is rendered from it when absent. */
      readonly position?: Position;
    }
  /** Counter-proposal: amendments to a tabled text, by issue (grouped by phase in reports). */
  | {
      readonly kind: 'amend';
      readonly actor: string;
      readonly proposal: string;
      readonly amendments: Outcome;
      /** Red lines the text crosses, stated with the request. */
      readonly position?: Position;
    }
  /** Walk away from the talks. */
  | { readonly kind: 'end'; readonly actor: string; readonly reason?: string }
  /** A mediator tables a full package (single text) to the parties it names (all if empty). */
  | {
      readonly kind: 'table';
      readonly actor: string;
      readonly text: Outcome;
      readonly to: readonly string[];
      readonly note?: string;
    }
  /** A mediator passes a party's position on to another party, in its own words. */
  | {
      readonly kind: 'relay';
      readonly actor: string;
      readonly to: string;
      readonly message: string;
      readonly about?: string;
      /** Binding (a formal position) or not (exploratory, the default). */
      readonly binding?: boolean;
    }
  /** A delegation leaves to consult its decision body and says when it will be back. */
  | { readonly kind: 'adjourn'; readonly actor: string; readonly until: number; readonly reason?: string }
  | { readonly kind: 'return'; readonly actor: string }
  /** A decision body ratifies, or refuses, a package its delegation accepted. */
  | { readonly kind: 'ratify'; readonly actor: string; readonly proposal: string }
  | {
      readonly kind: 'refuse-ratification';
      readonly actor: string;
      readonly proposal: string;
      readonly reason?: string;
    }
  /** A public statement, seen by everyone, kept apart from private positions. */
  | {
      readonly kind: 'statement';
      readonly actor: string;
      readonly text: string;
      readonly binding?: boolean;
      readonly position?: Position;
    }
  /** A working group settles the details of its phase within a tabled text. */
  | { readonly kind: 'settle'; readonly actor: string; readonly proposal: string; readonly details: Outcome }
  /** The clock: fires due outside events and deadlines. Issued by the runner, not agents. */
  | { readonly kind: 'tick'; readonly now: number }
  | MoveAction;

/** An answer to one issue of a text: take it, refuse it, or ask for another value. */
export type IssueAnswer =
  { readonly answer: 'accept' } | { readonly answer: 'reject' } | { readonly answer: 'counter'; readonly value: Value };

/** The moves a console needs beyond the table's core: see src/protocols/moves/. */
export type MoveAction =
  /** A mediator adjourns the talks for the parties it names (its channels if none) until a return deadline. */
  | {
      readonly kind: 'adjourn-talks';
      readonly actor: string;
      readonly until: number;
      readonly parties?: readonly string[];
      readonly reason?: string;
    }
  /**
   * A mediator tables no new text this round (it has none it may table, or waits for the
   * parties); the round passes. Only when no text awaits an answer.
   */
  | { readonly kind: 'hold'; readonly actor: string; readonly reason?: string }
  /** An answer to the text on the table issue by issue; every issue of the text gets one. */
  | {
      readonly kind: 'respond';
      readonly actor: string;
      readonly proposal: string;
      readonly issues: Readonly<Record<string, IssueAnswer>>;
      readonly reason?: string;
    }
  /** A private word between one mediator and one party: `with` names the other side. */
  | {
      readonly kind: 'caucus';
      readonly actor: string;
      readonly with: string;
      readonly message: string;
      readonly binding?: boolean;
    }
  /** A private note only its author's seat ever sees. */
  | { readonly kind: 'note'; readonly actor: string; readonly text: string; readonly about?: string }
  /** A decision body instructs its delegation: what it may agree to (by issue, when it says). */
  | {
      readonly kind: 'mandate';
      readonly actor: string;
      readonly instructions: string;
      readonly limits?: Readonly<Record<string, readonly Value[]>>;
    }
  /**
   * A delegation tells the mediators its preferences (as it states them, not necessarily its
   * true ones), or, with `to: 'self'`, keeps an edited profile for its own seat's analysis.
   */
  | {
      readonly kind: 'share-preferences';
      readonly actor: string;
      readonly preferences: Party;
      /** Who is told: the mediators (the default) or the delegation's own seat alone. */
      readonly to?: 'mediators' | 'self';
    }
  /** The convenor closes the talks, with its reason: they end without agreement (see moves/close.ts). */
  | { readonly kind: 'close'; readonly actor: string; readonly reason: string };

export type ActionKind = Action['kind'];

/** What a protocol is waiting for from one role. */
export interface Expectation {
  readonly role: string;
  /** The action kinds this role may take now. */
  readonly may: readonly ActionKind[];
  /** The proposal it is asked about, if any (offer id, text id, package id). */
  readonly proposal?: string;
  /**
   * Moves it may also make now that the protocol does not wait for (notes, caucus,
   * sharing preferences, a mandate, adjourning the talks); absent when there are none.
   */
  readonly also?: readonly ActionKind[];
}

/**
 * Who hears an event: an outside event's audiences, and three narrower ones only the
 * protocols give: one mediator with one party (`caucus`), a party's own side without the
 * mediators (`side`: its delegation and decision body), and one seat alone (`seat`).
 */
export type EventAudience =
  | Audience
  | { readonly kind: 'caucus'; readonly mediator: string; readonly party: string }
  | { readonly kind: 'side'; readonly party: string }
  | { readonly kind: 'seat'; readonly role: string };

/** Every event names who may see it; `visibleTo` in visibility.ts is the one judge. */
export interface EventBase {
  readonly seq: number;
  readonly at: number;
  readonly audience: EventAudience;
}

export interface InvalidAction {
  readonly code: 'PARLEY_E_INVALID_ACTION';
  readonly reason: string;
}

/** Everything public a protocol needs to start. */
export interface NegotiationSetup {
  readonly domain: Domain;
  /** Party names in party order. */
  readonly parties: readonly string[];
  readonly roles: Roles;
  readonly timeline: readonly OutsideEvent[];
  /** Deadline in rounds (a round is one turn of every party) and/or virtual time. */
  readonly deadline: { readonly rounds?: number; readonly time?: number };
  readonly seed: number;
  /** The protocol's own options, checked against its schema when it starts (none by default). */
  readonly options?: Readonly<Record<string, unknown>>;
}

/** A protocol: a pure, serialisable reducer with a check before every step. */
export interface Protocol<S, E extends EventBase> {
  readonly name: string;
  init(setup: NegotiationSetup): { state: S; events: E[] };
  /** Why the action is not allowed now, or null. */
  validate(state: S, action: Action): InvalidAction | null;
  /** Applies a valid action; never fails. */
  apply(state: S, action: Action): { state: S; events: E[] };
  expected(state: S): readonly Expectation[];
  isOver(state: S): boolean;
}
