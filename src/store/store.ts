import { createHash } from 'node:crypto';
import { sql, type Kysely, type Transaction } from 'kysely';
import { ParleyError } from '../core/errors.js';
import { chainLine } from './chain.js';
import { migrate } from './migrations.js';
import { dialectOf, openDatabase, type Dialect } from './open.js';
import { KeyedQueue } from './queue.js';
import type { Database } from './schema.js';
import {
  NOTIFY_CHANNEL,
  type CredentialKind,
  type NewLine,
  type SeatRow,
  type SessionRow,
  type SessionWriter,
  type StoredLine,
} from './rows.js';

export * from './rows.js';

interface PendingWrite {
  readonly session: string;
  readonly task: (writer: SessionWriter) => Promise<unknown>;
  readonly resolve: (value: unknown) => void;
  readonly reject: (error: unknown) => void;
}

/** Most writes one transaction commits together. */
const MAX_GROUP = 256;

/** sha256 of a secret; only this is stored. */
export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}

/** A stable signed 64-bit advisory lock key for a session. */
function lockKey(session: string): string {
  return createHash('sha256').update(session).digest().readBigInt64BE(0).toString();
}

const lineOf = (r: {
  seq: number;
  type: string;
  event_seq: number | null;
  line: string;
  hash: string;
}): StoredLine => ({ seq: Number(r.seq), type: r.type, eventSeq: r.event_seq, line: r.line, hash: r.hash });

/**
 * The durable store behind `parley serve`: sessions, seats, the event log line by line,
 * actions by client-chosen id, and state snapshots, on SQLite or PostgreSQL.
 */
export class EventStore {
  private readonly queue = new KeyedQueue();

  private constructor(
    readonly db: Kysely<Database>,
    readonly dialect: Dialect,
    readonly location: string,
  ) {}

  /** Opens the database and runs the migrations. */
  static async open(location: string): Promise<EventStore> {
    const db = await openDatabase(location);
    try {
      await migrate(db as Kysely<unknown>);
    } catch (e) {
      await db.destroy();
      throw e;
    }
    return new EventStore(db, dialectOf(location), location);
  }

  close(): Promise<void> {
    return this.db.destroy();
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

  /** A new session, its seats with their tokens' hashes and its first lines (the header first), in one transaction. */
  async createSession(
    session: SessionRow,
    seats: readonly (SeatRow & { tokenHash: string })[],
    lines: readonly NewLine[],
  ): Promise<void> {
    await this.db.transaction().execute(async (trx) => {
      await trx
        .insertInto('sessions')
        .values({ id: session.id, spec: session.spec, started_at: session.startedAt, released: 0 })
        .execute();
      if (seats.length > 0)
        await trx
          .insertInto('seats')
          .values(seats.map((s) => ({ session: s.session, role: s.role, kind: s.kind, bot: s.bot })))
          .execute();
      if (seats.length > 0)
        await trx
          .insertInto('credentials')
          .values(
            seats.map((s) => ({
              token_hash: s.tokenHash,
              session: s.session,
              role: s.role,
              kind: 'bearer',
              revoked: 0,
            })),
          )
          .execute();
      let hash: string | null = null;
      await trx
        .insertInto('log')
        .values(
          lines.map((l, seq) => {
            const link = chainLine(l.record, hash);
            hash = link.hash;
            return { session: session.id, seq, type: l.type, event_seq: l.eventSeq, line: link.line, hash };
          }),
        )
        .execute();
    });
  }

  async countSessions(): Promise<number> {
    const r = await this.db
      .selectFrom('sessions')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirst();
    return Number(r?.n ?? 0);
  }

  async sessionIds(): Promise<string[]> {
    const rows = await this.db.selectFrom('sessions').select('id').orderBy('created_seq').orderBy('id').execute();
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
   * Runs `task` as the one writer of a session: after every earlier task of this process
   * on it, inside a transaction, and on PostgreSQL holding the session's advisory lock, so
   * that writers on other instances wait too. Nothing is visible before it commits.
   *
   * Group commit: the tasks of different sessions that arrive while a transaction is
   * committing share the next transaction (one fsync for all of them). A task's promise
   * settles only after that transaction committed; if any task of a group fails, the group
   * is rolled back and each of its tasks runs again alone, so one bad task fails only itself.
   */
  write<T>(session: string, task: (writer: SessionWriter) => Promise<T>): Promise<T> {
    return this.queue.run(
      session,
      () =>
        new Promise<T>((resolve, reject) => {
          this.pending.push({ session, task, resolve, reject } as PendingWrite);
          this.pump();
        }),
    );
  }

  private readonly pending: PendingWrite[] = [];
  private committing = 0;

  /** Starts groups while fewer than the dialect allows are committing (SQLite has one connection). */
  private pump(): void {
    const limit = this.dialect === 'postgres' ? 4 : 1;
    while (this.committing < limit && this.pending.length > 0) {
      const group = this.pending.splice(0, MAX_GROUP);
      this.committing++;
      void this.commitOrSplit(group).finally(() => {
        this.committing--;
        this.pump();
      });
    }
  }

  private async commitOrSplit(group: readonly PendingWrite[]): Promise<void> {
    try {
      const results = await this.commitGroup(group);
      group.forEach((w, i) => w.resolve(results[i]));
    } catch (e) {
      if (group.length === 1) return group[0]!.reject(e);
      for (const w of group) await this.commitGroup([w]).then((r) => w.resolve(r[0]), w.reject);
    }
  }

  private commitGroup(group: readonly PendingWrite[]): Promise<unknown[]> {
    return this.db.transaction().execute(async (trx) => {
      if (this.dialect === 'postgres') {
        // Locks in one order, so that two instances' groups cannot deadlock.
        const keys = [...new Set(group.map((w) => lockKey(w.session)))].sort();
        for (const key of keys) await sql`select pg_advisory_xact_lock(${key}::bigint)`.execute(trx);
      }
      const results: unknown[] = [];
      for (const w of group) results.push(await w.task(this.writer(trx, w.session)));
      return results;
    });
  }

  private writer(trx: Transaction<Database>, session: string): SessionWriter {
    const head = async () => {
      const r = await trx
        .selectFrom('log')
        .select(['seq', 'hash'])
        .where('session', '=', session)
        .orderBy('seq', 'desc')
        .limit(1)
        .executeTakeFirst();
      return r ? { seq: Number(r.seq), hash: r.hash } : { seq: -1, hash: '' };
    };
    return {
      head,
      linesAfter: async (seq) =>
        (
          await trx
            .selectFrom('log')
            .selectAll()
            .where('session', '=', session)
            .where('seq', '>', seq)
            .orderBy('seq')
            .execute()
        ).map(lineOf),
      findAction: async (role, actionId) => {
        const r = await trx
          .selectFrom('actions')
          .select(['seq', 'response'])
          .where('session', '=', session)
          .where('role', '=', role)
          .where('action_id', '=', actionId)
          .executeTakeFirst();
        return r && { seq: Number(r.seq), response: r.response };
      },
      append: async (lines, action) => {
        let { seq, hash } = await head();
        const stored: StoredLine[] = lines.map((l) => {
          const link = chainLine(l.record, seq < 0 ? null : hash);
          hash = link.hash;
          return { seq: ++seq, type: l.type, eventSeq: l.eventSeq, line: link.line, hash };
        });
        if (stored.length > 0)
          await trx
            .insertInto('log')
            .values(
              stored.map((l) => ({
                session,
                seq: l.seq,
                type: l.type,
                event_seq: l.eventSeq,
                line: l.line,
                hash: l.hash,
              })),
            )
            .execute();
        if (action) {
          const actionSeq = stored.find((l) => l.type === 'action')?.seq;
          if (actionSeq === undefined)
            throw new ParleyError('PARLEY_E_INTERNAL', 'an action answer without its action line');
          await trx
            .insertInto('actions')
            .values({
              session,
              role: action.role,
              action_id: action.actionId,
              seq: actionSeq,
              response: action.response,
            })
            .execute();
        }
        if (this.dialect === 'postgres' && stored.length > 0)
          await sql`select pg_notify(${NOTIFY_CHANNEL}, ${`${session}:${seq}`})`.execute(trx);
        return stored;
      },
      snapshot: async (seq, state) => {
        await trx
          .insertInto('snapshots')
          .values({ session, seq, state })
          .onConflict((oc) => oc.doNothing())
          .execute();
      },
    };
  }
}
