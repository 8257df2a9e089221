import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ProtocolEvent } from '../../src/protocols/events.js';
import { parseEventLog } from '../../src/session/event-log.js';
import { replay } from '../../src/session/replay.js';
import { brokenLink } from '../../src/store/chain.js';
import { EventStore } from '../../src/store/store.js';
import { freePort, startPostgres, type TestPostgres } from '../support/postgres.js';
import { bundleServe, ServerProcess } from './support/child.js';

// Per database: 40 kills in all.
const KILLS = 20;
const SESSIONS = 3;

let bundle: string;
let pg: TestPostgres;
let dir: string;

beforeAll(async () => {
  [bundle, pg] = await Promise.all([bundleServe(), startPostgres()]);
  dir = mkdtempSync(join(tmpdir(), 'parley-crash-'));
}, 60_000);

afterAll(async () => {
  await pg?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
  if (bundle) rmSync(join(bundle, '..'), { recursive: true, force: true });
});

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** An HTTP call that retries while the server is down (connection refused or reset). */
async function call(base: string, token: string, method: string, path: string, body?: unknown): Promise<any> {
  for (let tries = 0; ; tries++) {
    let r: Response;
    let text: string;
    try {
      r = await fetch(`${base}${path}`, {
        method,
        headers: { authorization: `Bearer ${token}`, ...(body ? { 'content-type': 'application/json' } : {}) },
        body: body ? JSON.stringify(body) : undefined,
      });
      text = await r.text();
    } catch (e) {
      // The server is down (refused, or reset mid-request): try again, with the same action id.
      if (tries > 2_000) throw e;
      await sleep(30);
      continue;
    }
    if (r.status >= 500) throw new Error(`${method} ${path}: ${r.status} ${text}`);
    return { status: r.status, body: text ? JSON.parse(text) : null };
  }
}

interface Ack {
  readonly actionId: string;
  readonly answer: { accepted: boolean; line: number; role: string };
}

/** While kills remain, a session plays at most this many rounds per kill, so that it outlasts them. */
const ROUNDS_PER_KILL = 8;

/**
 * A person's client on one seat: reads its view, and when it is its move offers an outcome
 * (and now and then keeps a note, out of turn), retrying each action with the same id until
 * the server answers. Every answer it gets is
 * an acknowledgement to check later. While the server is still being killed it plays slowly
 * and at most ROUNDS_PER_KILL rounds per kill (a person thinking), so that every kill falls
 * inside the talks; after the last kill it accepts the standing offer soon, and the session ends.
 */
async function playSeat(base: string, id: string, token: string, kills: () => number): Promise<Ack[]> {
  const acks: Ack[] = [];
  const info = (await call(base, token, 'GET', `/sessions/${id}`)).body;
  const issues = info.domain.issues as { name: string; values: string[] }[];
  for (let n = 0; ;) {
    const view = (await call(base, token, 'GET', `/sessions/${id}/view`)).body;
    if (view.over) return acks;
    const killing = kills() < KILLS;
    if (view.expected.length === 0 || (killing && view.round >= ROUNDS_PER_KILL * (kills() + 1))) {
      await sleep(10);
      continue;
    }
    n++;
    const offers = (view.events as ProtocolEvent[]).filter((e) => e.kind === 'offer' && e.actor !== view.role);
    const standing = offers.at(-1);
    const action =
      standing && standing.kind === 'offer' && !killing && n % 5 === 0
        ? { kind: 'accept', proposal: standing.proposal }
        : {
            kind: 'offer',
            outcome: Object.fromEntries(issues.map((i, k) => [i.name, i.values[(n * (k + 1)) % i.values.length]])),
          };
    const actionId = `${view.role}#${n}`;
    const r = await call(base, token, 'POST', `/sessions/${id}/actions`, { actionId, action });
    acks.push({ actionId, answer: r.status === 200 ? r.body : r.body.answer });
    if (killing && n % 4 === 0) {
      // A private note, out of turn, while the bot answers: two writers on the session at once.
      const noteId = `${view.role}#${n}-note`;
      const note = { kind: 'note', text: `offered ${actionId}` };
      const w = await call(base, token, 'POST', `/sessions/${id}/actions`, { actionId: noteId, action: note });
      acks.push({ actionId: noteId, answer: w.status === 200 ? w.body : w.body.answer });
    }
    if (killing) await sleep(25);
  }
}

async function crashRun(database: string): Promise<void> {
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const server = new ServerProcess(bundle, ['--port', String(port), '--database', database, '--rate', '100000'], dir);
  const first = await server.start();
  const admin = /Admin token[^:]*: (\S+)/.exec(first)![1]!;
  const sessions: { id: string; tokens: Record<string, string>; person: string }[] = [];
  for (let i = 0; i < SESSIONS; i++) {
    const created = await call(base, admin, 'POST', '/sessions', {
      scenario: 'anac/2010/ItexvsCypress',
      rounds: ROUNDS_PER_KILL * (KILLS + 5),
      seed: i + 1,
      timeScale: 1,
    });
    const seats = created.body.seats as { role: string; token: string }[];
    const tokens = Object.fromEntries(seats.map((s) => [s.role, s.token]));
    const [person, bot] = seats.filter((s) => s.role !== 'convenor').map((s) => s.role);
    await call(base, tokens.convenor!, 'PUT', `/sessions/${created.body.id}/seats/${encodeURIComponent(bot!)}/bot`, {
      // A hard bargainer that concedes only near the deadline: the person's offers do not end the talks early.
      strategy: 'boulware',
      params: { exponent: 0.05 },
    });
    sessions.push({ id: created.body.id, tokens, person: person! });
  }
  let kills = 0;
  const killsWhilePlaying: number[] = [];
  const playing = sessions.map((s, i) =>
    playSeat(base, s.id, s.tokens[s.person]!, () => kills).then((acks) => {
      killsWhilePlaying[i] = kills;
      return acks;
    }),
  );
  while (kills < KILLS) {
    await sleep(50 + Math.random() * 250);
    await server.kill();
    kills++;
    await server.start();
  }
  const acks = await Promise.all(playing);
  await server.kill('SIGTERM');
  const store = await EventStore.open(database);
  try {
    for (const [i, s] of sessions.entries()) {
      const lines = await store.lines(s.id);
      expect(brokenLink(lines)).toBe(-1);
      const log = parseEventLog(lines.map((l) => l.line).join('\n'));
      const replayed = replay(log);
      expect(JSON.parse(JSON.stringify(replayed.events))).toEqual(log.events);
      expect(replayed.state.end).not.toBeNull();
      // Every acknowledged action is in the log exactly once, on the line it was answered with.
      const byId = new Map<string, number[]>();
      for (const l of lines) {
        const parsed = JSON.parse(l.line);
        if (parsed.type === 'action' && parsed.role === s.person)
          byId.set(parsed.actionId, [...(byId.get(parsed.actionId) ?? []), l.seq]);
      }
      expect(acks[i]!.length).toBeGreaterThan(0);
      expect(acks[i]!.some((a) => a.actionId.endsWith('-note') && a.answer.accepted)).toBe(true);
      for (const ack of acks[i]!) expect(byId.get(ack.actionId), ack.actionId).toEqual([ack.answer.line]);
      expect([...byId.values()].every((seqs) => seqs.length === 1)).toBe(true);
    }
  } finally {
    await store.close();
  }
  expect(kills).toBeGreaterThanOrEqual(KILLS);
  // Every kill came while every session's talks went on, not after.
  for (const k of killsWhilePlaying) expect(k).toBe(KILLS);
}

describe('the crash test: the server is killed with SIGKILL at random moments while bots and clients play', () => {
  it('loses no acknowledged action and doubles none, on SQLite; every log replays and every session ends', async () => {
    await crashRun(join(dir, 'crash.db'));
  }, 150_000);

  it('does the same on PostgreSQL', async () => {
    await crashRun(await pg.database('crash'));
  }, 150_000);
});
