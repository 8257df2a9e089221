import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ProtocolEvent } from '../../src/protocols/events.js';
import { canSee } from '../../src/protocols/visibility.js';
import { parseEventLog } from '../../src/session/event-log.js';
import { replay } from '../../src/session/replay.js';
import { seatOf } from '../../src/session/views.js';
import { freePort, startPostgres, type TestPostgres } from '../support/postgres.js';
import { streamEvents } from './support/harness.js';
import { bundleServe, ServerProcess } from './support/child.js';

let bundle: string;
let pg: TestPostgres;
let dir: string;
const servers: ServerProcess[] = [];

beforeAll(async () => {
  [bundle, pg] = await Promise.all([bundleServe(), startPostgres()]);
  dir = mkdtempSync(join(tmpdir(), 'parley-cluster-'));
}, 60_000);

afterAll(async () => {
  for (const s of servers) await s.kill();
  await pg?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
  if (bundle) rmSync(join(bundle, '..'), { recursive: true, force: true });
});

async function instance(database: string): Promise<{ server: ServerProcess; base: string; output: string }> {
  const port = await freePort();
  const server = new ServerProcess(bundle, ['--port', String(port), '--database', database], dir);
  servers.push(server);
  const output = await server.start();
  return { server, base: `127.0.0.1:${port}`, output };
}

async function call(base: string, token: string, method: string, path: string, body?: unknown): Promise<any> {
  const r = await fetch(`http://${base}${path}`, {
    method,
    headers: { authorization: `Bearer ${token}`, ...(body ? { 'content-type': 'application/json' } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  });
  const text = await r.text();
  return { status: r.status, body: text ? JSON.parse(text) : null };
}

const over = (events: ProtocolEvent[]) => events.some((e) => ['agreement', 'deadline', 'walk-away'].includes(e.kind));

describe('two instances on one PostgreSQL', () => {
  it('fan out every event in order to clients on both, and a session goes on when one instance is killed', async () => {
    const database = await pg.database('cluster');
    const a = await instance(database);
    const b = await instance(database);
    const admin = /Admin token[^:]*: (\S+)/.exec(a.output + b.output)![1]!;
    // Opened on A; a client on each instance for every seat.
    const created = await call(a.base, admin, 'POST', '/sessions', {
      scenario: 'cairo-2024',
      protocol: 'shuttle',
      bots: 'all',
      timeScale: 3600 * 10,
    });
    expect(created.status).toBe(201);
    const id = created.body.id as string;
    const seats = created.body.seats as { role: string; token: string }[];
    const streams = seats.flatMap((s) =>
      [a, b].map((x) =>
        streamEvents(`ws://${x.base}/sessions/${id}/stream`, s.token, (events) => over(events), 60_000).then((r) => ({
          role: s.role,
          on: x === a ? 'A' : 'B',
          events: r.events,
        })),
      ),
    );
    // Half-way, A dies; B keeps the session going (bots, clock) and its clients see it end.
    await new Promise((r) => setTimeout(r, 2_000));
    await a.server.kill();
    const convenor = seats.find((s) => s.role === 'convenor')!.token;
    for (let i = 0; i < 600; i++) {
      if ((await call(b.base, convenor, 'GET', `/sessions/${id}/view`)).body.over) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    const logText = await (
      await fetch(`http://${b.base}/sessions/${id}/log`, { headers: { authorization: `Bearer ${convenor}` } })
    ).text();
    const log = parseEventLog(logText);
    expect(JSON.parse(JSON.stringify(replay(log).events))).toEqual(log.events);
    expect(log.events.at(-1)!.kind).toMatch(/agreement|deadline|walk-away/);
    const received = await Promise.all(streams);
    for (const r of received.filter((x) => x.on === 'B')) {
      const viewer = r.role === 'convenor' ? ({ kind: 'auditor' } as const) : seatOf(log.header.setup, r.role).viewer;
      const expected = log.events.filter((e) => canSee(e.audience, viewer)).map((e) => e.seq);
      expect(
        r.events.map((e) => e.seq),
        `${r.role} on B`,
      ).toEqual(expected);
    }
    // The clients on A saw a gapless, ordered prefix of the same stream before it died.
    for (const r of received.filter((x) => x.on === 'A')) {
      const twin = received.find((x) => x.on === 'B' && x.role === r.role)!;
      expect(r.events.map((e) => e.seq)).toEqual(twin.events.slice(0, r.events.length).map((e) => e.seq));
      expect(r.events.length).toBeGreaterThan(0);
    }
    // A died in the middle of the talks: its convenor saw fewer events than B's.
    const seen = (on: string) => received.find((x) => x.on === on && x.role === 'convenor')!.events.length;
    expect(seen('A')).toBeLessThan(seen('B'));
  }, 120_000);
});
