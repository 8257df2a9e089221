import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import WebSocket from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ProtocolEvent } from '../../src/protocols/events.js';
import { parley } from '../cli/run.js';
import { Harness } from './support/harness.js';
import { CLOSE_REASON, E, HD, HL, IC, ID, WG, playClosedShuttle, relaxedCairo } from './support/sessions.js';

/** Ended sessions leave memory after this grace period here (30 s by default). */
const GRACE_MS = 200;

let h: Harness;
let id: string;
let tokens: Record<string, string>;
let observer: string;
const refusals: Record<string, { status: number; body: any }> = {};
let observed: Promise<{ events: ProtocolEvent[]; messages: any[] }>;
let delegation: Promise<{ events: ProtocolEvent[]; messages: any[] }>;

const closedIn = (events: readonly ProtocolEvent[]) => events.some((e) => e.kind === 'closed');

beforeAll(async () => {
  h = await Harness.start({ limits: { unloadAfterMs: GRACE_MS } });
  const opened = await h.open({ files: [relaxedCairo()], protocol: 'shuttle', timeScale: 3600 });
  ({ id, tokens } = opened);
  observer = Object.keys(opened.kinds).find((r) => opened.kinds[r] === 'observer')!;
  observed = h.stream(id, tokens[observer]!, -1, closedIn, 30_000);
  delegation = h.stream(id, tokens[HD]!, -1, closedIn, 30_000);
  let n = 0;
  const attempt = async (name: string, role: string, action: Record<string, unknown>) => {
    const r = await h.call('POST', `/sessions/${id}/actions`, tokens[role], { actionId: `try-${++n}`, action });
    refusals[name] = { status: r.status, body: r.body };
  };
  for (const role of [E, IC, WG, observer]) await attempt(role, role, { kind: 'close', reason: 'enough' });
  await attempt('convenor statement', 'convenor', { kind: 'statement', text: 'I speak' });
  await attempt('convenor without reason', 'convenor', { kind: 'close' });
  await attempt('convenor as another', 'convenor', { kind: 'close', actor: E, reason: 'enough' });
  await playClosedShuttle(h, id, tokens);
}, 60_000);

afterAll(() => h?.stop());

describe('the convenor closes a hosted session', () => {
  it('refuses a close from every other seat: the protocol refuses acting seats, the server the others', async () => {
    for (const role of [E, IC, WG]) {
      expect(refusals[role]!.status, role).toBe(409);
      expect(refusals[role]!.body.error.message).toMatch(/only the convenor may close the talks/);
    }
    expect(refusals[observer]).toMatchObject({ status: 403, body: { error: { code: 'PARLEY_E_FORBIDDEN' } } });
    expect(refusals['convenor statement']).toMatchObject({
      status: 403,
      body: { error: { code: 'PARLEY_E_FORBIDDEN' } },
    });
    expect(refusals['convenor statement']!.body.error.message).toMatch(/may only close them/);
    expect(refusals['convenor without reason']).toMatchObject({
      status: 400,
      body: { error: { code: 'PARLEY_E_SCHEMA' } },
    });
    expect(refusals['convenor as another']!.status).toBe(403);
    // Each refused close is logged for the refused seat's side only.
    const log = await h.logEvents(id, tokens.convenor!);
    const refused = log.filter((e) => e.kind === 'invalid-action' && e.action === 'close');
    expect(refused.map((e) => (e.kind === 'invalid-action' ? e.actor : ''))).toEqual([E, IC, WG, HD]);
    const seen = async (role: string) =>
      ((await h.call('GET', `/sessions/${id}/events`, tokens[role])).body.events as ProtocolEvent[])
        .filter((e) => e.kind === 'invalid-action')
        .map((e) => (e.kind === 'invalid-action' ? e.actor : ''));
    expect(await seen(ID)).toEqual([]);
    expect(await seen(HD)).toEqual([HD]);
    expect(await seen(observer)).toEqual([]);
  });

  it('ends the talks as closed with its reason, told to every seat, and the awaiting package lapses', async () => {
    const log = await h.logEvents(id, tokens.convenor!);
    const closed = log.filter((e) => e.kind === 'closed');
    expect(closed).toHaveLength(1);
    expect(closed[0]).toMatchObject({
      actor: 'convenor',
      reason: CLOSE_REASON,
      lapsed: ['pkg-1'],
      audience: { kind: 'all' },
    });
    expect(log.some((e) => e.kind === 'agreement')).toBe(false);
    for (const role of Object.keys(tokens)) {
      const view = (await h.call('GET', `/sessions/${id}/view`, tokens[role])).body;
      expect(view.over, role).toBe(true);
      expect(view.expected, role).toEqual([]);
      expect(view.nextTickAt, role).toBeNull();
      expect(
        view.events.map((e: ProtocolEvent) => e.seq),
        role,
      ).toContain(closed[0]!.seq);
    }
  });

  it('streams the close to the seats that follow the session, then nothing is expected', async () => {
    for (const stream of [await observed, await delegation]) {
      expect(stream.events.filter((e) => e.kind === 'closed')).toHaveLength(1);
      const last = stream.messages.filter((m) => m.type === 'expected').at(-1);
      expect(last).toMatchObject({ over: true, expected: [], nextTickAt: null });
    }
    expect((await observed).events.some((e) => e.kind === 'ratified')).toBe(false);
  });

  it('answers the result as closed without agreement, with who closed the talks and why', async () => {
    const full = (await h.call('GET', `/sessions/${id}/result`, tokens.convenor)).body;
    expect(full).toMatchObject({
      full: true,
      result: {
        endReason: 'closed',
        agreement: null,
        closed: { by: 'convenor', reason: CLOSE_REASON, lapsed: ['pkg-1'] },
      },
    });
    const own = (await h.call('GET', `/sessions/${id}/result`, tokens[HL])).body;
    expect(own).toMatchObject({
      full: false,
      result: { endReason: 'closed', agreement: false, closed: { reason: CLOSE_REASON }, own: { party: 'Hamas' } },
    });
    const text = (await h.call('GET', `/sessions/${id}/reports/agreement.md`, tokens.convenor)).text;
    expect(text).toMatch(/^# No agreement/);
    expect(text).toMatch(
      /the convenor closed the talks \(“The mediators asked.*”\); pkg-1, accepted but not yet agreed, lapsed/,
    );
  });

  it('refuses every move after the close, a second close included, and logs no change of state', async () => {
    const before = (await h.logEvents(id, tokens.convenor!)).length;
    const again = await h.call('POST', `/sessions/${id}/actions`, tokens.convenor, {
      actionId: 'again',
      action: { kind: 'close', reason: 'once more' },
    });
    expect(again.status).toBe(409);
    expect(again.body.error.message).toMatch(/the negotiation is over \(closed/);
    const ratify = await h.call('POST', `/sessions/${id}/actions`, tokens[HL], {
      actionId: 'late',
      action: { kind: 'ratify', proposal: 'pkg-1' },
    });
    expect(ratify.status).toBe(409);
    const after = await h.logEvents(id, tokens.convenor!);
    expect(after.slice(before).map((e) => e.kind)).toEqual(['invalid-action', 'invalid-action']);
    expect(after.slice(before)[0]!.audience).toEqual({ kind: 'seat', role: 'convenor' });
  });

  it('replays the closed log with `parley replay`, to the same events', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'parley-closed-'));
    try {
      const file = join(dir, 'events.jsonl');
      writeFileSync(file, (await h.call('GET', `/sessions/${id}/log`, tokens.convenor)).text);
      const json = await parley(['replay', file, '--json']);
      expect(json.code, json.stderr).toBe(0);
      expect(JSON.parse(json.stdout)).toMatchObject({ replayed: true, identical: true });
      const text = await parley(['replay', file, '--as', HD]);
      expect(text.code, text.stderr).toBe(0);
      expect(text.stdout).toContain('The convenor CLOSED the talks: The mediators asked to suspend the talks');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('leaves memory like any ended session once nothing follows it, and answers the same from the store', async () => {
    const result = (await h.call('GET', `/sessions/${id}/result`, tokens.convenor)).body;
    const end = Date.now() + 10_000;
    while (h.server.host.isLoaded(id) && Date.now() < end) await new Promise((r) => setTimeout(r, 20));
    expect(h.server.host.isLoaded(id)).toBe(false);
    expect((await h.call('GET', `/sessions/${id}/result`, tokens.convenor)).body).toEqual(result);
  });

  it('documents the close move in the OpenAPI description', async () => {
    const doc = (await h.call('GET', '/docs/json')).text;
    expect(doc).toContain('"close"');
    expect(doc).toContain('Only the convenor may close.');
  });

  it('closes over the convenor’s WebSocket too, acknowledged once committed', async () => {
    const saop = await h.open({ scenario: 'anac/2010/ItexvsCypress', timeScale: 1 });
    const socket = new WebSocket(`ws://127.0.0.1:${h.port}/sessions/${saop.id}/stream`, {
      headers: { authorization: `Bearer ${saop.tokens.convenor}` },
    });
    const messages: any[] = [];
    socket.on('message', (m) => messages.push(JSON.parse(String(m))));
    await new Promise((r) => socket.once('open', r));
    socket.send(JSON.stringify({ type: 'action', actionId: 'c1', action: { kind: 'close', reason: 'a test run' } }));
    for (let i = 0; i < 300 && !messages.some((m) => m.type === 'expected' && m.over); i++)
      await new Promise((r) => setTimeout(r, 10));
    socket.close();
    expect(messages.find((m) => m.type === 'ack')?.answer).toMatchObject({ actionId: 'c1', accepted: true });
    expect(messages.find((m) => m.type === 'event' && m.event.kind === 'closed')?.event.reason).toBe('a test run');
    const result = (await h.call('GET', `/sessions/${saop.id}/result`, saop.tokens.convenor)).body;
    expect(result.result).toMatchObject({ endReason: 'closed', closed: { lapsed: [] } });
  });
});
