/** The shapes the API answers with, as the consoles read them (the server's own types where they exist). */
import type { Domain, Outcome } from '../../src/core/domain.js';
import type { Party } from '../../src/core/party.js';
import type { Roles } from '../../src/core/roles.js';
import type { ProtocolEvent } from '../../src/protocols/events.js';

export type { Domain, Outcome, Party, ProtocolEvent, Roles };
export type Value = string | number;

export interface SessionInfo {
  readonly id: string;
  readonly scenario: string;
  readonly title: string;
  readonly protocol: string;
  readonly domain: Domain;
  readonly parties: readonly string[];
  readonly roles: Roles;
  readonly hoursPerRound: number;
  readonly timeScale: number;
  readonly startedAt: string;
  readonly you: string;
}

export interface Expected {
  readonly role: string;
  readonly may: readonly string[];
  readonly proposal?: string;
  readonly also?: readonly string[];
  readonly until: string | null;
}

export interface SeatView {
  readonly session: string;
  readonly role: string;
  readonly kind: 'convenor' | 'delegation' | 'mediator' | 'decision-body' | 'working-group' | 'observer';
  readonly party?: string;
  readonly protocol: string;
  readonly now: number;
  readonly round: number;
  readonly deadline: { readonly rounds?: number; readonly time?: number };
  readonly over: boolean;
  readonly expected: readonly Expected[];
  readonly nextTickAt: string | null;
  readonly self?: Party;
  readonly events: readonly ProtocolEvent[];
}

/** A proposal as tabled: the version history of the single negotiating text. */
export interface TextVersion {
  readonly seq: number;
  readonly at: number;
  readonly proposal: string;
  readonly text: Outcome;
  readonly by: string;
  readonly to: string;
  readonly note?: string;
}
