import WebSocket from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seatPath } from '../../src/server/auth.js';
import { Harness } from './support/harness.js';
import { HD, ID } from './support/sessions.js';

interface Joined {
  readonly role: string;
  readonly session: string;
  readonly path: string;
  readonly cookie: string;
  readonly setCookie: string;
}

let h: Harness;
let a: { id: string; tokens: Record<string, string> };
let b: { id: string; tokens: Record<string, string> };
const seats = new Map<string, Joined>();

/** What a browser does with an invite link: exchanges it once and keeps the cookie it is given. */
async function join(session: { id: string; tokens: Record<string, string> }, role: string): Promise<Joined> {
  const invite = await h.call(
    'POST',
    `/sessions/${session.id}/seats/${encodeURIComponent(role)}/invite`,
    session.tokens.convenor,
  );
  const r = await h.call('GET', invite.body.invite);
  expect(r.status, r.text).toBe(200);
  const setCookie = String(r.headers['set-cookie']);
  return { role, session: session.id, path: r.body.path, cookie: setCookie.split(';')[0]!, setCookie };
}

/** RFC 6265 path-match: the cookies a browser sends with a request to `path`. */
const sentWith = (path: string) =>
  [...seats.values()].filter((s) => path === s.path || path.startsWith(`${s.path}/`)).map((s) => s.cookie);

const get = (s: Joined, rest: string, cookie = s.cookie, session = s.session) =>
  h.call('GET', `${s.path}/sessions/${session}${rest}`, null, undefined, { cookie });

beforeAll(async () => {
  h = await Harness.start();
  a = await h.open({ scenario: 'cairo-2024', protocol: 'shuttle', timeScale: 1 });
  b = await h.open({ scenario: 'cairo-2024', protocol: 'single-text', timeScale: 1 });
  seats.set('A:ID', await join(a, ID));
  seats.set('A:HD', await join(a, HD));
  seats.set('A:convenor', await join(a, 'convenor'));
  seats.set('B:HD', await join(b, HD));
});

afterAll(() => h?.stop());

const seat = (name: string) => seats.get(name)!;

describe('several seats in one browser profile', () => {
  it('gives each seat its own HttpOnly, SameSite=Strict cookie on a path of its own', () => {
    for (const s of seats.values()) {
      expect(s.path).toBe(seatPath(s.session, s.role));
      expect(s.setCookie).toMatch(/^parley_seat=[A-Za-z0-9_-]{43};/);
      expect(s.setCookie).toContain(`Path=${s.path};`);
      expect(s.setCookie).toMatch(/HttpOnly/);
      expect(s.setCookie).toMatch(/SameSite=Strict/);
      expect(s.setCookie).not.toMatch(/Domain=/);
    }
    expect(new Set([...seats.values()].map((s) => s.path)).size).toBe(seats.size);
    // A browser holding every one of them sends exactly one with each seat's requests.
    for (const s of seats.values()) expect(sentWith(`${s.path}/sessions/${s.session}/view`)).toEqual([s.cookie]);
    expect(sentWith(`/sessions/${a.id}/view`)).toEqual([]);
  });

  it('lets each seat read its own view and act as itself, side by side', async () => {
    const israel = (await get(seat('A:ID'), '/view')).body;
    const hamas = (await get(seat('A:HD'), '/view')).body;
    expect([israel.role, israel.self.name]).toEqual([ID, 'Israel']);
    expect([hamas.role, hamas.self.name]).toEqual([HD, 'Hamas']);
    expect((await get(seat('B:HD'), '/view')).body).toMatchObject({ session: b.id, role: HD, protocol: 'single-text' });
    expect((await get(seat('A:convenor'), '/seats')).status).toBe(200);
    for (const [name, text] of [
      ['A:ID', 'an Israeli note'],
      ['A:HD', 'a Hamas note'],
    ] as const) {
      const s = seat(name);
      const r = await h.call(
        'POST',
        `${s.path}/sessions/${s.session}/actions`,
        null,
        { actionId: name, action: { kind: 'note', text } },
        { cookie: s.cookie },
      );
      expect(r.status, r.text).toBe(200);
    }
    const notes = (await h.logEvents(a.id, a.tokens.convenor!)).filter((e) => e.kind === 'note');
    expect(notes.map((e) => (e.kind === 'note' ? [e.actor, e.text] : []))).toEqual([
      [ID, 'an Israeli note'],
      [HD, 'a Hamas note'],
    ]);
    const israelEvents = (await get(seat('A:ID'), '/events')).body.events as { kind: string; text?: string }[];
    expect(israelEvents.filter((e) => e.kind === 'note').map((e) => e.text)).toEqual(['an Israeli note']);
  });

  it('streams each seat its own events over a WebSocket under its path', async () => {
    const hello = (s: Joined, cookie = s.cookie) =>
      new Promise<any>((resolve, reject) => {
        const socket = new WebSocket(`ws://127.0.0.1:${h.port}${s.path}/sessions/${s.session}/stream`, {
          headers: { cookie },
        });
        socket.once('message', (m) => {
          socket.close();
          resolve(JSON.parse(String(m)));
        });
        socket.once('error', reject);
      });
    expect(await hello(seat('A:ID'))).toMatchObject({ type: 'hello', role: ID });
    expect(await hello(seat('A:HD'))).toMatchObject({ type: 'hello', role: HD });
    expect(await hello(seat('A:ID'), seat('A:HD').cookie)).toMatchObject({
      type: 'error',
      error: { code: 'PARLEY_E_AUTH' },
    });
  });

  it("refuses a cookie under another seat's path, in another session, without a path key, or once revoked", async () => {
    const wrongPath = await get(seat('A:ID'), '/view', seat('A:HD').cookie);
    expect(wrongPath.status).toBe(401);
    expect(wrongPath.body.error.message).toMatch(/not for the seat of/);
    expect((await get(seat('A:ID'), '/view', seat('A:ID').cookie, b.id)).status).toBe(404);
    expect((await get(seat('B:HD'), '/view', seat('A:HD').cookie)).status).toBe(401);
    expect(
      (await h.call('GET', `/seat/short/sessions/${a.id}/view`, null, undefined, { cookie: seat('A:ID').cookie }))
        .status,
    ).toBe(404);
    expect(
      (await h.call('DELETE', `/sessions/${a.id}/seats/${encodeURIComponent(HD)}/token`, a.tokens.convenor)).status,
    ).toBe(204);
    expect((await get(seat('A:HD'), '/view')).status).toBe(401);
    expect((await get(seat('A:ID'), '/view')).status).toBe(200);
    expect((await get(seat('B:HD'), '/view')).status).toBe(200);
  });
});
