import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { brokenLink } from '../../src/store/chain.js';
import { Harness } from '../server/support/harness.js';
import { deadAddress, openSession, seatParty, startScriptedParty, until } from './support.js';

let h: Harness;
const closers: (() => Promise<void>)[] = [];
beforeAll(async () => {
  h = await Harness.start();
});
afterAll(async () => {
  for (const close of closers) await close();
  await h?.stop();
});

const BOT = { strategy: 'conceder', params: { mode: 'genius' } };

/**
 * A session where party2 is a GeniusWeb party at `url` and party1 a bot (which moves
 * first); answers once the talks are over, with the log's events and what each party's
 * seat reads.
 */
async function sessionWith(url: string, extra: Record<string, unknown> = {}) {
  const { id, tokens } = await openSession(h, { party1: BOT });
  const seated = await seatParty(h, id, tokens.convenor!, 'party2', { geniuswebParty: url, ...extra });
  expect(seated.status, seated.text).toBe(204);
  await h.untilOver(id, tokens.convenor!, 20_000);
  const events = await h.logEvents(id, tokens.convenor!);
  const seen = async (role: string) =>
    (await h.call('GET', `/sessions/${id}/events?after=-1`, tokens[role])).body.events as any[];
  expect(brokenLink(await h.store.lines(id))).toBe(-1);
  expect((await h.call('GET', '/health')).status).toBe(200);
  return { id, events, seen };
}

function walkAway(events: any[]) {
  const ends = events.filter((e) => e.kind === 'walk-away');
  expect(ends).toHaveLength(1);
  expect(ends[0]).toMatchObject({ actor: 'party2', audience: { kind: 'all' } });
  return ends[0].reason as string;
}

async function scripted(answer: (settings: any) => string | null, onSettings?: (settings: any) => string | null) {
  const party = await startScriptedParty(answer, onSettings);
  closers.push(party.close);
  return party;
}

describe('a GeniusWeb party that fails', () => {
  it('ends the talks for its seat when it cannot be reached', async () => {
    const url = await deadAddress();
    const { events } = await sessionWith(url);
    expect(walkAway(events)).toMatch(
      /^GeniusWeb party: could not talk to the GeniusWeb party at ws:\/\/127\.0\.0\.1:\d+\/party: .*ECONNREFUSED/,
    );
  });

  it('ends the talks for its seat when it sends garbage, naming what it sent', async () => {
    const party = await scripted(() => 'this is not JSON');
    expect(walkAway((await sessionWith(party.url)).events)).toContain('sent not JSON: this is not JSON');
    const voter = await scripted((s) => JSON.stringify({ Votes: { actor: s.id, votes: [] } }));
    expect(walkAway((await sessionWith(voter.url)).events)).toContain('sent a "Votes" message that is no SAOP action');
  });

  it('has an illegal action refused by the protocol, seen only by its side, and then ends the talks', async () => {
    const party = await scripted((s) =>
      JSON.stringify({ Offer: { actor: s.id, bid: { issuevalues: { Food: 'Pizza' } } } }),
    );
    const { events, seen } = await sessionWith(party.url);
    const refused = events.filter((e) => e.kind === 'invalid-action');
    expect(refused).toHaveLength(1);
    expect(refused[0]).toMatchObject({
      actor: 'party2',
      action: 'offer',
      audience: { kind: 'party', party: 'party2' },
    });
    expect(walkAway(events)).toContain("the GeniusWeb party's Offer was refused: ");
    expect((await seen('party2')).some((e) => e.kind === 'invalid-action')).toBe(true);
    expect((await seen('party1')).some((e) => e.kind === 'invalid-action')).toBe(false);
  });

  it('refuses an Accept of a bid that is not the standing offer', async () => {
    const party = await scripted((s) =>
      JSON.stringify({ Accept: { actor: s.id, bid: { issuevalues: { Food: 'Finger-Food' } } } }),
    );
    const { events } = await sessionWith(party.url);
    expect(events.find((e) => e.kind === 'invalid-action')).toMatchObject({ actor: 'party2', action: 'accept' });
    expect(events.some((e) => e.kind === 'agreement')).toBe(false);
    expect(walkAway(events)).toContain('Accept was refused: unknown proposal');
  });

  it("refuses a party acting under the other party's id", async () => {
    const party = await scripted(() => JSON.stringify({ EndNegotiation: { actor: 'party1' } }));
    const { events } = await sessionWith(party.url);
    expect(events.find((e) => e.kind === 'invalid-action')).toMatchObject({
      actor: 'party2',
      reason: 'party2 may act only as itself, not as party1',
    });
    expect(walkAway(events)).toContain('EndNegotiation was refused');
  });

  it('has an action out of turn refused, and ends the talks when its turn comes', async () => {
    const offer = (s: any) => JSON.stringify({ Offer: { actor: s.id, bid: { issuevalues: { Food: 'Finger-Food' } } } });
    const party = await scripted(() => null, offer);
    const { id, tokens } = await openSession(h, {});
    expect((await seatParty(h, id, tokens.convenor!, 'party2', { geniuswebParty: party.url })).status).toBe(204);
    await until(() => party.received.length > 0);
    const issues = (await h.call('GET', `/sessions/${id}`, tokens.party1)).body.domain.issues as any[];
    const outcome = Object.fromEntries(issues.map((i) => [i.name, i.values[0]]));
    const mine = async () => (await h.call('GET', `/sessions/${id}/events?after=-1`, tokens.party2)).body.events;
    let seen: any[] = [];
    for (let i = 0; i < 500 && seen.length < 2; i++) {
      seen = await mine();
      await new Promise((r) => setTimeout(r, 20));
    }
    expect(seen.map((e: any) => e.kind)).toEqual(['started', 'invalid-action']);
    expect(seen[1].reason).toBe("it is party1's turn, not party2's");
    const acted = await h.call('POST', `/sessions/${id}/actions`, tokens.party1, {
      actionId: 'p1-1',
      action: { kind: 'offer', outcome },
    });
    expect(acted.body.accepted).toBe(true);
    await h.untilOver(id, tokens.convenor!);
    const events = await h.logEvents(id, tokens.convenor!);
    expect(events.map((e) => e.kind)).toEqual(['started', 'invalid-action', 'offer', 'walk-away']);
    expect(walkAway(events)).toContain("the GeniusWeb party's Offer was refused: it is party1's turn");
  });

  it('ends the talks for its seat when it stays silent past its turn', async () => {
    const party = await scripted(() => null);
    const { events } = await sessionWith(party.url, { turnSeconds: 0.3 });
    expect(walkAway(events)).toBe('GeniusWeb party: the GeniusWeb party did not act within 0.3 s of YourTurn');
    expect(party.received.map((m) => Object.keys(m)[0])).toEqual(['Settings', 'ActionDone', 'YourTurn']);
  });

  it('is told the time deadline as ProgressTime, and the clock ends talks it sits out silently', async () => {
    const party = await scripted(() => null);
    const timeScale = 3600 * 4;
    const { id, tokens } = await h.open({ scenario: 'geniusweb/Party', time: 1, timeScale, bots: { party2: BOT } });
    const seated = await seatParty(h, id, tokens.convenor!, 'party1', { geniuswebParty: party.url });
    expect(seated.status, seated.text).toBe(204);
    await h.untilOver(id, tokens.convenor!, 20_000);
    const events = await h.logEvents(id, tokens.convenor!);
    expect(events.at(-1)).toMatchObject({ kind: 'deadline' });
    expect(events.some((e) => e.kind === 'walk-away')).toBe(false);
    const progress = party.received[0].Settings.progress;
    expect(progress).toEqual({ ProgressTime: { duration: 250, start: expect.any(Number) } });
    expect(progress.ProgressTime.start).toBeLessThanOrEqual(Date.now());
    await until(() => party.received.some((m) => m.Finished));
    expect(party.received.at(-1)).toEqual({ Finished: { agreements: {} } });
  });

  it('is seated only in SAOP sessions, on a party whose profile GeniusWeb can state', async () => {
    const party = await scripted(() => null);
    const mediated = await h.open({ scenario: 'geniusweb/Party', protocol: 'single-text' });
    const r1 = await seatParty(h, mediated.id, mediated.tokens.convenor!, 'party1', { geniuswebParty: party.url });
    expect(r1.status).toBe(400);
    expect(r1.body.error.code).toBe('PARLEY_E_USAGE');
    expect(r1.body.error.message).toContain('only SAOP');
    const laptop = await h.open({ scenario: 'anac/2011/Laptop' });
    const role = Object.keys(laptop.kinds).find((r) => laptop.kinds[r] === 'delegation')!;
    const r2 = await seatParty(h, laptop.id, laptop.tokens.convenor!, role, { geniuswebParty: party.url });
    expect(r2.status).toBe(400);
    expect(r2.body.error.message).toContain('discount factor');
    const r3 = await seatParty(h, laptop.id, laptop.tokens.convenor!, role, { geniuswebParty: 'http://x/party' });
    expect(r3.status).toBe(400);
    expect(party.received).toEqual([]);
  });
});
