import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { geniusWebFiles } from '../../src/formats/geniusweb/index.js';
import { loadInput } from '../../src/formats/input.js';
import { Harness } from '../server/support/harness.js';
import { openSession, readProfile, SCENARIO, seatParty, startScriptedParty, until } from './support.js';

let h: Harness;
let party: Awaited<ReturnType<typeof startScriptedParty>>;
beforeAll(async () => {
  h = await Harness.start();
  party = await startScriptedParty(() => null);
});
afterAll(async () => {
  await party?.close();
  await h?.stop();
});

/** The profile files parley writes for the scenario, by party. */
function writtenProfiles(): Record<string, unknown> {
  const files = geniusWebFiles(loadInput([SCENARIO]));
  return Object.fromEntries(
    ['party1', 'party2'].map((p) => [p, JSON.parse(files.find((f) => f.name === `${p}.json`)!.text)]),
  );
}

/** Seats the silent party on party2 of a new session; answers the profile address it was given. */
async function seated() {
  const { id, tokens } = await openSession(h, { party1: { strategy: 'boulware', params: { mode: 'genius' } } });
  const before = party.received.length;
  const r = await seatParty(h, id, tokens.convenor!, 'party2', { geniuswebParty: party.url, turnSeconds: 600 });
  expect(r.status, r.text).toBe(204);
  await until(() => party.received.slice(before).some((m) => m.Settings));
  const settings = party.received.slice(before).find((m) => m.Settings).Settings;
  return { id, tokens, url: settings.profile as string };
}

describe("the profile socket of a GeniusWeb party's seat", () => {
  it("gives that seat's profile in GeniusWeb JSON, as parley writes it", async () => {
    const { url } = await seated();
    const profiles = writtenProfiles();
    const { profile } = await readProfile(url);
    expect(profile).toEqual(profiles.party2);
    expect(profile).not.toEqual(profiles.party1);
    expect(Object.keys(profile)).toEqual(['LinearAdditiveUtilitySpace']);
  });

  it('opens nothing with a guessed secret, another session, or a seat token', async () => {
    const a = await seated();
    const b = await seated();
    const path = (url: string) => new URL(url).pathname.split('/');
    const [, , , idA, secretA] = path(a.url);
    const [, , , idB] = path(b.url);
    const base = `ws://127.0.0.1:${h.port}/geniusweb/profiles`;
    expect(await readProfile(`${base}/${idA}/${'A'.repeat(43)}`)).toEqual({ code: 4404 });
    expect(await readProfile(`${base}/${idB}/${secretA}`)).toEqual({ code: 4404 });
    expect(await readProfile(`${base}/no-such-session/${secretA}`)).toEqual({ code: 4404 });
    expect(await readProfile(`${base}/${idA}/${a.tokens.party2}`)).toEqual({ code: 4404 });
    expect(await readProfile(`${base}/${idA}/${a.tokens.party1}`)).toEqual({ code: 4404 });
    expect((await readProfile(a.url)).profile).toBeDefined();
  });

  it('closes when the convenor takes the seat back', async () => {
    const { id, tokens, url } = await seated();
    const r = await h.call('DELETE', `/sessions/${id}/seats/party2/bot`, tokens.convenor);
    expect(r.status).toBe(204);
    expect(await readProfile(url)).toEqual({ code: 4404 });
  });
});
