import { createHash } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import { migrate } from './migrations.js';
import { dialectOf, openDatabase, type Dialect } from './open.js';
import { commitGroup } from './commit-group.js';
import { insertNewSession, newSessionRows } from './new-session.js';
import { GroupCommitter } from './group-commit.js';
import { SqliteWriter, type WriterSettings } from './sqlite-writer.js';
import type { Database } from './schema.js';
import type { AppendOutcome, CredentialKind, NewLine, SeatRow, SessionAppend, SessionRow, StoredLine } from './rows.js';

export * from './rows.js';

/** sha256 of a secret; only this is stored. */
export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}

const lineOf = (r: {
  seq: number;
  type: string;
  event_seq: number | null;
  line: string;
  hash: string;
}): StoredLine => ({ seq: Number(r.seq), type: r.type, eventSeq: r.event_seq, line: r.line, hash: r.hash });

/**
 * The durable store behind `parley serve`: sessions, seats, the event log line by line
 * and state snapshots, on SQLite or PostgreSQL.
 */
export class EventStore {
  private readonly committer: GroupCommitter;

  private constructor(
    readonly db: Kysely<Database>,
    readonly dialect: Dialect,
    readonly location: string,
    private readonly writer: SqliteWriter | null,
  ) {
    this.committer = writer
      ? new GroupCommitter((entries) => writer.commit(entries), 1)
      : new GroupCommitter((entries) => commitGroup(db, dialect, entries), 4);
  }

  /**
   * Opens the database and runs the migrations. On SQLite the log is written by a thread
   * of its own (see sqlite-commit-worker.ts) and checkpointed by another
   * (sqlite-checkpoint-worker.ts); this thread's connection reads and keeps the rest.
   */
  static async open(location: string): Promise<EventStore> {
    const db = await openDatabase(location);
    let writer: SqliteWriter | null = null;
    try {
      await migrate(db as Kysely<unknown>);
      if (dialectOf(location) === 'sqlite') {
        writer = await SqliteWriter.start(location);
        // This thread's few writes (tokens, releases) never checkpoint either: the checkpoint thread does.
        await sql`pragma wal_autocheckpoint = 0`.execute(db);
      }
    } catch (e) {
      await db.destroy();
      throw e;
    }
    return new EventStore(db, dialectOf(location), location, writer);
  }

  /** Closes after the appends under way have committed. */
  async close(): Promise<void> {
    await this.committer.drain();
    await this.writer?.close();
    await this.db.destroy();
  }

  /** How the SQLite writer thread commits (journal mode and synchronous level); none on PostgreSQL. */
  get writerSettings(): WriterSettings | undefined {
    return this.writer?.settings;
  }

  async getMeta(key: string): Promise<string | undefined> {
    const row = await this.db.selectFrom('meta').select('value').where('key', '=', key).executeTakeFirst();
    return row?.value;
  }

  /** Sets a value only if the key has none; true when this call set it. */
  async putMetaIfAbsent(key: string, value: string): Promise<boolean> {
    const r = await this.db
      .insertInto('meta')
      .values({ key, value })
      .onConflict((oc) => oc.column('key').doNothing())
      .executeTakeFirst();
    return Number(r.numInsertedOrUpdatedRows ?? 0) > 0;
  }

  /**
   * A new session, its seats with their tokens' hashes and its first lines (the header
   * first), in one transaction; on SQLite the writer thread commits it, so that its fsync
   * does not stop this thread. Answers the lines as stored (chained), for hosting it at once.
   */
  async createSession(
    session: SessionRow,
    seats: readonly (SeatRow & { tokenHash: string })[],
    lines: readonly NewLine[],
  ): Promise<StoredLine[]> {
    const rows = newSessionRows(session, seats, lines);
    if (this.writer) await this.writer.create(rows);
    else await insertNewSession(this.db, this.dialect, rows);
    return rows.log.map(lineOf);
  }

  /** Every session's id, oldest first (by the time its clock started: its creation). */
  async sessionIds(): Promise<string[]> {
    const rows = await this.db.selectFrom('sessions').select('id').orderBy('started_at').orderBy('id').execute();
    return rows.map((r) => r.id);
  }

  async session(id: string): Promise<SessionRow | undefined> {
    const r = await this.db.selectFrom('sessions').selectAll().where('id', '=', id).executeTakeFirst();
    return r && { id: r.id, spec: r.spec, startedAt: Number(r.started_at), released: Number(r.released) === 1 };
  }

  async release(id: string): Promise<void> {
    await this.db.updateTable('sessions').set({ released: 1 }).where('id', '=', id).execute();
  }

  async seats(session: string): Promise<SeatRow[]> {
    const rows = await this.db.selectFrom('seats').selectAll().where('session', '=', session).orderBy('role').execute();
    return rows.map((r) => ({ session: r.session, role: r.role, kind: r.kind, bot: r.bot }));
  }

  async setBot(session: string, role: string, bot: string | null): Promise<void> {
    await this.db.updateTable('seats').set({ bot }).where('session', '=', session).where('role', '=', role).execute();
  }

  async addCredential(hash: string, session: string, role: string, kind: CredentialKind): Promise<void> {
    await this.db.insertInto('credentials').values({ token_hash: hash, session, role, kind, revoked: 0 }).execute();
  }

  /** The seat a live credential of one of `kinds` opens, or undefined. */
  async credential(
    hash: string,
    kinds: readonly CredentialKind[],
  ): Promise<{ session: string; role: string } | undefined> {
    return this.db
      .selectFrom('credentials')
      .select(['session', 'role'])
      .where('token_hash', '=', hash)
      .where('revoked', '=', 0)
      .where('kind', 'in', kinds)
      .executeTakeFirst();
  }

  /** Revokes every credential of a seat (its token, cookies and unused invites). */
  async revokeSeat(session: string, role: string): Promise<void> {
    await this.db
      .updateTable('credentials')
      .set({ revoked: 1 })
      .where('session', '=', session)
      .where('role', '=', role)
      .execute();
  }

  /** Uses a one-time invite: the seat it opens, once; undefined when unknown or used. */
  async takeInvite(hash: string): Promise<{ session: string; role: string } | undefined> {
    const r = await this.db
      .updateTable('credentials')
      .set({ revoked: 1 })
      .where('token_hash', '=', hash)
      .where('kind', '=', 'invite')
      .where('revoked', '=', 0)
      .executeTakeFirst();
    if (Number(r.numUpdatedRows) !== 1) return undefined;
    return this.db
      .selectFrom('credentials')
      .select(['session', 'role'])
      .where('token_hash', '=', hash)
      .executeTakeFirst();
  }

  async lines(session: string, afterSeq = -1): Promise<StoredLine[]> {
    const rows = await this.db
      .selectFrom('log')
      .selectAll()
      .where('session', '=', session)
      .where('seq', '>', afterSeq)
      .orderBy('seq')
      .execute();
    return rows.map(lineOf);
  }

  async latestSnapshot(session: string): Promise<{ seq: number; state: string } | undefined> {
    const r = await this.db
      .selectFrom('snapshots')
      .select(['seq', 'state'])
      .where('session', '=', session)
      .orderBy('seq', 'desc')
      .limit(1)
      .executeTakeFirst();
    return r && { seq: Number(r.seq), state: r.state };
  }

  /**
   * Appends a session's lines after its head in the next group commit; settles once that transaction committed (see GroupCommitter).
   */
  append(entry: SessionAppend): Promise<AppendOutcome> {
    return this.committer.submit(entry);
  }

  /** Transactions the group committer has committed so far. */
  get commits(): number {
    return this.committer.commits;
  }
}
