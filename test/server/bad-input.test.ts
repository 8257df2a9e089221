import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { Harness, type Reply } from './support/harness.js';

let h: Harness;
let id: string;
let tokens: Record<string, string>;
let seat: string;

beforeAll(async () => {
  h = await Harness.start({ limits: { ratePerMinute: 40, bodyLimit: 4_096 } });
  ({ id, tokens } = await h.open({ scenario: 'anac/2010/ItexvsCypress', timeScale: 1 }));
  seat = (await h.call('GET', `/sessions/${id}/view`, tokens.convenor)).body.expected[0].role;
});
afterAll(() => h?.stop());

const log = async () => (await h.call('GET', `/sessions/${id}/log`, tokens.convenor)).text;

/** A clear JSON error with a stable code, never a stack trace. */
function expectError(r: Reply, status: number, code: string): void {
  expect(r.status, r.text).toBe(status);
  expect(r.body.error.code).toBe(code);
  expect(typeof r.body.error.message).toBe('string');
  expect(r.text).not.toMatch(/\bat .*\(.*:\d+:\d+\)|node_modules|\.ts:\d+/);
}

describe('bad input: a clear JSON error, the server stays up, the log unchanged', () => {
  it('refuses malformed JSON, wrong types, unknown fields and oversized bodies', async () => {
    const before = await log();
    const url = `/sessions/${id}/actions`;
    expectError(await h.call('POST', url, tokens[seat], '{"actionId": "a", "action": {'), 400, 'PARLEY_E_PARSE');
    expectError(
      await h.call('POST', url, tokens[seat], { actionId: 7, action: { kind: 'offer', outcome: {} } }),
      400,
      'PARLEY_E_SCHEMA',
    );
    expectError(
      await h.call('POST', url, tokens[seat], { actionId: 'a', action: { kind: 'offer', outcome: [] } }),
      400,
      'PARLEY_E_SCHEMA',
    );
    expectError(
      await h.call('POST', url, tokens[seat], { actionId: 'a', action: { kind: 'dance' } }),
      400,
      'PARLEY_E_SCHEMA',
    );
    expectError(
      await h.call('POST', url, tokens[seat], { actionId: 'a', action: { kind: 'end' }, admin: true }),
      400,
      'PARLEY_E_SCHEMA',
    );
    expectError(
      await h.call('POST', url, tokens[seat], { actionId: 'a', action: { kind: 'end', sneaky: 1 } }),
      400,
      'PARLEY_E_SCHEMA',
    );
    expectError(
      await h.call('POST', url, tokens[seat], {
        actionId: 'a',
        action: { kind: 'statement', text: 'x'.repeat(10_000) },
      }),
      413,
      'PARLEY_E_TOO_LARGE',
    );
    expectError(await h.call('GET', `/sessions/${id}/events?after=soon`, tokens[seat]), 400, 'PARLEY_E_SCHEMA');
    expectError(await h.call('GET', `/nowhere`, tokens[seat]), 404, 'PARLEY_E_NOT_FOUND');
    expect(await log()).toBe(before);
    expect((await h.call('GET', '/health')).status).toBe(200);
  });

  it('answers an action the protocol refuses with 409 and logs it for the actor’s side only', async () => {
    const before = (await h.logLines(id, tokens.convenor!)).length;
    const r = await h.call('POST', `/sessions/${id}/actions`, tokens[seat], {
      actionId: 'bad-accept',
      action: { kind: 'accept', proposal: 'offer-99' },
    });
    expectError(r, 409, 'PARLEY_E_INVALID_ACTION');
    const lines = await h.logLines(id, tokens.convenor!);
    expect(lines.slice(before).map((l) => (l.type === 'event' ? l.event.kind : l.type))).toEqual([
      'action',
      'invalid-action',
    ]);
    const event = lines.at(-1).event;
    expect(event.audience).toEqual({ kind: 'party', party: expect.any(String) });
    const other = Object.keys(tokens).find((r) => r !== seat && r !== 'convenor')!;
    const theirs = await h.call('GET', `/sessions/${id}/events`, tokens[other]);
    expect(theirs.body.events.some((e: { seq: number }) => e.seq === event.seq)).toBe(false);
  });

  it('refuses an uploaded scenario with the position of the error, and unknown or module bots', async () => {
    const broken = await h.call('POST', '/sessions', h.admin, {
      files: [{ name: 'talks.yaml', content: 'name: talks\nformat: parley/1\nissues:\n  - name: x\n    values: 3\n' }],
    });
    expect(broken.status).toBe(400);
    expect(broken.body.error.position.file).toBe('talks.yaml');
    expect(broken.body.error.position.line).toBeGreaterThan(0);
    expectError(
      await h.call('POST', '/sessions', h.admin, { scenario: 'no-such-scenario' }),
      404,
      'PARLEY_E_FILE_NOT_FOUND',
    );
    expectError(
      await h.call('POST', '/sessions', h.admin, {
        scenario: 'cairo-2024',
        bots: { Egypt: { strategy: './evil.ts' } },
      }),
      400,
      'PARLEY_E_USAGE',
    );
    expectError(
      await h.call('POST', '/sessions', h.admin, { scenario: 'cairo-2024', files: [] }),
      400,
      'PARLEY_E_SCHEMA',
    );
    expectError(
      await h.call('PUT', `/sessions/${id}/seats/${encodeURIComponent(seat)}/bot`, tokens.convenor, {
        strategy: 'nobody',
      }),
      400,
      'PARLEY_E_USAGE',
    );
  });

  it('answers bad WebSocket messages with an error and keeps the socket', async () => {
    const socket = new WebSocket(`ws://127.0.0.1:${h.port}/sessions/${id}/stream`, {
      headers: { authorization: `Bearer ${tokens[seat]}` },
    });
    const errors: any[] = [];
    await new Promise<void>((resolve) => socket.on('open', () => resolve()));
    socket.on('message', (d) => {
      const m = JSON.parse(String(d));
      if (m.type === 'error') errors.push(m);
    });
    socket.send('not json');
    socket.send(JSON.stringify({ type: 'action', actionId: 'w', action: { kind: 'offer' } }));
    socket.send(JSON.stringify({ type: 'action', actionId: 'w2', action: { kind: 'end', actor: 'convenor' } }));
    await new Promise((r) => setTimeout(r, 300));
    expect(errors.map((e) => e.error.code)).toEqual(['PARLEY_E_PARSE', 'PARLEY_E_SCHEMA', 'PARLEY_E_FORBIDDEN']);
    expect(socket.readyState).toBe(WebSocket.OPEN);
    socket.close();
  });

  it('limits a flood from one token with 429, leaving other tokens served', async () => {
    const before = await log();
    const replies = await Promise.all(
      Array.from({ length: 60 }, () => h.call('GET', `/sessions/${id}/events`, tokens[seat])),
    );
    const limited = replies.filter((r) => r.status === 429);
    expect(limited.length).toBeGreaterThan(0);
    expectError(limited[0]!, 429, 'PARLEY_E_RATE_LIMIT');
    expect((await h.call('GET', `/sessions/${id}/view`, tokens.convenor)).status).toBe(200);
    expect(await log()).toBe(before);
  });
});
