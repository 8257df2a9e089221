import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Harness } from './support/harness.js';
import { relaxedCairo } from './support/sessions.js';

// The other half of the authorization matrix (authorization.test.ts): what is refused changes nothing.

let h: Harness;
beforeAll(async () => {
  h = await Harness.start();
});
afterAll(() => h?.stop());

const open = (_name: string, request: Record<string, unknown>) => h.open(request);

describe('refusals: no seat acts for another, and nothing changes', () => {
  it('refuses acting as another role, acting from reading seats, and moving the clock', async () => {
    const o = await open('refusals', { files: [relaxedCairo()], protocol: 'shuttle', timeScale: 1 });
    const before = (await h.call('GET', `/sessions/${o.id}/log`, o.tokens.convenor)).text;
    const roles = Object.keys(o.tokens);
    let n = 0;
    for (const role of roles)
      for (const other of roles.filter((r) => r !== role && r !== 'convenor')) {
        const r = await h.call('POST', `/sessions/${o.id}/actions`, o.tokens[role], {
          actionId: `x${++n}`,
          action: { kind: 'statement', actor: other, text: 'I speak for them' },
        });
        expect(r.status, `${role} as ${other}`).toBe(403);
        expect(r.body.error.code).toBe('PARLEY_E_FORBIDDEN');
      }
    for (const reader of roles.filter((r) => o.kinds[r] === 'convenor' || o.kinds[r] === 'observer')) {
      const r = await h.call('POST', `/sessions/${o.id}/actions`, o.tokens[reader], {
        actionId: 'read-only',
        action: { kind: 'statement', text: 'hello' },
      });
      expect(r.status).toBe(403);
    }
    const tick = await h.call('POST', `/sessions/${o.id}/actions`, o.tokens.Egypt, {
      actionId: 't',
      action: { kind: 'tick', now: 99 },
    });
    expect(tick.status).toBe(400);
    const early = await h.call('POST', `/sessions/${o.id}/release`, o.tokens.convenor);
    expect(early.status, 'results are released only after the end').toBe(409);
    expect(early.body.error.code).toBe('PARLEY_E_CONFLICT');
    expect((await h.call('GET', `/sessions/${o.id}/result`, o.tokens.Egypt)).status).toBe(409);
    expect((await h.call('GET', `/sessions/${o.id}/log`, o.tokens.convenor)).text).toBe(before);
  });

  it('refuses guessed ids, other sessions’ and revoked tokens, and tokens in the wrong place', async () => {
    const a = await open('tokens a', { scenario: 'cairo-2024', protocol: 'saop', timeScale: 1 });
    const b = await open('tokens b', { scenario: 'cairo-2024', protocol: 'saop', timeScale: 1 });
    const seat = Object.keys(a.tokens).find((r) => r !== 'convenor')!;
    const before = (await h.call('GET', `/sessions/${a.id}/log`, a.tokens.convenor)).text;
    const endpoints: ['GET' | 'POST', string, unknown?][] = [
      ['GET', '/view'],
      ['GET', '/events'],
      ['GET', ''],
      ['GET', '/result'],
      ['GET', '/log'],
      ['GET', '/seats'],
      ['POST', '/actions', { actionId: 'g', action: { kind: 'offer', outcome: {} } }],
      ['POST', '/release'],
      ['GET', `/seats/${encodeURIComponent(seat)}/analysis`],
      ['POST', `/seats/${encodeURIComponent(seat)}/suggest`, { strategy: 'nash' }],
    ];
    for (const [method, path, body] of endpoints) {
      const guessed = await h.call(method, `/sessions/AAAAAAAAAAAAAAAAAAAAAA${path}`, a.tokens[seat], body);
      expect(guessed.status, `guessed ${path}`).toBe(404);
      const other = await h.call(method, `/sessions/${a.id}${path}`, b.tokens[seat], body);
      expect(other.status, `other session ${path}`).toBe(404);
      const none = await h.call(method, `/sessions/${a.id}${path}`, null, body);
      expect(none.status, `no token ${path}`).toBe(401);
      const query = await h.call(method, `/sessions/${a.id}${path}?token=${a.tokens[seat]}`, null, body);
      expect(query.status, `token in the query ${path}`).toBe(401);
      const wrongHeader = await h.call(method, `/sessions/${a.id}${path}`, null, body, { 'x-token': a.tokens[seat]! });
      expect(wrongHeader.status).toBe(401);
      const wrongScheme = await h.call(method, `/sessions/${a.id}${path}`, null, body, {
        authorization: `Basic ${a.tokens[seat]}`,
      });
      expect(wrongScheme.status).toBe(401);
      const cookieAsBearer = await h.call(method, `/sessions/${a.id}${path}`, null, body, {
        cookie: `parley_seat=${a.tokens[seat]}`,
      });
      expect(cookieAsBearer.status, `bearer token as a cookie ${path}`).toBe(401);
      const admin = await h.call(method, `/sessions/${a.id}${path}`, h.admin, body);
      expect(admin.status, `admin on ${path}`).toBe(403);
    }
    expect((await h.call('POST', '/sessions', a.tokens.convenor, { scenario: 'cairo-2024' })).status).toBe(403);
    for (const path of [
      '/seats',
      `/seats/${encodeURIComponent(seat)}/token`,
      `/seats/${encodeURIComponent(seat)}/invite`,
      '/release',
      '/log',
    ])
      expect(
        (
          await h.call(
            path === '/seats' || path === '/log' ? 'GET' : 'POST',
            `/sessions/${a.id}${path}`,
            a.tokens[seat],
          )
        ).status,
      ).toBe(403);
    const socket = await h.stream(a.id, b.tokens[seat]!, -1, () => true, 2_000);
    expect(socket.messages[0]).toMatchObject({ type: 'error', error: { code: 'PARLEY_E_NOT_FOUND' } });
    // Revoke, then reissue: the old token is refused everywhere, the new one works.
    expect(
      (await h.call('DELETE', `/sessions/${a.id}/seats/${encodeURIComponent(seat)}/token`, a.tokens.convenor)).status,
    ).toBe(204);
    expect((await h.call('GET', `/sessions/${a.id}/view`, a.tokens[seat])).status).toBe(401);
    const revokedSocket = await h.stream(a.id, a.tokens[seat]!, -1, () => true, 2_000);
    expect(revokedSocket.messages[0]).toMatchObject({ type: 'error', error: { code: 'PARLEY_E_AUTH' } });
    const reissued = await h.call(
      'POST',
      `/sessions/${a.id}/seats/${encodeURIComponent(seat)}/token`,
      a.tokens.convenor,
    );
    expect((await h.call('GET', `/sessions/${a.id}/view`, reissued.body.token)).status).toBe(200);
    expect((await h.call('GET', `/sessions/${a.id}/view`, a.tokens[seat])).status).toBe(401);
    expect((await h.call('GET', `/sessions/${a.id}/log`, a.tokens.convenor)).text).toBe(before);
  });

  it('exchanges a one-time invite for an HttpOnly SameSite=Strict cookie bound to its seat', async () => {
    const a = await open('invite', { scenario: 'cairo-2024', protocol: 'saop', timeScale: 1 });
    const seat = Object.keys(a.tokens).find((r) => r !== 'convenor')!;
    const invite = await h.call(
      'POST',
      `/sessions/${a.id}/seats/${encodeURIComponent(seat)}/invite`,
      a.tokens.convenor,
    );
    const first = await h.call('GET', invite.body.invite);
    expect(first.status).toBe(200);
    const setCookie = String(first.headers['set-cookie']);
    expect(setCookie).toMatch(/HttpOnly/);
    expect(setCookie).toMatch(/SameSite=Strict/);
    expect(setCookie).toContain(`Path=${first.body.path}`);
    const cookie = setCookie.split(';')[0]!;
    const view = await h.call('GET', `${first.body.path}/sessions/${a.id}/view`, null, undefined, { cookie });
    expect(view.body.role).toBe(seat);
    expect((await h.call('GET', invite.body.invite)).status).toBe(401);
    const asAnother = await h.call(
      'POST',
      `${first.body.path}/sessions/${a.id}/actions`,
      null,
      { actionId: 'c', action: { kind: 'end', actor: 'convenor' } },
      { cookie },
    );
    expect(asAnother.status).toBe(403);
  });

  it('lists the built-in scenarios to the admin token only', async () => {
    const list = await h.call('GET', '/scenarios', h.admin);
    expect(list.status).toBe(200);
    const names = (list.body.scenarios as { name: string; kind: string }[]).map((s) => s.name);
    expect(names).toContain('cairo-2024');
    expect(names.filter((n) => n.startsWith('anac/')).length).toBeGreaterThan(100);
    const o = await open('list', { scenario: names.find((n) => n.startsWith('geniusweb/'))!, protocol: 'saop' });
    expect((await h.call('GET', '/scenarios', o.tokens.convenor)).status).toBe(403);
    expect((await h.call('GET', '/scenarios')).status).toBe(401);
  });
});
