/** The rows the store hands out and the contract of one session's writer. */

export interface StoredLine {
  readonly seq: number;
  readonly type: string;
  readonly eventSeq: number | null;
  readonly line: string;
  readonly hash: string;
}

/**
 * A record to append, as its JSON text (an object, without `prev`): the store chains it
 * (adds `prev`, the hash of the line before, see `chainText`) when it commits, after the
 * head it finds there, and keeps the exact line.
 */
export interface NewLine {
  readonly type: string;
  readonly eventSeq: number | null;
  readonly text: string;
}

export interface SessionRow {
  readonly id: string;
  readonly spec: string;
  readonly startedAt: number;
  readonly released: boolean;
}

export interface SeatRow {
  readonly session: string;
  readonly role: string;
  readonly kind: string;
  readonly bot: string | null;
}

export type CredentialKind = 'bearer' | 'invite' | 'cookie';

/** The channel on which PostgreSQL instances tell each other of new lines (`session:seq`). */
export const NOTIFY_CHANNEL = 'parley_log';

/**
 * One session's share of a group commit: lines after a known head. An action's answer is not
 * stored apart: its line and the event lines after it say it all (see `answerOf` in
 * src/host/step-batch.ts), and one writer per session, checked by the head, keeps an action
 * id from being taken twice.
 */
export interface SessionAppend {
  readonly session: string;
  /** The seq of the line the lines follow (-1 for an empty log); the commit takes them only if the log still ends there. */
  readonly after: number;
  readonly lines: readonly NewLine[];
  readonly snapshot?: { readonly seq: number; readonly state: string };
}

/**
 * What became of an append: committed (`head`: the seq of its last line), or nothing
 * written because the log had moved past `after` (another instance wrote; `head`: where it
 * ends now).
 */
export interface AppendOutcome {
  readonly committed: boolean;
  readonly head: number;
}
