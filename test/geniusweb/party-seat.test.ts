import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Harness } from '../server/support/harness.js';
import { startParty, type PartyServer } from './party/time-dependent-party.js';
import { openSession, parleyRun, ROUNDS, seatParty } from './support.js';

let h: Harness;
let party: PartyServer;
beforeAll(async () => {
  h = await Harness.start();
  party = await startParty();
});
afterAll(async () => {
  await party?.close();
  await h?.stop();
});

const genius = (strategy: string) => ({ strategy, params: { mode: 'genius' } });
/** GENIUS's concession exponents, given to the GeniusWeb party as its `e` parameter. */
const E: Record<string, number> = { boulware: 0.2, linear: 1, conceder: 2 };

async function playAgainstBot(partyRole: 'party1' | 'party2', partyTactic: string, botTactic: string) {
  const botRole = partyRole === 'party1' ? 'party2' : 'party1';
  const { id, tokens } = await openSession(h, { [botRole]: genius(botTactic) });
  const seated = await seatParty(h, id, tokens.convenor!, partyRole, {
    geniuswebParty: party.url,
    parameters: { e: E[partyTactic]! },
  });
  expect(seated.status, seated.text).toBe(204);
  await h.untilOver(id, tokens.convenor!);
  // A party's seat reads how the talks ended: agreement, outcome, round.
  const result = (await h.call('GET', `/sessions/${id}/result`, tokens[botRole])).body.result;
  const negotiation = party.negotiations[party.negotiations.length - 1]!;
  await negotiation.finished;
  return { id, tokens, result, negotiation };
}

describe('a SAOP seat played by a GeniusWeb party', () => {
  for (const [partyRole, partyTactic, botTactic] of [
    ['party1', 'conceder', 'boulware'],
    ['party2', 'linear', 'conceder'],
    ['party1', 'boulware', 'linear'],
  ] as const) {
    it(`reaches the agreement two parley agents reach, in the same round (${partyTactic} party as ${partyRole} against a ${botTactic} bot)`, async () => {
      const { result } = await playAgainstBot(partyRole, partyTactic, botTactic);
      const tactics = partyRole === 'party1' ? [partyTactic, botTactic] : [botTactic, partyTactic];
      const expected = parleyRun(tactics.map(genius));
      expect(expected.agreement).toBe(true);
      expect({ agreement: result.agreement, outcome: result.outcome, rounds: result.rounds }).toEqual(expected);
    });
  }

  it("speaks GeniusWeb's messages: Settings, ActionDone of every action, YourTurn, Finished", async () => {
    const { result, negotiation, id } = await playAgainstBot('party2', 'conceder', 'boulware');
    const [first, ...rest] = negotiation.received as any[];
    expect(Object.keys(first)).toEqual(['Settings']);
    const settings = first.Settings;
    expect(settings).toMatchObject({ id: 'party2', protocol: 'SAOP', parameters: { e: 2 } });
    expect(settings.profile).toMatch(
      new RegExp(`^ws://127\\.0\\.0\\.1:${h.port}/geniusweb/profiles/${id}/[A-Za-z0-9_-]{43}$`),
    );
    expect(settings.progress.ProgressRounds).toMatchObject({ duration: ROUNDS, currentRound: 0 });
    expect(settings.progress.ProgressRounds.endtime).toBeGreaterThan(Date.now());
    for (const m of rest) expect(Object.keys(m)).toHaveLength(1);
    const done = rest.filter((m) => m.ActionDone).map((m) => m.ActionDone.action);
    const actors = (kind: string) => done.filter((a) => a[kind]).map((a) => a[kind].actor);
    expect(actors('Offer')).toContain('party1');
    expect(actors('Offer')).toContain('party2');
    const offers = done.filter((a) => a.Offer);
    for (const o of offers) expect(Object.keys(o.Offer.bid)).toEqual(['issuevalues']);
    const accepts = done.filter((a) => a.Accept);
    expect(accepts).toHaveLength(1);
    expect(accepts[0].Accept.bid.issuevalues).toEqual(result.outcome);
    expect(rest.filter((m) => m.YourTurn).length).toBe(
      actors('Offer').filter((a) => a === 'party2').length + actors('Accept').filter((a) => a === 'party2').length,
    );
    const last = rest[rest.length - 1];
    expect(last).toEqual({
      Finished: {
        agreements: { party1: { issuevalues: result.outcome }, party2: { issuevalues: result.outcome } },
      },
    });
  });
});
