import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GeniusWebPartySeat } from '../../src/geniusweb/party-seat.js';
import { Harness } from '../server/support/harness.js';
import { openSession, seatParty, startScriptedParty } from './support.js';

let h: Harness;
const cleanups: (() => unknown)[] = [];
beforeAll(async () => {
  h = await Harness.start();
});
afterAll(async () => {
  for (const c of cleanups.reverse()) await c();
  await h?.stop();
});

describe('a GeniusWeb seat answered over two connections at once', () => {
  it('takes each turn once: the answer committed first, the other given the same answer', async () => {
    const { id, tokens } = await openSession(h, { party1: { strategy: 'boulware', params: { mode: 'genius' } } });
    const issues = (await h.call('GET', `/sessions/${id}`, tokens.party2)).body.domain.issues as any[];
    const bid = (k: number) => Object.fromEntries(issues.map((i) => [i.name, i.values[k]]));
    const offer = (k: number) => (s: any) => JSON.stringify({ Offer: { actor: s.id, bid: { issuevalues: bid(k) } } });
    const [a, b] = [await startScriptedParty(offer(0)), await startScriptedParty(offer(1))];
    cleanups.push(a.close, b.close);
    expect((await seatParty(h, id, tokens.convenor!, 'party2', { geniuswebParty: a.url })).status).toBe(204);
    // A second connection to the same seat, as another instance on the same database makes.
    const live = await h.server.host.live(id);
    const second = new GeniusWebPartySeat(live, 'party2', { geniuswebParty: b.url, profileServer: 'ws://x' }, (e) => {
      throw e;
    });
    cleanups.push(
      live.subscribe(() => second.poke()),
      () => second.close(),
    );
    second.start();
    await h.untilOver(id, tokens.convenor!);
    const events = await h.logEvents(id, tokens.convenor!);
    expect(events.filter((e) => e.kind === 'invalid-action' || e.kind === 'walk-away')).toEqual([]);
    const party2 = events.filter((e) => e.kind === 'offer' && e.actor === 'party2');
    expect(party2.length).toBeGreaterThan(1);
    const turns = b.received.filter((m) => m.YourTurn).length;
    expect(turns).toBeGreaterThan(1);
    expect(a.received.filter((m) => m.YourTurn).length).toBe(turns);
    expect(party2.length).toBe(turns);
  });
});
