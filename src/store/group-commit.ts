import { createHash } from 'node:crypto';
import { sql, type Kysely, type Transaction } from 'kysely';
import { chainLine } from './chain.js';
import type { Dialect } from './open.js';
import { NOTIFY_CHANNEL, type AppendOutcome, type SessionAppend, type StoredLine } from './rows.js';
import type { Database } from './schema.js';

interface Pending {
  readonly entry: SessionAppend;
  /** The entry's lines, chained after its head (computed on arrival, outside the transaction). */
  readonly stored: readonly StoredLine[];
  readonly resolve: (outcome: AppendOutcome) => void;
  readonly reject: (error: unknown) => void;
}

/** Most sessions one transaction takes. */
const MAX_GROUP = 512;
/** Rows per INSERT statement (well under SQLite's and PostgreSQL's bound-parameter limits). */
const ROWS_PER_INSERT = 500;

/** The key of an action id in an outcome's `known` map. */
export const actionKey = (role: string, actionId: string): string => `${role}\n${actionId}`;

/** A stable signed 64-bit advisory lock key for a session. */
function lockKey(session: string): bigint {
  return createHash('sha256').update(session).digest().readBigInt64BE(0);
}

function chained(entry: SessionAppend): StoredLine[] {
  let { seq, hash } = entry.after;
  return entry.lines.map((l) => {
    const link = chainLine(l.record, seq < 0 ? null : hash);
    hash = link.hash;
    return { seq: ++seq, type: l.type, eventSeq: l.eventSeq, line: link.line, hash };
  });
}

function chunks<T>(rows: readonly T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < rows.length; i += ROWS_PER_INSERT) out.push(rows.slice(i, i + ROWS_PER_INSERT));
  return out;
}

/**
 * Group commit: the appends of different sessions that arrive while a transaction is
 * committing (or within one turn of the event loop) share the next transaction, so one
 * fsync makes all of them durable. Each append's promise settles only after its
 * transaction committed. A session is in at most one group at a time (the store's half of
 * "one writer per session"); inside the transaction, on PostgreSQL, every session's
 * advisory lock is held, so writers on other instances wait too. An append whose head
 * has moved, or whose action ids were already answered, writes nothing (a conflict the
 * caller resolves from the log). If a group's transaction fails, each of its appends is
 * tried again alone, so one bad append fails only itself.
 */
export class GroupCommitter {
  private pending: Pending[] = [];
  private readonly busy = new Set<string>();
  private running = 0;
  private scheduled = false;
  /** Transactions committed so far. */
  commits = 0;

  constructor(
    private readonly db: Kysely<Database>,
    private readonly dialect: Dialect,
  ) {}

  submit(entry: SessionAppend): Promise<AppendOutcome> {
    const stored = chained(entry);
    return new Promise((resolve, reject) => {
      this.pending.push({ entry, stored, resolve, reject });
      this.schedule();
    });
  }

  /** SQLite has one connection, so one transaction at a time; PostgreSQL commits a few groups in parallel. */
  private get parallel(): number {
    return this.dialect === 'postgres' ? 4 : 1;
  }

  private schedule(): void {
    if (this.scheduled || this.running >= this.parallel || this.pending.length === 0) return;
    this.scheduled = true;
    // After this turn's I/O callbacks, so that every action that has arrived joins the group.
    setImmediate(() => {
      this.scheduled = false;
      this.startGroups();
    });
  }

  private startGroups(): void {
    while (this.running < this.parallel) {
      const group = this.take();
      if (group.length === 0) return;
      this.running++;
      for (const p of group) this.busy.add(p.entry.session);
      void this.commitOrSplit(group).finally(() => {
        for (const p of group) this.busy.delete(p.entry.session);
        this.running--;
        this.schedule();
      });
    }
  }

  /** The next group: the oldest pending append of every session not already committing. */
  private take(): Pending[] {
    const group: Pending[] = [];
    const rest: Pending[] = [];
    const taken = new Set<string>();
    for (const p of this.pending) {
      const { session } = p.entry;
      if (group.length < MAX_GROUP && !this.busy.has(session) && !taken.has(session)) {
        group.push(p);
        taken.add(session);
      } else rest.push(p);
    }
    this.pending = rest;
    return group;
  }

  private async commitOrSplit(group: readonly Pending[]): Promise<void> {
    try {
      const outcomes = await this.commit(group);
      group.forEach((p, i) => p.resolve(outcomes[i]!));
    } catch (e) {
      if (group.length === 1) return group[0]!.reject(e);
      for (const p of group)
        await this.commit([p]).then(
          ([outcome]) => p.resolve(outcome!),
          (error: unknown) => p.reject(error),
        );
    }
  }

  private async commit(group: readonly Pending[]): Promise<AppendOutcome[]> {
    const outcomes = await this.db.transaction().execute(async (trx) => {
      const sessions = group.map((p) => p.entry.session);
      if (this.dialect === 'postgres') await lockSessions(trx, sessions);
      const heads = await headsOf(trx, sessions);
      const known = await knownActions(trx, group);
      const outcomes = group.map((p): AppendOutcome => {
        const head = heads.get(p.entry.session) ?? -1;
        const answered = known.get(p.entry.session);
        if (head !== p.entry.after.seq || answered)
          return { committed: false, head, known: answered ?? new Map<string, string>() };
        return { committed: true, stored: p.stored };
      });
      await this.writeAll(
        trx,
        group.filter((_, i) => outcomes[i]!.committed),
      );
      return outcomes;
    });
    this.commits++;
    return outcomes;
  }

  private async writeAll(trx: Transaction<Database>, writing: readonly Pending[]): Promise<void> {
    const lines = writing.flatMap((p) =>
      p.stored.map((l) => ({
        session: p.entry.session,
        seq: l.seq,
        type: l.type,
        event_seq: l.eventSeq,
        line: l.line,
        hash: l.hash,
      })),
    );
    for (const rows of chunks(lines)) await trx.insertInto('log').values(rows).execute();
    const actions = writing.flatMap((p) =>
      (p.entry.actions ?? []).map((a) => ({
        session: p.entry.session,
        role: a.role,
        action_id: a.actionId,
        seq: a.seq,
        response: a.response,
      })),
    );
    for (const rows of chunks(actions)) await trx.insertInto('actions').values(rows).execute();
    const snapshots = writing.flatMap((p) =>
      p.entry.snapshot ? [{ session: p.entry.session, ...p.entry.snapshot }] : [],
    );
    if (snapshots.length > 0)
      await trx
        .insertInto('snapshots')
        .values(snapshots)
        .onConflict((oc) => oc.doNothing())
        .execute();
    const heads = writing.filter((p) => p.stored.length > 0).map((p) => `${p.entry.session}:${p.stored.at(-1)!.seq}`);
    if (this.dialect === 'postgres' && heads.length > 0)
      await sql`select pg_notify(${NOTIFY_CHANNEL}, h) from unnest(${heads}::text[]) as h`.execute(trx);
  }
}

/** Takes the sessions' advisory locks in one order, so that two instances' groups cannot deadlock. */
async function lockSessions(trx: Transaction<Database>, sessions: readonly string[]): Promise<void> {
  const keys = [...new Set(sessions.map(lockKey))].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)).map(String);
  await sql`select pg_advisory_xact_lock(k) from unnest(${keys}::bigint[]) as k`.execute(trx);
}

/** Each session's last line, one index seek per session. */
async function headsOf(trx: Transaction<Database>, sessions: readonly string[]): Promise<Map<string, number>> {
  const list = sql.join(sessions.map((s) => sql`(${s})`));
  const r = await sql<{ session: string; seq: number | null }>`select v.column1 as session,
    (select l.seq from log l where l.session = v.column1 order by l.seq desc limit 1) as seq
    from (values ${list}) as v`.execute(trx);
  return new Map(r.rows.map((row) => [row.session, row.seq === null ? -1 : Number(row.seq)]));
}

/** The stored answers of any of the group's action ids, by session. */
async function knownActions(
  trx: Transaction<Database>,
  group: readonly Pending[],
): Promise<Map<string, Map<string, string>>> {
  const ids = group.flatMap((p) =>
    (p.entry.actions ?? []).map((a) => sql`(${p.entry.session}, ${a.role}, ${a.actionId})`),
  );
  const found = new Map<string, Map<string, string>>();
  if (ids.length === 0) return found;
  const r = await sql<{ session: string; role: string; action_id: string; response: string }>`select session, role,
    action_id, response from actions where (session, role, action_id) in (values ${sql.join(ids)})`.execute(trx);
  for (const row of r.rows) {
    let answers = found.get(row.session);
    if (!answers) found.set(row.session, (answers = new Map()));
    answers.set(actionKey(row.role, row.action_id), row.response);
  }
  return found;
}
