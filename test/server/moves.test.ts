import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import type { Party } from '../../src/core/party.js';
import { utilityFor } from '../../src/core/party.js';
import { Harness } from './support/harness.js';
import { E, HD, HL, IC, ID, Q, relaxedCairo } from './support/sessions.js';

let h: Harness;
beforeAll(async () => {
  h = await Harness.start();
});
afterAll(() => h?.stop());

/** Israel's profile changed everywhere a mediator could not have learnt it from: its weights and walk-away value. */
const otherIsrael = (p: Party): Party =>
  p.name !== 'Israel' || p.utility.kind !== 'additive'
    ? p
    : {
        ...p,
        reservation: 0.05,
        utility: {
          ...p.utility,
          weights: Object.fromEntries(Object.keys(p.utility.weights).map((k, i) => [k, i + 1])),
        },
      };

interface Played {
  readonly id: string;
  readonly tokens: Record<string, string>;
  readonly answers: Record<string, { status: number; body: any }>;
}

/**
 * A shuttle session of people playing every move the consoles need, in one script that does
 * not depend on the parties' profiles (so two scenarios that differ only there play alike).
 */
async function playMoves(scenario: { name: string; content: string }): Promise<Played> {
  const { id, tokens } = await h.open({ files: [scenario], protocol: 'shuttle', timeScale: 1 });
  const info = (await h.call('GET', `/sessions/${id}`, tokens[E])).body;
  const issues = info.domain.issues as { name: string; values: string[] }[];
  const text = Object.fromEntries(issues.map((i) => [i.name, i.values[0]]));
  const hamas = (await h.call('GET', `/sessions/${id}/view`, tokens[HD])).body.self as Party;
  const israel = (await h.call('GET', `/sessions/${id}/view`, tokens[ID])).body.self as Party;
  const answers: Played['answers'] = {};
  let n = 0;
  const act = async (name: string, role: string, action: Record<string, unknown>) => {
    const r = await h.call('POST', `/sessions/${id}/actions`, tokens[role], { actionId: `m${++n}`, action });
    answers[name] = { status: r.status, body: r.body };
  };
  await act('table', E, { kind: 'table', text, to: [], note: 'a first text' });
  const [first, second, ...rest] = issues;
  await act('respond', HD, {
    kind: 'respond',
    proposal: 'pkg-1',
    issues: {
      [first!.name]: { answer: 'counter', value: first!.values[1] },
      [second!.name]: { answer: 'reject' },
      ...Object.fromEntries(rest.map((i) => [i.name, { answer: 'accept' }])),
    },
  });
  await act('caucus', E, {
    kind: 'caucus',
    with: 'Hamas',
    message: 'Could you move on the first issue?',
    binding: false,
  });
  await act('caucus-back', HD, { kind: 'caucus', with: E, message: 'Only with guarantees.', binding: true });
  await act('note', E, { kind: 'note', text: 'Hamas may move on the first issue', about: 'pkg-1' });
  await act('mandate', IC, {
    kind: 'mandate',
    instructions: 'Accept nothing beyond the first values.',
    limits: { [first!.name]: [first!.values[0]] },
  });
  await act('share', HD, { kind: 'share-preferences', preferences: hamas });
  await act('share-bad', HD, { kind: 'share-preferences', preferences: { ...hamas, reservation: 2 } });
  await act('share-unknown-field', HD, { kind: 'share-preferences', preferences: { ...hamas, secret: 1 } });
  await act('keep', ID, { kind: 'share-preferences', to: 'self', preferences: { ...israel, reservation: 0.9 } });
  await act('relay', Q, { kind: 'relay', to: 'Israel', message: 'Hamas answered on two issues', binding: true });
  await act('statement', HL, { kind: 'statement', text: 'We stand by our terms.', binding: true });
  const now = (await h.call('GET', `/sessions/${id}/view`, tokens.convenor)).body.now as number;
  await act('adjourn-talks', E, { kind: 'adjourn-talks', until: now + 48, reason: 'consultations' });
  return { id, tokens, answers };
}

let played: Played;
let twin: Played;
beforeAll(async () => {
  played = await playMoves(relaxedCairo());
  twin = await playMoves(relaxedCairo(otherIsrael));
}, 60_000);

const eventsOf = async (p: Played, role: string) =>
  (await h.call('GET', `/sessions/${p.id}/events`, p.tokens[role])).body.events as any[];

describe('every protocol move over the API', () => {
  it('accepts each new move with its strict schema and records its event', async () => {
    for (const name of ['table', 'respond', 'caucus', 'caucus-back', 'note', 'mandate', 'share', 'keep', 'relay'])
      expect(played.answers[name]!.status, `${name}: ${JSON.stringify(played.answers[name]!.body)}`).toBe(200);
    expect(played.answers['adjourn-talks']!.status).toBe(200);
    const all = await eventsOf(played, 'convenor');
    const kinds = all.map((e) => e.kind);
    for (const kind of ['talks-adjourned', 'caucus', 'note', 'mandate', 'preferences-shared'])
      expect(kinds).toContain(kind);
    const response = all.find((e) => e.kind === 'package-response');
    expect(response.answer).toBe('amend');
    expect(Object.values(response.byIssue).map((a: any) => a.answer)).toContain('reject');
    expect(all.find((e) => e.kind === 'relayed').binding).toBe(true);
    expect(all.filter((e) => e.kind === 'caucus').map((e) => e.binding)).toEqual([false, true]);
  });

  it('refuses inconsistent shared preferences with the reasons, and unknown fields by schema; the log keeps the refusal only', async () => {
    const bad = played.answers['share-bad']!;
    expect(bad.status).toBe(409);
    expect(bad.body.error.code).toBe('PARLEY_E_INVALID_ACTION');
    expect(bad.body.error.message).toMatch(
      /shared preferences are not valid: reservation must be a number in \[0, 1\]/,
    );
    const unknown = played.answers['share-unknown-field']!;
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.code).toBe('PARLEY_E_SCHEMA');
    const hamasSide = await eventsOf(played, HD);
    expect(hamasSide.filter((e) => e.kind === 'invalid-action').map((e) => e.action)).toEqual(['share-preferences']);
    expect((await eventsOf(played, 'convenor')).filter((e) => e.kind === 'preferences-shared')).toHaveLength(2);
  });

  it('keeps preferences edited for the seat itself on that seat alone', async () => {
    const kept = (await eventsOf(played, ID)).find((e) => e.kind === 'preferences-shared');
    expect(kept).toMatchObject({ to: 'self', audience: { kind: 'seat', role: ID } });
    for (const role of [E, Q, 'United States', IC, HD, HL, 'observer'].filter((r) => played.tokens[r]))
      expect((await eventsOf(played, role)).some((e) => e.kind === 'preferences-shared' && e.to === 'self')).toBe(
        false,
      );
    const shared = (await eventsOf(played, E)).filter((e) => e.kind === 'preferences-shared');
    expect(shared.map((e) => e.party)).toEqual(['Hamas']);
  });

  it('takes the new moves over the WebSocket stream too, with the same schemas', async () => {
    const socket = new WebSocket(`ws://127.0.0.1:${h.port}/sessions/${played.id}/stream?after=1000000`, {
      headers: { authorization: `Bearer ${played.tokens[E]}` },
    });
    const replies: any[] = [];
    socket.on('message', (m) => replies.push(JSON.parse(String(m))));
    await new Promise((r) => socket.once('open', r));
    const send = (actionId: string, action: unknown) =>
      socket.send(JSON.stringify({ type: 'action', actionId, action }));
    send('ws-1', { kind: 'note', text: 'by socket', about: 'pkg-1' });
    send('ws-2', { kind: 'caucus', with: 'Israel', message: 'a word', binding: 'yes' });
    for (let i = 0; i < 200 && replies.filter((m) => m.type === 'ack' || m.type === 'error').length < 2; i++)
      await new Promise((r) => setTimeout(r, 10));
    socket.close();
    expect(replies.find((m) => m.type === 'ack')?.answer).toMatchObject({ actionId: 'ws-1', accepted: true });
    expect(replies.find((m) => m.type === 'error')?.error.code).toBe('PARLEY_E_SCHEMA');
  });

  it('documents every action kind in the OpenAPI description', async () => {
    const doc = (await h.call('GET', '/docs/json')).text;
    for (const kind of ['adjourn-talks', 'respond', 'caucus', 'note', 'mandate', 'share-preferences'])
      expect(doc).toContain(`"${kind}"`);
    expect(doc).toContain('/sessions/{id}/seats/{role}/analysis');
    expect(doc).toContain('/sessions/{id}/seats/{role}/suggest');
  });
});

const analysis = (p: Played, role: string, as = role) =>
  h.call('GET', `/sessions/${p.id}/seats/${encodeURIComponent(role)}/analysis`, p.tokens[as]);

describe("the analysis endpoint answers from the seat's own view", () => {
  it("gives a mediator the talks as it was shown them: shared preferences, else its model, never a party's true profile", async () => {
    const r = await analysis(played, E);
    expect(r.status, r.text).toBe(200);
    expect(r.body.kind).toBe('mediator');
    const hamas = r.body.parties.find((p: any) => p.party === 'Hamas');
    const israel = r.body.parties.find((p: any) => p.party === 'Israel');
    expect(hamas.source).toBe('shared');
    expect(israel.source).toBe('learned');
    expect(r.body.current.proposal).toBe('pkg-1');
    expect(r.body.estimated.frontier.length).toBeGreaterThan(0);
    expect(r.body.estimated.stickingPoints.length).toBeGreaterThan(0);
    // The twin session differs only in Israel's true profile, which Egypt was never shown.
    const other = await analysis(twin, E);
    expect({ ...other.body, session: '' }).toEqual({ ...r.body, session: '' });
  });

  it("gives a delegation its own texts' worth beside its walk-away value, by the preferences it kept if any", async () => {
    const hamas = await analysis(played, HD);
    expect(hamas.status).toBe(200);
    const self = (await h.call('GET', `/sessions/${played.id}/view`, played.tokens[HD])).body.self as Party;
    expect(hamas.body).toMatchObject({ kind: 'delegation', basis: 'own-profile', own: { party: 'Hamas' } });
    expect(hamas.body.own.walkAway).toBe(self.reservation);
    expect(hamas.body.own.current.value).toBeCloseTo(utilityFor(self, hamas.body.current.text));
    expect(hamas.body.own.history.map((t: any) => t.proposal)).toEqual(['pkg-1']);
    expect(hamas.text).not.toContain('"parties"');
    const israel = await analysis(played, ID);
    expect(israel.body.basis).toBe('kept-preferences');
    expect(israel.body.own.walkAway).toBe(0.9);
    expect(israel.body.own.current.aboveWalkAway).toBe(israel.body.own.current.value >= 0.9);
    const body = await analysis(played, IC);
    expect(body.body).toMatchObject({ kind: 'decision-body', basis: 'own-profile', own: { party: 'Israel' } });
  });

  it('gives other seats the texts of their view only, and no seat another seat’s analysis', async () => {
    const observer = Object.keys(played.tokens).find((r) => !['convenor', E, Q, ID, HD, IC, HL].includes(r))!;
    const r = await analysis(played, observer);
    expect(r.status).toBe(200);
    expect(r.body.basis).toBe('visible-record');
    expect(r.body.own).toBeUndefined();
    expect(r.body.parties).toBeUndefined();
    expect((await analysis(played, HD, ID)).status).toBe(403);
    expect((await analysis(played, E, HD)).status).toBe(403);
    expect((await analysis(played, HD, 'convenor')).status).toBe(200);
    expect((await analysis(played, 'nobody', 'convenor')).status).toBe(404);
  });

  it("suggests a mediator's next text from its own view, tables nothing, and only to mediators", async () => {
    const before = (await h.call('GET', `/sessions/${played.id}/log`, played.tokens.convenor)).text;
    const tabled = (await analysis(played, E)).body.current.text;
    for (const strategy of ['nash', 'bridging']) {
      const r = await h.call('POST', `/sessions/${played.id}/seats/${E}/suggest`, played.tokens[E], { strategy });
      expect(r.status, r.text).toBe(200);
      expect(Object.keys(r.body.text).sort()).toEqual(Object.keys(tabled).sort());
      const other = await h.call('POST', `/sessions/${twin.id}/seats/${E}/suggest`, twin.tokens[E], { strategy });
      expect(other.body).toEqual(r.body);
    }
    const party = await h.call(
      'POST',
      `/sessions/${played.id}/seats/${encodeURIComponent(HD)}/suggest`,
      played.tokens[HD],
      {
        strategy: 'nash',
      },
    );
    expect(party.status).toBe(403);
    const unknown = await h.call('POST', `/sessions/${played.id}/seats/${E}/suggest`, played.tokens[E], {
      strategy: 'x',
    });
    expect(unknown.status).toBe(400);
    expect((await h.call('GET', `/sessions/${played.id}/log`, played.tokens.convenor)).text).toBe(before);
  });
});
