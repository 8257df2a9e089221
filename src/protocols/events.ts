import type { Outcome } from '../core/domain.js';
import type { Value } from '../core/issue.js';
import type { Party } from '../core/party.js';
import type { Effect } from '../core/timeline.js';
import type { Position } from './position.js';
import type { ActionKind, EventBase, IssueAnswer } from './types.js';

/** How a negotiation ended. */
export type EndReason = 'agreement' | 'walk-away' | 'deadline' | 'closed';

/** A response to a tabled text or package. */
export type Answer = 'accept' | 'reject' | 'amend';

type Ev<K extends string, P> = EventBase & { readonly kind: K } & Readonly<P>;

/** Events every protocol emits. */
export type CommonEvent =
  | Ev<'started', { protocol: string; parties: readonly string[]; deadline: { rounds?: number; time?: number } }>
  /** An outside event fired; its audience is the outside event's own. */
  | Ev<'outside-event', { id: string; title: string; description?: string; effects: readonly Effect[] }>
  | Ev<'deadline-moved', { deadline: { rounds?: number; time?: number }; cause: string }>
  /** A public statement; `binding` labels it a formal position (false: exploratory, the default); `position` holds its structured fields when the speaker gave them. */
  | Ev<'statement', { actor: string; text: string; binding: boolean; party?: string; position?: Position }>
  | Ev<'agreement', { proposal: string; outcome: Outcome; round: number }>
  | Ev<'walk-away', { actor: string; party: string; reason?: string }>
  | Ev<'deadline', { round: number; now: number }>
  /**
   * The convenor closed the talks, for `reason`; `lapsed` names the proposals some party had
   * accepted (or ratified) that had not yet become an agreement: they lapse, none binds.
   */
  | Ev<'closed', { actor: string; reason: string; lapsed?: readonly string[] }>
  /** An action the protocol refused, shown to the actor's side only. */
  | Ev<'invalid-action', { actor: string; action: ActionKind; reason: string }>;

/** Stacked alternating offers. */
export type SaopEvent =
  | Ev<'offer', { actor: string; party: string; proposal: string; outcome: Outcome }>
  | Ev<'accept', { actor: string; party: string; proposal: string }>;

/** Mediated single negotiating text. */
export type SingleTextEvent =
  | Ev<'text-tabled', { actor: string; proposal: string; text: Outcome; note?: string }>
  | Ev<
      'text-response',
      {
        actor: string;
        party: string;
        proposal: string;
        answer: Answer;
        amendments?: Outcome;
        reason?: string;
        position?: Position;
        /** The answer issue by issue, when the party gave it so (`respond`). */
        byIssue?: Readonly<Record<string, IssueAnswer>>;
      }
    >;

/** Shuttle talks: parties speak only to mediators. */
export type ShuttleEvent =
  | Ev<
      'package-tabled',
      {
        actor: string;
        party: string;
        proposal: string;
        text: Outcome;
        byPhase: Readonly<Record<string, Outcome>>;
        note?: string;
      }
    >
  | Ev<
      'package-response',
      {
        actor: string;
        party: string;
        proposal: string;
        answer: Answer;
        amendments?: Outcome;
        amendmentsByPhase?: Readonly<Record<string, Outcome>>;
        reason?: string;
        position?: Position;
        /** The answer issue by issue, when the party gave it so (`respond`). */
        byIssue?: Readonly<Record<string, IssueAnswer>>;
      }
    >
  | Ev<'relayed', { actor: string; to: string; message: string; about?: string; binding: boolean }>
  | Ev<'phase-referred', { proposal: string; group: string; issues: readonly string[]; details: Outcome }>
  | Ev<'settled', { actor: string; proposal: string; details: Outcome }>
  | Ev<'package-revised', { party: string; proposal: string; text: Outcome; by: string }>
  | Ev<'adjourned', { actor: string; party: string; until: number }>
  | Ev<'consultation', { party: string; body: string; proposal?: string; reason?: string }>
  | Ev<'returned', { actor: string; party: string }>
  /** A delegation missed its return time; the package it was considering lapsed. */
  | Ev<'return-missed', { actor: string; party: string; until: number; lapsed?: string }>
  | Ev<'ratification-requested', { party: string; body: string; proposal: string; text: Outcome }>
  | Ev<'ratified', { actor: string; party: string; proposal: string }>
  | Ev<'ratification-refused', { actor: string; party: string; proposal: string; reason?: string }>;

/** The moves of src/protocols/moves/: private words, notes, mandates, shared preferences, adjournments. */
export type MoveEvent =
  /** A mediator adjourned the talks for these parties; each must return by `until`. */
  | Ev<'talks-adjourned', { actor: string; parties: readonly string[]; until: number; reason?: string }>
  /** A mediator held: no new text in round `round`, which passed. */
  | Ev<'held', { actor: string; round: number; reason?: string }>
  | Ev<'caucus', { actor: string; mediator: string; party: string; message: string; binding: boolean }>
  | Ev<'note', { actor: string; text: string; about?: string }>
  | Ev<
      'mandate',
      { actor: string; party: string; instructions: string; limits?: Readonly<Record<string, readonly Value[]>> }
    >
  /** `to: 'self'`: a profile the delegation keeps for its own seat (absent: told to the mediators). */
  | Ev<'preferences-shared', { actor: string; party: string; preferences: Party; to?: 'mediators' | 'self' }>;

export type ProtocolEvent = CommonEvent | SaopEvent | SingleTextEvent | ShuttleEvent | MoveEvent;
export type EventKind = ProtocolEvent['kind'];

/** Every event kind, for exhaustive loops in tests and tools. */
export const EVENT_KINDS: readonly EventKind[] = [
  'started',
  'outside-event',
  'deadline-moved',
  'statement',
  'agreement',
  'walk-away',
  'deadline',
  'invalid-action',
  'offer',
  'accept',
  'text-tabled',
  'text-response',
  'package-tabled',
  'package-response',
  'relayed',
  'phase-referred',
  'settled',
  'package-revised',
  'adjourned',
  'consultation',
  'returned',
  'return-missed',
  'ratification-requested',
  'ratified',
  'ratification-refused',
  'talks-adjourned',
  'caucus',
  'note',
  'mandate',
  'preferences-shared',
  'held',
  'closed',
];
