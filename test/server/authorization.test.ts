import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EVENT_KINDS, type ProtocolEvent } from '../../src/protocols/events.js';
import { canSee, type Viewer } from '../../src/protocols/visibility.js';
import { parseEventLog } from '../../src/session/event-log.js';
import { replay } from '../../src/session/replay.js';
import { seatOf } from '../../src/session/views.js';
import { Harness } from './support/harness.js';
import {
  ID,
  KEPT_MARK,
  KEPT_WALK_AWAY,
  playClosedShuttle,
  playScriptedShuttle,
  relaxedCairo,
  SHARED_MARK,
  SHARED_WALK_AWAY,
} from './support/sessions.js';

interface Opened {
  readonly name: string;
  readonly id: string;
  readonly tokens: Record<string, string>;
  readonly kinds: Record<string, string>;
  events: ProtocolEvent[];
  logText: string;
}

let h: Harness;
const sessions: Opened[] = [];
const FAST = 3600 * 200;

async function open(name: string, request: Record<string, unknown>): Promise<Opened> {
  const s = await h.open(request);
  const opened = { name, ...s, events: [], logText: '' };
  sessions.push(opened);
  return opened;
}

/** The viewer a seat is, as the test computes it: the convenor audits; other seats are their roles. */
function viewerOf(o: Opened, role: string): Viewer {
  if (role === 'convenor') return { kind: 'auditor' };
  const header = JSON.parse(o.logText.split('\n')[0]!);
  return seatOf(header.setup, role).viewer;
}

const seqs = (events: readonly ProtocolEvent[]) => events.map((e) => e.seq);

beforeAll(async () => {
  h = await Harness.start();
  const cairo = relaxedCairo();
  // A: bots play the relaxed Cairo talks to an agreement and its ratification.
  const agreed = await open('shuttle, bots', {
    files: [cairo],
    protocol: 'shuttle',
    agents: [{ strategy: 'conceder' }, { strategy: 'conceder' }],
    bots: 'all',
    timeScale: FAST,
  });
  // B: people play a shuttle session seat by seat (settle, missed return, refusal, walk-away).
  const scripted = await open('shuttle, people', { files: [cairo], protocol: 'shuttle', timeScale: 3600 });
  const text = await open('single-text, bots', {
    scenario: 'cairo-2024',
    protocol: 'single-text',
    bots: 'all',
    timeScale: FAST,
  });
  const saop = await open('saop, bots', { files: [cairo], protocol: 'saop', bots: 'all', timeScale: FAST });
  // C: people accept a package, one decision body ratifies, and the convenor closes the talks.
  const closed = await open('shuttle, closed', { files: [cairo], protocol: 'shuttle', timeScale: 3600 });
  await playScriptedShuttle(h, scripted.id, scripted.tokens);
  await playClosedShuttle(h, closed.id, closed.tokens);
  for (const o of [agreed, scripted, text, saop, closed]) {
    await h.untilOver(o.id, o.tokens.convenor!);
    o.logText = (await h.call('GET', `/sessions/${o.id}/log`, o.tokens.convenor)).text;
    o.events = parseEventLog(o.logText).events as ProtocolEvent[];
  }
}, 120_000);

afterAll(() => h?.stop());

describe('the authorization matrix: every seat × every endpoint × every event kind', () => {
  it('plays sessions that together produce every event kind the protocols define', () => {
    const all = sessions.flatMap((o) => o.events);
    const seen = new Set(all.map((e) => e.kind));
    expect([...EVENT_KINDS].filter((k) => !seen.has(k))).toEqual([]);
    expect(sessions[0]!.events.some((e) => e.kind === 'agreement')).toBe(true);
    expect(sessions[0]!.events.some((e) => e.kind === 'ratified')).toBe(true);
    // The variants within kinds: answers by issue, both labels, preferences shared and kept.
    expect(all.some((e) => e.kind === 'package-response' && e.byIssue !== undefined)).toBe(true);
    for (const kind of ['relayed', 'statement', 'caucus'] as const)
      expect(new Set(all.filter((e) => e.kind === kind).map((e) => (e as { binding: boolean }).binding))).toEqual(
        new Set([true, false]),
      );
    const preferences = all.filter((e) => e.kind === 'preferences-shared');
    expect(new Set(preferences.map((e) => e.to))).toEqual(new Set(['mediators', 'self']));
  });

  it("stores logs that replay to the same events (the convenor's download is complete)", () => {
    for (const o of sessions) {
      const log = parseEventLog(o.logText);
      expect(JSON.parse(JSON.stringify(replay(log).events))).toEqual(log.events);
    }
  });

  it('gives every seat exactly the events its audience allows, over GET /events, the view and the stream', async () => {
    for (const o of sessions) {
      for (const role of Object.keys(o.tokens)) {
        const viewer = viewerOf(o, role);
        const expected = seqs(o.events.filter((e) => canSee(e.audience, viewer)));
        const token = o.tokens[role]!;
        const events = await h.call('GET', `/sessions/${o.id}/events`, token);
        expect(seqs(events.body.events), `${o.name}: ${role} GET /events`).toEqual(expected);
        const view = await h.call('GET', `/sessions/${o.id}/view`, token);
        expect(seqs(view.body.events), `${o.name}: ${role} view`).toEqual(expected);
        const streamed = await h.stream(o.id, token, -1, () => true);
        expect(seqs(streamed.events), `${o.name}: ${role} stream`).toEqual(expected);
        const middle = expected[Math.floor(expected.length / 2)] ?? -1;
        const resumed = await h.call('GET', `/sessions/${o.id}/events?after=${middle}`, token);
        expect(seqs(resumed.body.events)).toEqual(expected.filter((s) => s > middle));
        const resumedStream = await h.stream(o.id, token, middle, () => true);
        expect(seqs(resumedStream.events)).toEqual(expected.filter((s) => s > middle));
      }
    }
  });

  it('checks each event kind for each seat kind: seen exactly where canSee allows', async () => {
    for (const o of sessions) {
      for (const role of Object.keys(o.tokens)) {
        const viewer = viewerOf(o, role);
        const got = new Set(seqs((await h.call('GET', `/sessions/${o.id}/events`, o.tokens[role])).body.events));
        for (const kind of EVENT_KINDS)
          for (const e of o.events.filter((x) => x.kind === kind))
            expect(got.has(e.seq), `${o.name}: ${role} (${viewer.kind}) × ${kind} #${e.seq}`).toBe(
              canSee(e.audience, viewer),
            );
      }
    }
  });

  it("never shows a seat the timeline ahead, another party's preferences or walk-away values", async () => {
    for (const o of sessions) {
      const parties = JSON.parse(o.logText.split('\n')[0]!).setup.parties as string[];
      for (const role of Object.keys(o.tokens)) {
        const info = await h.call('GET', `/sessions/${o.id}`, o.tokens[role]);
        const view = await h.call('GET', `/sessions/${o.id}/view`, o.tokens[role]);
        expect('timeline' in info.body, `${role} info`).toBe(role === 'convenor');
        const self = view.body.self;
        const party = view.body.party;
        if (self) expect(self.name).toBe(party);
        // A profile carries a "reservation": value; only the seat's own party's may appear, and
        // those a delegation told this seat (shared with the mediators, or kept for itself).
        const told = o.events.filter((e) => e.kind === 'preferences-shared' && canSee(e.audience, viewerOf(o, role)));
        const reservations =
          (view.text.match(/"reservation":/g) ?? []).length + (info.text.match(/"reservation":/g) ?? []).length;
        // The convenor runs the session and is shown the timeline; every other seat only its own party.
        if (role !== 'convenor') expect(reservations, `${o.name}: ${role}`).toBe((self ? 1 : 0) + told.length);
        const toldParties = told.map((e) => (e.kind === 'preferences-shared' ? e.party : ''));
        for (const other of parties.filter((p) => p !== party && !toldParties.includes(p)))
          expect(view.text.includes(`"name":"${other}","`) && view.text.includes('"preferences"')).toBe(false);
        for (const e of view.body.expected) expect(role === 'convenor' || e.role === role).toBe(true);
      }
    }
  });

  it("answers each seat's analysis to that seat (and the convenor) only, from what the seat may see", async () => {
    for (const o of sessions) {
      const header = JSON.parse(o.logText.split('\n')[0]!);
      const roles = Object.keys(o.tokens);
      for (const role of roles) {
        const viewer = viewerOf(o, role);
        for (const asked of roles) {
          const r = await h.call(
            'GET',
            `/sessions/${o.id}/seats/${encodeURIComponent(asked)}/analysis`,
            o.tokens[role],
          );
          expect(r.status, `${o.name}: ${role} reads ${asked}'s analysis`).toBe(
            asked === role || role === 'convenor' ? 200 : 403,
          );
        }
        const own = (
          await h.call('GET', `/sessions/${o.id}/seats/${encodeURIComponent(role)}/analysis`, o.tokens[role])
        ).body;
        const visible = o.events.filter((e) => canSee(e.audience, viewer));
        // The texts it analyses are those of the events it may see, no more.
        expect(
          own.texts.map((t: { seq: number }) => t.seq),
          `${o.name}: ${role} texts`,
        ).toEqual(
          visible
            .filter((e) => ['offer', 'text-tabled', 'package-tabled', 'package-revised'].includes(e.kind))
            .map((e) => e.seq),
        );
        const seat = role === 'convenor' ? null : seatOf(header.setup, role);
        if (seat?.kind === 'mediator') {
          const shared = new Map(
            visible.flatMap((e) => (e.kind === 'preferences-shared' ? [[e.party, e.preferences] as const] : [])),
          );
          for (const p of own.parties) {
            expect(p.source).toBe(shared.has(p.party) ? 'shared' : 'learned');
            if (shared.has(p.party)) expect(p.walkAway).toBe(shared.get(p.party)!.reservation);
          }
        } else if (seat?.party !== undefined) expect(own.own.party).toBe(seat.party);
        else expect(own.own ?? own.parties).toBeUndefined();
        const suggest = await h.call(
          'POST',
          `/sessions/${o.id}/seats/${encodeURIComponent(role)}/suggest`,
          o.tokens[role],
          {
            strategy: 'nash',
          },
        );
        expect(suggest.status, `${o.name}: ${role} suggest`).toBe(seat?.kind === 'mediator' ? 200 : 403);
      }
    }
  });

  it('never lets preferences reach a seat outside their audience, in any answer', async () => {
    const o = sessions.find((x) => x.name === 'shuttle, people')!;
    const header = JSON.parse(o.logText.split('\n')[0]!);
    for (const role of Object.keys(o.tokens)) {
      const seat = role === 'convenor' ? null : seatOf(header.setup, role);
      const path = (p: string) => `/sessions/${o.id}${p}`;
      const answers = [
        await h.call('GET', path('/view'), o.tokens[role]),
        await h.call('GET', path('/events'), o.tokens[role]),
        await h.call('GET', path(''), o.tokens[role]),
        await h.call('GET', path('/result'), o.tokens[role]),
        await h.call('GET', path(`/seats/${encodeURIComponent(role)}/analysis`), o.tokens[role]),
      ].map((r) => r.text);
      const streamed = JSON.stringify((await h.stream(o.id, o.tokens[role]!, -1, () => true)).messages);
      const texts = [...answers, streamed];
      // Every answer of a seat outside the audience is free of the profile and its walk-away
      // value; the seats inside it get them (the analysis holds the walk-away value as used).
      const kept = role === 'convenor' || role === ID;
      const shared = role === 'convenor' || seat?.kind === 'mediator';
      for (const [mark, allowed] of [
        [KEPT_MARK, kept],
        [String(KEPT_WALK_AWAY), kept],
        [SHARED_MARK, shared],
        [String(SHARED_WALK_AWAY), shared],
      ] as const)
        expect(
          texts.some((t) => t.includes(mark)),
          `${role}: ${mark}`,
        ).toBe(allowed);
      if (role === ID) expect(JSON.parse(answers[4]!).own.walkAway).toBe(KEPT_WALK_AWAY);
      if (seat?.kind === 'mediator')
        expect(JSON.parse(answers[4]!).parties.find((p: { party: string }) => p.party === 'Hamas').walkAway).toBe(
          SHARED_WALK_AWAY,
        );
    }
  });

  it("gives a party's seats only their own utility, the full result to the convenor until released", async () => {
    for (const o of sessions) {
      const header = JSON.parse(o.logText.split('\n')[0]!);
      for (const role of Object.keys(o.tokens)) {
        const r = await h.call('GET', `/sessions/${o.id}/result`, o.tokens[role]);
        expect(r.status).toBe(200);
        const party = role === 'convenor' ? undefined : seatOf(header.setup, role).party;
        if (role === 'convenor') {
          expect(r.body.full).toBe(true);
          expect(r.body.result.utilities).toHaveLength(2);
        } else {
          expect(r.body.full).toBe(false);
          expect(r.body.result.utilities).toBeUndefined();
          expect(r.body.result.own?.party).toBe(party);
        }
        for (const file of ['agreement.md', 'offers.svg', 'concession.svg']) {
          const report = await h.call('GET', `/sessions/${o.id}/reports/${file}`, o.tokens[role]);
          expect(report.status, `${role} ${file}`).toBe(role === 'convenor' ? 200 : 403);
        }
        const log = await h.call('GET', `/sessions/${o.id}/log`, o.tokens[role]);
        expect(log.status).toBe(role === 'convenor' ? 200 : 403);
      }
    }
    const o = sessions[0]!;
    const other = Object.keys(o.tokens).find((r) => r !== 'convenor')!;
    expect((await h.call('POST', `/sessions/${o.id}/release`, o.tokens[other])).status).toBe(403);
    expect((await h.call('POST', `/sessions/${o.id}/release`, o.tokens.convenor)).status).toBe(204);
    const released = await h.call('GET', `/sessions/${o.id}/result`, o.tokens[other]);
    expect(released.body.full).toBe(true);
    expect((await h.call('GET', `/sessions/${o.id}/reports/agreement.md`, o.tokens[other])).text).toMatch(
      /^# Agreement/,
    );
  });
});
