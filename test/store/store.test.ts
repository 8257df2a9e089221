import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chainRecord } from '../../src/session/log-chain.js';
import { brokenLink } from '../../src/store/chain.js';
import { EventStore, hashSecret } from '../../src/store/store.js';
import { startPostgres, type TestPostgres } from '../support/postgres.js';

let pg: TestPostgres;
let dir: string;
let databases = 0;

beforeAll(async () => {
  pg = await startPostgres();
  dir = mkdtempSync(join(tmpdir(), 'parley-store-'));
});

afterAll(async () => {
  await pg?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** A fresh database of each dialect: the same suite runs on both. */
const DIALECTS: Record<string, () => Promise<string>> = {
  sqlite: async () => join(dir, `s${++databases}.db`),
  postgres: async () => pg.database(`s${++databases}`),
};

async function sessionIn(store: EventStore, id = 'sess-1'): Promise<void> {
  await store.createSession(
    { id, spec: '{}', startedAt: 1_000, released: false },
    [{ session: id, role: 'A', kind: 'delegation', tokenHash: hashSecret(`${id}-a`), bot: null }],
    [{ type: 'header', eventSeq: null, text: '{"type":"header"}' }],
  );
}

/** The seq of a session's last line, as an append's `after`. */
async function headOf(store: EventStore, session: string): Promise<number> {
  return (await store.lines(session)).at(-1)?.seq ?? -1;
}

/** Appends one line, reading the head again after every conflict, as a session's writer does. */
async function appendRetrying(store: EventStore, session: string, n: number): Promise<void> {
  for (;;) {
    const outcome = await store.append({
      session,
      after: await headOf(store, session),
      lines: [{ type: 'event', eventSeq: n, text: JSON.stringify({ n }) }],
    });
    if (outcome.committed) return;
  }
}

for (const [dialect, newDatabase] of Object.entries(DIALECTS)) {
  describe(`the event store on ${dialect}`, () => {
    let location: string;
    let store: EventStore;
    beforeAll(async () => {
      location = await newDatabase();
      store = await EventStore.open(location);
    });
    afterAll(() => store?.close());

    it('runs its migrations on start, and again without harm', async () => {
      const again = await EventStore.open(location);
      expect(Array.isArray(await again.sessionIds())).toBe(true);
      const tables = (await again.db.introspection.getTables()).map((t) => t.name).filter((n) => !/^kysely_/.test(n));
      // 0003 dropped `actions`: an action's answer is read from the log.
      expect(tables.sort()).toEqual(['credentials', 'log', 'meta', 'seats', 'sessions', 'snapshots']);
      await again.close();
    });

    it('lists the sessions oldest first, whatever their ids', async () => {
      for (const [id, startedAt] of [
        ['order-z', 500],
        ['order-a', 2_000],
        ['order-m', 1_500],
      ] as const)
        await store.createSession({ id, spec: '{}', startedAt, released: false }, [], []);
      const ids = await store.sessionIds();
      expect(ids.filter((id) => id.startsWith('order-'))).toEqual(['order-z', 'order-m', 'order-a']);
    });

    it('stores a session with its header line and seats, found by token hash only', async () => {
      await sessionIn(store);
      expect((await store.session('sess-1'))?.startedAt).toBe(1_000);
      expect((await store.credential(hashSecret('sess-1-a'), ['bearer']))?.role).toBe('A');
      expect(await store.credential('sess-1-a', ['bearer'])).toBeUndefined();
      expect(await store.credential(hashSecret('sess-1-a'), ['cookie'])).toBeUndefined();
      const lines = await store.lines('sess-1');
      expect(lines.map((l) => l.seq)).toEqual([0]);
    });

    it('appends lines after the head with an unbroken hash chain', async () => {
      const outcome = await store.append({
        session: 'sess-1',
        after: await headOf(store, 'sess-1'),
        lines: [
          { type: 'action', eventSeq: null, text: JSON.stringify({ type: 'action', n: 1 }) },
          { type: 'event', eventSeq: 1, text: JSON.stringify({ type: 'event', n: 1 }) },
        ],
      });
      expect(outcome.committed && outcome.head).toBe(2);
      const lines = await store.lines('sess-1');
      expect(lines.map((l) => l.seq)).toEqual([0, 1, 2]);
      expect(brokenLink(lines)).toBe(-1);
      expect(brokenLink([lines[0]!, { ...lines[1]!, line: '{"type":"action","n":2}' }])).toBe(1);
      expect((await store.lines('sess-1', 1)).map((l) => l.eventSeq)).toEqual([1]);
    });

    it('stores each line as chaining its record gives it, and resumes the chain after a restart', async () => {
      await sessionIn(store, 'sess-chain');
      const records = [{ type: 'action', n: 1, text: 'a "quoted" ✓' }, { type: 'event', n: 2 }, {}];
      for (const [i, record] of records.entries())
        await store.append({
          session: 'sess-chain',
          after: i,
          lines: [{ type: 'event', eventSeq: i, text: JSON.stringify(record) }],
        });
      await store.close();
      store = await EventStore.open(location);
      await store.append({
        session: 'sess-chain',
        after: 3,
        lines: [{ type: 'event', eventSeq: 3, text: '{"after":"restart"}' }],
      });
      let head: string | null = null;
      const expected = [{ type: 'header' }, ...records, { after: 'restart' }].map((record) => {
        const link = chainRecord(record, head);
        head = link.hash;
        return link;
      });
      const lines = await store.lines('sess-chain');
      expect(lines.map(({ line, hash }) => ({ line, hash }))).toEqual(expected);
      expect(brokenLink(lines)).toBe(-1);
    });

    it('refuses a second line at a taken (session, seq)', async () => {
      await expect(
        store.db
          .insertInto('log')
          .values({ session: 'sess-1', seq: 1, type: 'event', event_seq: 9, line: 'x', hash: 'y' })
          .execute(),
      ).rejects.toThrow();
    });

    it('writes nothing for an append whose head has moved, and says where the head is', async () => {
      await sessionIn(store, 'sess-2');
      const after = await headOf(store, 'sess-2');
      const outcomes = await Promise.all(
        Array.from({ length: 5 }, (_, i) =>
          store.append({
            session: 'sess-2',
            after,
            lines: [{ type: 'event', eventSeq: i, text: JSON.stringify({ n: i }) }],
          }),
        ),
      );
      expect(outcomes.filter((o) => o.committed)).toHaveLength(1);
      expect(outcomes.filter((o) => !o.committed).map((o) => !o.committed && o.head)).toEqual([1, 1, 1, 1]);
      expect((await store.lines('sess-2')).map((l) => l.seq)).toEqual([0, 1]);
    });

    it('serialises concurrent writers of one session into one gapless sequence', async () => {
      await sessionIn(store, 'sess-3');
      await Promise.all(Array.from({ length: 12 }, (_, i) => appendRetrying(store, 'sess-3', i)));
      const lines = await store.lines('sess-3');
      expect(lines.map((l) => l.seq)).toEqual(Array.from({ length: 13 }, (_, i) => i));
      expect(brokenLink(lines)).toBe(-1);
    });

    it('serialises writers in two store instances on one database', async () => {
      if (dialect === 'sqlite') return; // SQLite serves from one process; serve refuses a second.
      const other = await EventStore.open(location);
      await sessionIn(store, 'sess-4');
      await Promise.all(Array.from({ length: 12 }, (_, i) => appendRetrying(i % 2 === 0 ? store : other, 'sess-4', i)));
      await other.close();
      const lines = await store.lines('sess-4');
      expect(lines.map((l) => l.seq)).toEqual(Array.from({ length: 13 }, (_, i) => i));
      expect(brokenLink(lines)).toBe(-1);
    });

    it('opens an invite once', async () => {
      await store.addCredential(hashSecret('inv'), 'sess-1', 'A', 'invite');
      expect(await store.takeInvite(hashSecret('inv'))).toEqual({ session: 'sess-1', role: 'A' });
      expect(await store.takeInvite(hashSecret('inv'))).toBeUndefined();
      expect(await store.takeInvite(hashSecret('nope'))).toBeUndefined();
    });

    it('revokes and reissues a seat token', async () => {
      await store.revokeSeat('sess-1', 'A');
      expect(await store.credential(hashSecret('sess-1-a'), ['bearer'])).toBeUndefined();
      await store.addCredential(hashSecret('new'), 'sess-1', 'A', 'bearer');
      expect((await store.credential(hashSecret('new'), ['bearer']))?.session).toBe('sess-1');
    });

    it('returns the latest snapshot', async () => {
      for (const seq of [3, 4])
        await store.append({
          session: 'sess-1',
          after: await headOf(store, 'sess-1'),
          lines: [{ type: 'event', eventSeq: seq, text: JSON.stringify({ n: seq }) }],
          snapshot: { seq, state: `{"a":${seq}}` },
        });
      expect(await store.latestSnapshot('sess-1')).toEqual({ seq: 4, state: '{"a":4}' });
      expect(await store.latestSnapshot('sess-2')).toBeUndefined();
    });

    it('sets a meta value only once', async () => {
      expect(await store.putMetaIfAbsent('admin', 'h1')).toBe(true);
      expect(await store.putMetaIfAbsent('admin', 'h2')).toBe(false);
      expect(await store.getMeta('admin')).toBe('h1');
    });

    it('goes on when PostgreSQL closes its idle connections', async () => {
      if (dialect === 'sqlite') return;
      await Promise.all(Array.from({ length: 3 }, () => store.sessionIds()));
      const watcher = await EventStore.open(location);
      const ended = await sql<{ ended: boolean }>`select pg_terminate_backend(pid) as ended from pg_stat_activity
        where datname = current_database() and pid <> pg_backend_pid()`.execute(watcher.db);
      await watcher.close();
      expect(ended.rows.length).toBeGreaterThan(0);
      // The pool hears each closed connection's error and drops it; the next query opens a new one.
      await new Promise((resolve) => setTimeout(resolve, 100));
      expect(Array.isArray(await store.sessionIds())).toBe(true);
    });

    it('commits durably: WAL with synchronous=FULL on SQLite, fsync on PostgreSQL', async () => {
      if (dialect === 'sqlite') {
        const mode = await sql<{ journal_mode: string }>`pragma journal_mode`.execute(store.db);
        const sync = await sql<{ synchronous: number }>`pragma synchronous`.execute(store.db);
        expect(mode.rows[0]?.journal_mode).toBe('wal');
        expect(sync.rows[0]?.synchronous).toBe(2);
        // The log's own connection, in the writer thread, commits the same way.
        expect(store.writerSettings).toEqual({ journalMode: 'wal', synchronous: 2 });
      } else {
        const fsync = await sql<{ fsync: string }>`show fsync`.execute(store.db);
        expect(fsync.rows[0]?.fsync).toBe('on');
      }
    });
  });
}
