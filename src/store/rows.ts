/** The rows the store hands out and the contract of one session's writer. */

export interface StoredLine {
  readonly seq: number;
  readonly type: string;
  readonly eventSeq: number | null;
  readonly line: string;
  readonly hash: string;
}

/** A record to append: the store chains it (adds `prev`) and keeps the exact line. */
export interface NewLine {
  readonly type: string;
  readonly eventSeq: number | null;
  readonly record: object;
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

export interface StoredAction {
  readonly seq: number;
  readonly response: string;
}

/** The channel on which PostgreSQL instances tell each other of new lines (`session:seq`). */
export const NOTIFY_CHANNEL = 'parley_log';

/** What one writer of one session may do inside its transaction. */
export interface SessionWriter {
  /** The last line (seq -1 and hash '' for a session without lines). */
  head(): Promise<{ seq: number; hash: string }>;
  linesAfter(seq: number): Promise<StoredLine[]>;
  findAction(role: string, actionId: string): Promise<StoredAction | undefined>;
  /** Appends lines after the head, chained; with the action's answer when one caused them. */
  append(
    lines: readonly NewLine[],
    action?: { role: string; actionId: string; response: string },
  ): Promise<StoredLine[]>;
  snapshot(seq: number, state: string): Promise<void>;
}
