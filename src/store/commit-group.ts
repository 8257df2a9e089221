import { createHash } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import { chainRows, type UnchainedRow } from './chain.js';
import type { Dialect } from './open.js';
import { NOTIFY_CHANNEL } from './rows.js';
import type { Database } from './schema.js';

/**
 * One session's share of a group, as rows ready to insert but for the chain (plain data: it
 * crosses to the SQLite writer thread). The lines are chained in the transaction, after the
 * head it reads.
 */
export interface GroupEntry {
  readonly session: string;
  /** The head the lines follow; they are written only if the log still ends there. */
  readonly after: number;
  readonly lines: readonly UnchainedRow[];
  readonly snapshot?: Database['snapshots'];
}

/** A session's last line: its seq and hash (seq -1 and hash null for an empty log). */
export interface Head {
  readonly seq: number;
  readonly hash: string | null;
}

/** Written, or not because the head moved (`head`: the log's last line when the transaction checked it). */
export interface GroupOutcome {
  readonly committed: boolean;
  readonly head: number;
}

/** Rows per INSERT statement (well under SQLite's and PostgreSQL's bound-parameter limits). */
const ROWS_PER_INSERT = 500;

/**
 * One transaction for a group of sessions' appends: on PostgreSQL the sessions' advisory
 * locks first (in one order, so that two instances' groups cannot deadlock), then one head
 * check for the whole group, then multi-row inserts of what passed.
 */
export async function commitGroup(
  db: Kysely<Database>,
  dialect: Dialect,
  entries: readonly GroupEntry[],
): Promise<GroupOutcome[]> {
  return inTransaction(db, dialect, async (trx) => {
    const sessions = entries.map((e) => e.session);
    if (dialect === 'postgres') await lockSessions(trx, sessions);
    const heads = await headsOf(trx, sessions);
    const writing: { entry: GroupEntry; head: Head }[] = [];
    const outcomes = entries.map((e): GroupOutcome => {
      const head = heads.get(e.session) ?? EMPTY_HEAD;
      const committed = head.seq === e.after;
      if (committed) writing.push({ entry: e, head });
      return { committed, head: head.seq };
    });
    await writeAll(trx, dialect, writing);
    return outcomes;
  });
}

/**
 * PostgreSQL: a plain transaction. SQLite: BEGIN IMMEDIATE, which takes the write lock
 * before the checks read; otherwise a commit of another connection between the checks and
 * the inserts would fail the group.
 */
export async function inTransaction<T>(
  db: Kysely<Database>,
  dialect: Dialect,
  body: (trx: Kysely<Database>) => Promise<T>,
): Promise<T> {
  if (dialect === 'postgres') return db.transaction().execute(body);
  return db.connection().execute(async (connection) => {
    await sql`begin immediate`.execute(connection);
    try {
      const result = await body(connection);
      await sql`commit`.execute(connection);
      return result;
    } catch (e) {
      await sql`rollback`.execute(connection).catch(() => undefined);
      throw e;
    }
  });
}

function chunks<T>(rows: readonly T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < rows.length; i += ROWS_PER_INSERT) out.push(rows.slice(i, i + ROWS_PER_INSERT));
  return out;
}

const EMPTY_HEAD: Head = { seq: -1, hash: null };

async function writeAll(
  trx: Kysely<Database>,
  dialect: Dialect,
  writing: readonly { entry: GroupEntry; head: Head }[],
): Promise<void> {
  const lines = writing.flatMap(({ entry, head }) => chainRows(entry.session, entry.lines, head.hash));
  for (const rows of chunks(lines)) await trx.insertInto('log').values(rows).execute();
  const snapshots = writing.flatMap((w) => (w.entry.snapshot ? [w.entry.snapshot] : []));
  if (snapshots.length > 0)
    await trx
      .insertInto('snapshots')
      .values(snapshots)
      .onConflict((oc) => oc.doNothing())
      .execute();
  const heads = writing
    .filter((w) => w.entry.lines.length > 0)
    .map((w) => `${w.entry.session}:${w.entry.lines.at(-1)!.seq}`);
  if (dialect === 'postgres' && heads.length > 0)
    await sql`select pg_notify(${NOTIFY_CHANNEL}, h) from unnest(${heads}::text[]) as h`.execute(trx);
}

/** A stable signed 64-bit advisory lock key for a session. */
function lockKey(session: string): bigint {
  return createHash('sha256').update(session).digest().readBigInt64BE(0);
}

async function lockSessions(trx: Kysely<Database>, sessions: readonly string[]): Promise<void> {
  const keys = [...new Set(sessions.map(lockKey))].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)).map(String);
  await sql`select pg_advisory_xact_lock(k) from unnest(${keys}::bigint[]) as k`.execute(trx);
}

/** Each session's last line (seq and hash), one index seek per session. */
async function headsOf(trx: Kysely<Database>, sessions: readonly string[]): Promise<Map<string, Head>> {
  const list = sql.join(sessions.map((s) => sql`(${s})`));
  const r = await sql<{ session: string; seq: number | null; hash: string | null }>`select v.column1 as session,
    l.seq, l.hash from (values ${list}) as v
    left join log l on l.session = v.column1
      and l.seq = (select m.seq from log m where m.session = v.column1 order by m.seq desc limit 1)`.execute(trx);
  return new Map(
    r.rows.map((row) => [row.session, row.seq === null ? EMPTY_HEAD : { seq: Number(row.seq), hash: row.hash }]),
  );
}
