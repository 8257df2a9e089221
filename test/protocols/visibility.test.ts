import { describe, expect, it } from 'vitest';
import { EVENT_KINDS, type EventKind, type ProtocolEvent } from '../../src/protocols/events.js';
import { saop } from '../../src/protocols/saop.js';
import { shuttle } from '../../src/protocols/shuttle/index.js';
import { singleText } from '../../src/protocols/single-text.js';
import type { Action, EventAudience } from '../../src/protocols/types.js';
import { filterEvents, visibleTo, type Viewer } from '../../src/protocols/visibility.js';
import { seatOf } from '../../src/protocols/seats.js';
import { counter, deal, hamas, pressure, rocketAttack, setup, CAIRO_SEATS } from '../session/support/fixtures.js';
import { drive } from './support/drive.js';

const I = 'Israel-delegation';
const H = 'Hamas-delegation';
const ROLES = CAIRO_SEATS;

/** Who may see each audience in the Cairo fixture, written out by hand (Qatar talks to Hamas only). */
const SIDE: Record<string, string[]> = { Israel: [I, 'War-cabinet'], Hamas: [H, 'Hamas-leadership'] };

function members(a: EventAudience): readonly string[] {
  switch (a.kind) {
    case 'all':
      return ROLES;
    case 'party':
      return a.party === 'Israel' ? [I, 'War-cabinet', 'Egypt'] : [H, 'Hamas-leadership', 'Egypt', 'Qatar'];
    case 'caucus':
      return [a.mediator, ...SIDE[a.party]!];
    case 'side':
      return SIDE[a.party]!;
    case 'seat':
      return [a.role];
    case 'mediators':
      return ['Egypt', 'Qatar'];
    case 'working-group':
      return ['Technical-team', 'Egypt', 'Qatar'];
    case 'decision-body':
      return [a.body];
  }
}

/** The audience kind each event kind must carry. */
const AUDIENCE_OF: Record<EventKind, EventAudience['kind'] | 'own'> = {
  started: 'all',
  'outside-event': 'own',
  'deadline-moved': 'all',
  statement: 'all',
  agreement: 'all',
  'walk-away': 'all',
  deadline: 'all',
  'invalid-action': 'own',
  offer: 'all',
  accept: 'all',
  'text-tabled': 'all',
  'text-response': 'mediators',
  'package-tabled': 'party',
  'package-response': 'mediators',
  relayed: 'party',
  'phase-referred': 'working-group',
  settled: 'working-group',
  'package-revised': 'party',
  adjourned: 'all',
  consultation: 'decision-body',
  returned: 'all',
  'return-missed': 'all',
  'ratification-requested': 'decision-body',
  ratified: 'party',
  'ratification-refused': 'party',
  'talks-adjourned': 'all',
  caucus: 'caucus',
  note: 'seat',
  mandate: 'side',
  'preferences-shared': 'mediators',
  held: 'all',
  closed: 'all',
};

function everyKindOfEvent(): ProtocolEvent[] {
  const timeline = [rocketAttack, pressure];
  const a = drive(saop, setup({ timeline }), [
    { kind: 'tick', now: 11 },
    { kind: 'offer', actor: I, outcome: deal },
    { kind: 'accept', actor: H, proposal: 'offer-1' },
  ]);
  const b = drive(singleText, setup(), [
    { kind: 'hold', actor: 'Egypt', reason: 'waiting for proposals' },
    { kind: 'table', actor: 'Egypt', text: deal, to: [] },
    { kind: 'reject', actor: I, proposal: 'text-1' },
    { kind: 'statement', actor: H, text: 'End the war' },
    { kind: 'note', actor: 'Egypt', text: 'Israel will not move on withdrawal' },
    { kind: 'caucus', actor: 'Egypt', with: 'Israel', message: 'Can you live with a pause?' },
    { kind: 'share-preferences', actor: H, preferences: hamas },
    { kind: 'end', actor: H },
  ]);
  const c = drive(shuttle, setup({ deadline: { time: 50 } }), [
    { kind: 'table', actor: 'Egypt', text: deal, to: [] },
    { kind: 'settle', actor: 'Technical-team', proposal: 'pkg-1', details: { captives: 30 } },
    { kind: 'amend', actor: H, proposal: 'pkg-1', amendments: { ceasefire: 'permanent' } },
    { kind: 'relay', actor: 'Qatar', to: 'Hamas', message: 'They will not end the war' },
    { kind: 'accept', actor: I, proposal: 'pkg-1' },
    { kind: 'refuse-ratification', actor: 'War-cabinet', proposal: 'pkg-1' },
    { kind: 'table', actor: 'Egypt', text: counter, to: [] },
    { kind: 'accept', actor: H, proposal: 'pkg-2' },
    { kind: 'ratify', actor: 'Hamas-leadership', proposal: 'pkg-2' },
    { kind: 'adjourn', actor: I, until: 10 },
    { kind: 'tick', now: 11 },
    { kind: 'return', actor: I },
    { kind: 'mandate', actor: 'War-cabinet', instructions: 'No permanent ceasefire', limits: { ceasefire: ['pause'] } },
    { kind: 'caucus', actor: H, with: 'Qatar', message: 'We need guarantees', binding: true },
    { kind: 'note', actor: 'Hamas-leadership', text: 'Watch the prisoner lists' },
    { kind: 'adjourn-talks', actor: 'Egypt', until: 20, parties: ['Israel'] },
    { kind: 'tick', now: 50 },
  ]);
  const refused = (actor: string, action: Action) =>
    shuttle.reject(c.state, action, { code: 'PARLEY_E_INVALID_ACTION', reason: `no, ${actor}` }).events;
  const invalid = [
    ...refused(I, { kind: 'offer', actor: I, outcome: deal }),
    ...refused('Egypt', { kind: 'end', actor: 'Egypt' }),
    ...refused('War-cabinet', { kind: 'ratify', actor: 'War-cabinet', proposal: 'pkg-9' }),
    ...refused('Technical-team', { kind: 'settle', actor: 'Technical-team', proposal: 'pkg-9', details: {} }),
  ];
  const d = drive(saop, setup(), [{ kind: 'close', actor: 'convenor', reason: 'The parties asked to stop.' }]);
  return [...a.events, ...b.events, ...c.events, ...d.events, ...invalid];
}

function viewers(): { role: string; viewer: Viewer }[] {
  const s = setup();
  return ROLES.map((role) => ({ role, viewer: seatOf(s, role).viewer }));
}

describe('visibility', () => {
  const events = everyKindOfEvent();

  it('covers every event kind of every protocol', () => {
    expect(new Set(events.map((e) => e.kind))).toEqual(new Set(EVENT_KINDS));
  });

  it('gives every event kind the audience its rules say', () => {
    for (const e of events) {
      const expected = AUDIENCE_OF[e.kind];
      if (expected !== 'own') expect([e.kind, e.audience.kind]).toEqual([e.kind, expected]);
    }
    const outside = events.filter((e) => e.kind === 'outside-event');
    expect(outside.map((e) => e.audience)).toEqual([pressure.audience, rocketAttack.audience]);
    const invalid = events.filter((e) => e.kind === 'invalid-action');
    expect(invalid.map((e) => e.audience)).toEqual([
      { kind: 'party', party: 'Israel' },
      { kind: 'mediators' },
      { kind: 'decision-body', body: 'War-cabinet' },
      { kind: 'working-group', group: 'Technical-team' },
    ]);
  });

  it('never lets an event reach a viewer outside its audience, for every kind and every seat', () => {
    for (const e of events) {
      for (const { role, viewer } of viewers()) {
        expect([e.kind, role, visibleTo(e, viewer)]).toEqual([e.kind, role, members(e.audience).includes(role)]);
      }
    }
  });

  it('shows observers only public events and auditors everything', () => {
    expect(filterEvents(events, { kind: 'observer' }).every((e) => e.audience.kind === 'all')).toBe(true);
    expect(filterEvents(events, { kind: 'auditor' })).toHaveLength(events.length);
  });

  it('hides a party\u2019s events from a mediator without a channel to it', () => {
    const toIsrael = events.find((e) => e.audience.kind === 'party' && e.audience.party === 'Israel')!;
    expect(visibleTo(toIsrael, { kind: 'mediator', name: 'Qatar', channels: ['Hamas'] })).toBe(false);
    expect(visibleTo(toIsrael, { kind: 'mediator', name: 'Egypt', channels: [] })).toBe(true);
  });
});
