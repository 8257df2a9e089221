import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import WebSocket from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LiveSession } from '../../src/host/live-session.js';
import { planOf } from '../../src/host/spec.js';
import { Harness } from './support/harness.js';

/** Ended sessions leave memory after this grace period here (30 s by default). */
const GRACE_MS = 150;
const FAST = 3600 * 200;

let h: Harness;
beforeAll(async () => {
  h = await Harness.start({ limits: { unloadAfterMs: GRACE_MS } });
});
afterAll(() => h?.stop());

async function untilUnloaded(id: string, timeoutMs = 10_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (h.server.host.isLoaded(id)) {
    if (Date.now() > end) throw new Error(`session ${id} stayed in memory`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** Everything a finished session answers: results, reports, views, events after a seq, the log. */
async function answers(id: string, tokens: Record<string, string>) {
  const party = Object.keys(tokens).find((r) => r !== 'convenor')!;
  const get = async (url: string, token: string) => {
    const r = await h.call('GET', url, token);
    return { status: r.status, body: r.body ?? r.text };
  };
  return {
    result: await get(`/sessions/${id}/result`, tokens.convenor!),
    own: await get(`/sessions/${id}/result`, tokens[party]!),
    agreement: await get(`/sessions/${id}/reports/agreement.md`, tokens.convenor!),
    refusedReport: await get(`/sessions/${id}/reports/offers.svg`, tokens[party]!),
    view: await get(`/sessions/${id}/view`, tokens[party]!),
    events: await get(`/sessions/${id}/events?after=3`, tokens[party]!),
    convenorEvents: await get(`/sessions/${id}/events?after=0`, tokens.convenor!),
    log: await get(`/sessions/${id}/log`, tokens.convenor!),
  };
}

describe('ended sessions leave memory and come back from the store', () => {
  it('hosts a new session from what it stored, the same as one rebuilt from the store', async () => {
    for (const request of [
      { scenario: 'anac/2010/ItexvsCypress', rounds: 5, seed: 3 },
      { scenario: 'cairo-2024', protocol: 'shuttle' },
      { scenario: 'cairo-2024', protocol: 'single-text' },
    ]) {
      const { id } = await h.open(request);
      const created = await h.server.host.live(id);
      const rebuilt = await LiveSession.load(h.store, id, planOf);
      expect(rebuilt).not.toBe(created);
      const facts = (live: LiveSession) => ({
        spec: live.spec,
        plan: live.plan,
        header: live.header,
        startedAt: live.startedAt,
        state: live.state,
        events: live.events,
        headSeq: live.headSeq,
        over: live.isOver(),
      });
      expect(facts(created)).toEqual(facts(rebuilt));
    }
  });

  it('unloads an ended session after the grace period and answers the same from the store', async () => {
    const { id, tokens } = await h.open({ scenario: 'anac/2010/ItexvsCypress', bots: 'all', timeScale: FAST });
    await h.untilOver(id, tokens.convenor!);
    const before = await answers(id, tokens);
    expect(before.result.status).toBe(200);
    expect(before.agreement.status).toBe(200);
    expect(before.refusedReport.status).toBe(403);
    expect((before.events.body as { events: unknown[] }).events.length).toBeGreaterThan(0);
    await untilUnloaded(id);
    const after = await answers(id, tokens);
    expect(h.server.host.isLoaded(id)).toBe(true);
    expect(after).toEqual(before);
    await untilUnloaded(id);
  });

  it('stores state snapshots without the setup, and rebuilds the same state from the latest', async () => {
    const { id, tokens } = await h.open({ scenario: 'anac/2010/ItexvsCypress', bots: 'all', timeScale: FAST });
    await h.untilOver(id, tokens.convenor!);
    const live = await h.server.host.live(id);
    const snapshot = await h.store.latestSnapshot(id);
    expect(snapshot?.seq).toBeGreaterThanOrEqual(200);
    expect(JSON.parse(snapshot!.state)).not.toHaveProperty('setup');
    await untilUnloaded(id);
    const rebuilt = await h.server.host.live(id);
    expect(rebuilt).not.toBe(live);
    expect(rebuilt.state).toEqual(live.state);
  });

  it('answers a retried actionId the same after the session left memory, and logs it once', async () => {
    const { id, tokens } = await h.open({ scenario: 'anac/2010/ItexvsCypress', bots: 'all', timeScale: FAST });
    await h.untilOver(id, tokens.convenor!);
    const party = Object.keys(tokens).find((r) => r !== 'convenor')!;
    const issues = (await h.call('GET', `/sessions/${id}`, tokens[party])).body.domain.issues as {
      name: string;
      values: string[];
    }[];
    const outcome = Object.fromEntries(issues.map((i) => [i.name, i.values[0]]));
    const body = { actionId: 'late-1', action: { kind: 'offer', outcome } };
    const first = await h.call('POST', `/sessions/${id}/actions`, tokens[party], body);
    expect(first.status).toBe(409);
    await untilUnloaded(id);
    const again = await h.call('POST', `/sessions/${id}/actions`, tokens[party], body);
    expect(again.status).toBe(409);
    expect(again.body).toEqual(first.body);
    const lines = (await h.logLines(id, tokens.convenor!)).filter(
      (l) => l.type === 'action' && l.actionId === 'late-1',
    );
    expect(lines).toHaveLength(1);
  });

  it('keeps an ended session in memory while a stream follows it, and unloads it once the stream closes', async () => {
    const { id, tokens } = await h.open({ scenario: 'anac/2010/ItexvsCypress', bots: 'all', timeScale: FAST });
    await h.untilOver(id, tokens.convenor!);
    const socket = new WebSocket(`ws://127.0.0.1:${h.port}/sessions/${id}/stream?after=-1`, {
      headers: { authorization: `Bearer ${tokens.convenor}` },
    });
    await new Promise<void>((resolve, reject) => {
      socket.once('message', () => resolve());
      socket.once('error', reject);
    });
    await new Promise((r) => setTimeout(r, GRACE_MS * 4));
    expect(h.server.host.isLoaded(id)).toBe(true);
    socket.close();
    await untilUnloaded(id);
  });

  it('keeps a session that has not ended in memory', async () => {
    const { id } = await h.open({ scenario: 'anac/2010/ItexvsCypress', timeScale: 1 });
    await new Promise((r) => setTimeout(r, GRACE_MS * 4));
    expect(h.server.host.isLoaded(id)).toBe(true);
  });
});

describe('a restart', () => {
  it('rebuilds the sessions that go on and keeps the ended ones out of memory until asked for', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'parley-unload-'));
    const database = join(dir, 'parley.db');
    try {
      let first: Harness | null = await Harness.start({ database });
      const ended = await first.open({ scenario: 'anac/2010/ItexvsCypress', bots: 'all', timeScale: FAST });
      const going = await first.open({ scenario: 'anac/2010/ItexvsCypress', timeScale: 1 });
      await first.untilOver(ended.id, ended.tokens.convenor!);
      const result = await first.call('GET', `/sessions/${ended.id}/result`, ended.tokens.convenor);
      await first.stop();
      first = null;
      const again = await Harness.start({ database });
      try {
        expect(again.server.host.isLoaded(going.id)).toBe(true);
        expect(again.server.host.isLoaded(ended.id)).toBe(false);
        const reloaded = await again.call('GET', `/sessions/${ended.id}/result`, ended.tokens.convenor);
        expect(reloaded.body).toEqual(result.body);
      } finally {
        await again.stop();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('the limit on sessions', () => {
  it('counts the sessions that run, not those that ended', async () => {
    const small = await Harness.start({ limits: { maxSessions: 1, unloadAfterMs: GRACE_MS } });
    try {
      const ended = await small.open({ scenario: 'anac/2010/ItexvsCypress', bots: 'all', timeScale: FAST });
      await small.untilOver(ended.id, ended.tokens.convenor!);
      await small.open({ scenario: 'anac/2010/ItexvsCypress', timeScale: 1 });
      const refused = await small.call('POST', '/sessions', small.admin, { scenario: 'anac/2010/ItexvsCypress' });
      expect(refused.status).toBe(429);
      expect(refused.body.error.code).toBe('PARLEY_E_LIMIT');
      expect(refused.body.error.message).toMatch(/at most 1 sessions at once/);
    } finally {
      await small.stop();
    }
  });
});

describe('a session that ends while hosted', () => {
  /** How long the test waits for an unload: far below the default grace period of 30 s. */
  const PROMPT_MS = 3_000;

  const close = (d: Harness, id: string, convenor: string) =>
    d.call('POST', `/sessions/${id}/actions`, convenor, {
      actionId: 'close-1',
      action: { kind: 'close', reason: 'enough' },
    });

  const untilGone = async (d: Harness, id: string) => {
    const end = Date.now() + PROMPT_MS;
    while (d.server.host.isLoaded(id) && Date.now() < end) await new Promise((r) => setTimeout(r, 20));
    return !d.server.host.isLoaded(id);
  };

  it('leaves memory at once when nothing follows it, without the grace period', async () => {
    const d = await Harness.start();
    try {
      const { id, tokens } = await d.open({ scenario: 'anac/2010/ItexvsCypress', timeScale: 1 });
      expect((await close(d, id, tokens.convenor!)).status).toBe(200);
      expect(await untilGone(d, id)).toBe(true);
      const view = await d.call('GET', `/sessions/${id}/view`, tokens.convenor);
      expect(view.body.over).toBe(true);
    } finally {
      await d.stop();
    }
  });

  it('stays while a stream follows it and leaves as soon as the last stream closes', async () => {
    const d = await Harness.start();
    try {
      const { id, tokens } = await d.open({ scenario: 'anac/2010/ItexvsCypress', timeScale: 1 });
      const socket = new WebSocket(`ws://127.0.0.1:${d.port}/sessions/${id}/stream?after=-1`, {
        headers: { authorization: `Bearer ${tokens.convenor}` },
      });
      const over = new Promise<void>((resolve, reject) => {
        socket.on('message', (data) => {
          const m = JSON.parse(String(data)) as { type: string; over?: boolean };
          if (m.type === 'expected' && m.over) resolve();
        });
        socket.once('error', reject);
      });
      await new Promise<void>((resolve, reject) => {
        socket.once('open', () => resolve());
        socket.once('error', reject);
      });
      expect((await close(d, id, tokens.convenor!)).status).toBe(200);
      await over;
      await new Promise((r) => setTimeout(r, 200));
      expect(d.server.host.isLoaded(id)).toBe(true);
      socket.close();
      expect(await untilGone(d, id)).toBe(true);
    } finally {
      await d.stop();
    }
  });
});
