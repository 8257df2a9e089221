import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { valueAt } from '../../src/core/issue.js';
import { Host } from '../../src/host/host.js';
import { LiveSession, type ActionAnswer } from '../../src/host/live-session.js';
import { planOf } from '../../src/host/spec.js';
import type { Action } from '../../src/protocols/types.js';
import { brokenLink } from '../../src/store/chain.js';
import { EventStore } from '../../src/store/store.js';
import { startPostgres, type TestPostgres } from '../support/postgres.js';

let pg: TestPostgres;
let dir: string;

beforeAll(async () => {
  pg = await startPostgres();
  dir = mkdtempSync(join(tmpdir(), 'parley-group-commit-'));
});

afterAll(async () => {
  await pg?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

const DIALECTS: Record<string, () => Promise<string>> = {
  sqlite: async () => join(dir, 'group.db'),
  postgres: async () => pg.database('group'),
};

/** The offer the party whose turn it is makes, different for each `n`. */
function offerNow(live: LiveSession, n: number): { role: string; action: Action } {
  const role = live.expected()[0]!.role;
  const outcome = Object.fromEntries(live.header.setup.domain.issues.map((i, k) => [i.name, valueAt(i, (n + k) % 2)]));
  return { role, action: { kind: 'offer', actor: role, outcome } };
}

/** Makes every insert into the log fail (of one session, or of all), as a full disk would. */
async function failInserts(store: EventStore, session = ''): Promise<() => Promise<void>> {
  if (store.dialect === 'sqlite') {
    const when = session ? sql`when new.session = ${sql.lit(session)}` : sql``;
    await sql`create trigger parley_test_fail before insert on log ${when}
      begin select raise(abort, 'the disk is full'); end`.execute(store.db);
    return async () => void (await sql`drop trigger parley_test_fail`.execute(store.db));
  }
  await sql`create or replace function parley_test_fail() returns trigger language plpgsql as $$
    begin
      if tg_argv[0] = '' or new.session = tg_argv[0] then raise exception 'the disk is full'; end if;
      return new;
    end $$`.execute(store.db);
  await sql`create trigger parley_test_fail before insert on log for each row
    execute function parley_test_fail(${sql.lit(session)})`.execute(store.db);
  return async () => void (await sql`drop trigger parley_test_fail on log`.execute(store.db));
}

/** The session as its stored log rebuilds it. */
async function reloaded(store: EventStore, id: string): Promise<LiveSession> {
  return LiveSession.load(store, id, planOf);
}

for (const [dialect, newDatabase] of Object.entries(DIALECTS)) {
  describe(`group commit on ${dialect}`, () => {
    let store: EventStore;
    let host: Host;
    let seed = 0;
    beforeAll(async () => {
      store = await EventStore.open(await newDatabase());
      host = new Host(store, { maxSessions: 100, maxSeats: 100 });
    });
    afterAll(async () => {
      await host?.close();
      await store?.close();
    });

    async function sessions(n: number): Promise<LiveSession[]> {
      const created = [];
      for (let i = 0; i < n; i++)
        created.push(await host.create({ scenario: 'anac/2010/ItexvsCypress', rounds: 1000, seed: ++seed }));
      return Promise.all(created.map((c) => host.live(c.id)));
    }

    it('commits the actions of several sessions in one transaction, and acknowledges each after it', async () => {
      const lives = await sessions(4);
      const before = store.commits;
      const answers = await Promise.all(
        lives.map((live, i) => {
          const { role, action } = offerNow(live, i);
          return live.act(role, `first-${i}`, action);
        }),
      );
      expect(store.commits - before).toBe(1);
      expect(answers.every((a) => a.accepted)).toBe(true);
      for (const [i, live] of lives.entries()) {
        const lines = await store.lines(live.id);
        expect(lines.at(-1)!.seq).toBe(live.headSeq);
        expect(lines.some((l) => l.line.includes(`"actionId":"first-${i}"`))).toBe(true);
        expect(brokenLink(lines)).toBe(-1);
      }
    });

    it('acknowledges nothing of a failed commit, keeps memory as the log, and answers a retry once', async () => {
      const lives = await sessions(2);
      const moves = lives.map((live, i) => offerNow(live, i));
      const heads = lives.map((live) => live.headSeq);
      const states = lives.map((live) => JSON.stringify(live.state));
      const restore = await failInserts(store);
      const failed = await Promise.allSettled(
        lives.map((live, i) => live.act(moves[i]!.role, `m-${i}`, moves[i]!.action)),
      );
      await restore();
      expect(failed.map((r) => r.status)).toEqual(['rejected', 'rejected']);
      for (const [i, live] of lives.entries()) {
        expect(live.headSeq).toBe(heads[i]);
        expect(JSON.stringify(live.state)).toBe(states[i]);
        expect((await store.lines(live.id)).at(-1)!.seq).toBe(heads[i]);
      }
      const answers: ActionAnswer[] = [];
      for (const [i, live] of lives.entries()) answers.push(await live.act(moves[i]!.role, `m-${i}`, moves[i]!.action));
      expect(answers.every((a) => a.accepted)).toBe(true);
      for (const [i, live] of lives.entries()) {
        expect(await live.act(moves[i]!.role, `m-${i}`, moves[i]!.action)).toEqual(answers[i]);
        const lines = await store.lines(live.id);
        expect(lines.filter((l) => l.line.includes(`"actionId":"m-${i}"`))).toHaveLength(1);
        expect(JSON.stringify((await reloaded(store, live.id)).state)).toBe(JSON.stringify(live.state));
      }
    });

    it("fails only the session whose append fails; the other sessions' actions commit", async () => {
      const lives = await sessions(3);
      const bad = lives[1]!;
      const head = bad.headSeq;
      const restore = await failInserts(store, bad.id);
      const results = await Promise.allSettled(
        lives.map((live, i) => {
          const { role, action } = offerNow(live, i);
          return live.act(role, `only-${i}`, action);
        }),
      );
      await restore();
      expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
      expect(bad.headSeq).toBe(head);
      expect((await store.lines(bad.id)).at(-1)!.seq).toBe(head);
      for (const live of [lives[0]!, lives[2]!]) expect((await reloaded(store, live.id)).headSeq).toBe(live.headSeq);
    });

    it('answers a retry of a committed id from the log, and commits the new action beside it', async () => {
      const [live] = await sessions(1);
      const first = offerNow(live!, 0);
      const answer = await live!.act(first.role, 'once', first.action);
      const second = offerNow(live!, 1);
      const [again, next] = await Promise.all([
        live!.act(first.role, 'once', first.action),
        live!.act(second.role, 'next', second.action),
      ]);
      expect(again).toEqual(answer);
      expect(next.accepted).toBe(true);
      const lines = await store.lines(live!.id);
      expect(lines.filter((l) => l.line.includes('"actionId":"once"'))).toHaveLength(1);
      expect(JSON.stringify((await reloaded(store, live!.id)).state)).toBe(JSON.stringify(live!.state));
    });
  });
}
