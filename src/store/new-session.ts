import type { Kysely } from 'kysely';
import { chainRows } from './chain.js';
import { inTransaction } from './commit-group.js';
import type { Dialect } from './open.js';
import type { NewLine, SeatRow, SessionRow } from './rows.js';
import type { Database } from './schema.js';

/** A new session as rows ready to insert (plain data: on SQLite it crosses to the writer thread). */
export interface NewSessionRows {
  readonly session: Database['sessions'];
  readonly seats: readonly Database['seats'][];
  readonly credentials: readonly Database['credentials'][];
  readonly log: readonly Database['log'][];
}

/** The rows of a new session: its seats, their bearer tokens' hashes and its first lines, chained from the header. */
export function newSessionRows(
  session: SessionRow,
  seats: readonly (SeatRow & { tokenHash: string })[],
  lines: readonly NewLine[],
): NewSessionRows {
  return {
    session: { id: session.id, spec: session.spec, started_at: session.startedAt, released: 0 },
    seats: seats.map((s) => ({ session: s.session, role: s.role, kind: s.kind, bot: s.bot })),
    credentials: seats.map((s) => ({
      token_hash: s.tokenHash,
      session: s.session,
      role: s.role,
      kind: 'bearer',
      revoked: 0,
    })),
    log: chainRows(
      session.id,
      lines.map((l, seq) => ({ seq, type: l.type, event_seq: l.eventSeq, text: l.text })),
      null,
    ),
  };
}

/** Inserts a new session's rows in one transaction. */
export async function insertNewSession(db: Kysely<Database>, dialect: Dialect, rows: NewSessionRows): Promise<void> {
  await inTransaction(db, dialect, async (trx) => {
    await trx.insertInto('sessions').values(rows.session).execute();
    if (rows.seats.length > 0) await trx.insertInto('seats').values(rows.seats).execute();
    if (rows.credentials.length > 0) await trx.insertInto('credentials').values(rows.credentials).execute();
    if (rows.log.length > 0) await trx.insertInto('log').values(rows.log).execute();
  });
}
