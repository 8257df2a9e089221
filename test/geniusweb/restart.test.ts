import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildServer, type ParleyServer } from '../../src/server/app.js';
import { EventStore } from '../../src/store/store.js';
import { readProfile, startScriptedParty, until } from './support.js';

const dir = mkdtempSync(join(tmpdir(), 'parley-gw-restart-'));
const file = join(dir, 'parley.db');
const cleanups: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const c of cleanups.reverse()) await c();
  rmSync(dir, { recursive: true, force: true });
});

async function serve(port: number): Promise<{ server: ParleyServer; port: number; stop: () => Promise<void> }> {
  const store = await EventStore.open(file);
  const server = await buildServer({ store });
  await server.app.listen({ port, host: '127.0.0.1' });
  const address = server.app.server.address();
  const stop = async () => {
    await server.close();
    await store.close();
  };
  return { server, port: typeof address === 'object' && address ? address.port : 0, stop };
}

async function call(port: number, method: string, path: string, token: string, body?: unknown) {
  const r = await fetch(`http://127.0.0.1:${port}${path}`, {
    method,
    headers: { authorization: `Bearer ${token}`, ...(body ? { 'content-type': 'application/json' } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  });
  return { status: r.status, body: r.status === 204 ? null : await r.json() };
}

/** The messages of each connection the party took, split at every Settings. */
function connections(received: any[]): any[][] {
  const out: any[][] = [];
  for (const m of received) m.Settings ? out.push([m]) : out.at(-1)!.push(m);
  return out;
}

describe('a GeniusWeb party seat across a server restart', () => {
  it('is seated again: a new Settings, the actions so far, and its turn, without ending the talks', async () => {
    const party = await startScriptedParty(() => null);
    cleanups.push(party.close);
    const first = await serve(0);
    const admin = first.server.adminToken!;
    const created = await call(first.port, 'POST', '/sessions', admin, {
      scenario: 'geniusweb/Party',
      rounds: 20,
      bots: { party1: { strategy: 'boulware', params: { mode: 'genius' } } },
    });
    const id = created.body.id as string;
    const convenor = created.body.seats.find((s: any) => s.role === 'convenor').token as string;
    const body = { geniuswebParty: party.url, turnSeconds: 600 };
    expect((await call(first.port, 'PUT', `/sessions/${id}/seats/party2/bot`, convenor, body)).status).toBe(204);
    await until(() => party.received.some((m) => m.YourTurn));
    await first.stop();

    const second = await serve(first.port);
    cleanups.push(second.stop);
    await until(() => connections(party.received).length === 2 && party.received.at(-1).YourTurn !== undefined);
    const [before, after] = connections(party.received);
    expect(after!.map((m) => Object.keys(m)[0])).toEqual(['Settings', 'ActionDone', 'YourTurn']);
    expect(after![1]).toEqual(before![1]);
    const [oldUrl, newUrl] = [before![0].Settings.profile, after![0].Settings.profile];
    expect(newUrl).not.toBe(oldUrl);
    expect(newUrl.startsWith(`ws://127.0.0.1:${first.port}/geniusweb/profiles/${id}/`)).toBe(true);
    expect(await readProfile(oldUrl)).toEqual({ code: 4404 });
    expect(Object.keys((await readProfile(newUrl)).profile)).toEqual(['LinearAdditiveUtilitySpace']);
    const view = await call(second.port, 'GET', `/sessions/${id}/view`, convenor);
    expect(view.body.over).toBe(false);
    expect(view.body.events.map((e: any) => e.kind)).toEqual(['started', 'offer']);
  });
});
