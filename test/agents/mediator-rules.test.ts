import { describe, expect, it } from 'vitest';
import { createAgent, PartyModels, RepeatGuard } from '../../src/agents/index.js';
import type { Domain } from '../../src/core/domain.js';
import type { ProtocolEvent } from '../../src/protocols/events.js';

import { gridDomain, outsideEvent, responseEvent, statementEvent, tabledEvent, viewFor } from './support/fixtures.js';

const MEDIATORS = ['hill-climb', 'nash', 'bridging'];
const grid = gridDomain(3, 5);
const tabled = tabledEvent;
const answer = responseEvent;
const outside = outsideEvent;
const statement = statementEvent;

/** The text a freshly built mediator tables after seeing these events (late: in round 54 of 60 when `late`). */
function nextText(mediator: string, events: ProtocolEvent[], domain: Domain = grid, late = false) {
  const agent = createAgent({ strategy: mediator }, 'M', { kind: 'mediator', domain, seed: 5 });
  const when = late ? { round: 54, deadline: { rounds: 60 }, progress: 0.9 } : {};
  const action = agent.act(
    viewFor(domain, undefined, { role: 'M', may: ['table'] }, events, { kind: 'mediator', ...when }),
  );
  if (action?.kind !== 'table') throw new Error(`${mediator} did not table a text`);
  return { text: action.text as Record<string, string>, note: action.note ?? '' };
}

const middle = { i0: 'v2', i1: 'v2', i2: 'v2' };
const aLine = { id: 'a-i0-low', issue: 'i0', allowed: ['v0', 'v1'] };
const bLine = { id: 'b-i0-high', issue: 'i0', allowed: ['v3', 'v4'] };

describe('a mediator and the red lines it was told of', () => {
  for (const mediator of MEDIATORS) {
    it(`${mediator} tables nothing across a red line stated in a rejection, and says it respects it`, () => {
      const { text, note } = nextText(mediator, [
        tabled('text-1', middle),
        answer('text-1', 'A', 'reject', { position: { redLines: [aLine] } }),
        answer('text-1', 'B', 'accept'),
      ]);
      expect(['v0', 'v1']).toContain(text.i0);
      expect(note).toMatch(/respects the red lines stated by A \(a-i0-low\)/);
    });

    it(`${mediator} crosses the fewest red lines when none can be avoided, and says so`, () => {
      const { text, note } = nextText(mediator, [
        statement('B', { redLines: [bLine, { id: 'b-i1', issue: 'i1', allowed: ['v4'] }] }),
        tabled('text-1', middle),
        answer('text-1', 'A', 'reject', { position: { redLines: [aLine] } }),
        answer('text-1', 'B', 'reject', {
          position: { redLines: [bLine, { id: 'b-i1', issue: 'i1', allowed: ['v4'] }] },
        }),
      ]);
      expect(text.i1).toBe('v4');
      expect(['v0', 'v1', 'v3', 'v4']).toContain(text.i0);
      expect(note).toMatch(
        /No text avoids every red line stated on i0; this one crosses the fewest: (A's a-i0-low|B's b-i0-high)\./,
      );
    });
  }

  it('forgets a red line an outside event it saw removed, and learns one an event added', () => {
    const models = new PartyModels(grid);
    const events = [
      statement('A', { redLines: [aLine] }),
      outside('talks in Doha', [
        { kind: 'remove-red-line', party: 'A', id: 'a-i0-low' },
        { kind: 'add-red-line', party: 'B', redLine: { id: 'b-i2', issue: 'i2', allowed: ['v1'] } },
      ]),
    ];
    models.sync(viewFor(grid, undefined, { role: 'M', may: [] }, events, { kind: 'mediator' }));
    expect(models.knownLines().map((k) => `${k.party}:${k.line.id}`)).toEqual(['B:b-i2']);
    expect(models.of('A').changes).toEqual(['"talks in Doha" removed A\'s red line a-i0-low']);
  });
});

describe('a mediator and texts already turned down', () => {
  const turnedDown = [
    tabled('text-1', middle),
    answer('text-1', 'A', 'amend', { amendments: { i1: 'v0' } }),
    answer('text-1', 'B', 'amend', { amendments: { i1: 'v4' } }),
  ];

  for (const mediator of MEDIATORS) {
    it(`${mediator} changes an issue the parties objected to before tabling again`, () => {
      const { text } = nextText(mediator, turnedDown);
      expect(text.i1).not.toBe('v2');
    });
  }

  it('counts a text as repeated only on the issues objected to, until something changes', () => {
    const view = (events: ProtocolEvent[]) =>
      viewFor(grid, undefined, { role: 'M', may: [] }, events, { kind: 'mediator' });
    const models = new PartyModels(grid);
    models.sync(view(turnedDown));
    const row = (o: Record<string, string>) => Int32Array.from(grid.issues, (i) => Number(o[i.name]!.slice(1)));
    const before = new RepeatGuard(grid, models);
    expect(before.blocked(row({ ...middle, i0: 'v4' }))).toBe(true);
    expect(before.blocked(row({ ...middle, i1: 'v3' }))).toBe(false);
    const event = outside('rocket attack', [{ kind: 'reservation', party: 'A', delta: -0.1 }]);
    models.sync(view([...turnedDown, event]));
    const after = new RepeatGuard(grid, models);
    expect(after.blocked(row(middle))).toBe(false);
    expect(after.repeats(row(middle))?.changes).toEqual([
      'outside event "rocket attack"',
      '"rocket attack" moved A\'s walk-away value',
    ]);
  });

  it('says what changed when it returns to a turned-down text after an event', () => {
    // Every other text crosses a stated red line: only text-1 is left, and an event reopened it.
    const lines = (party: string) =>
      grid.issues.map((i) => ({ id: `${party}-${i.name}`, issue: i.name, allowed: ['v2'] }));
    const { text, note } = nextText('nash', [
      statement('A', { redLines: lines('A') }),
      tabled('text-1', middle),
      answer('text-1', 'A', 'reject', { position: { belowWalkAway: true } }),
      answer('text-1', 'B', 'accept'),
      outside('pressure from outside', [{ kind: 'reservation', party: 'A', delta: -0.2 }]),
    ]);
    expect(text).toEqual(middle);
    expect(note).toMatch(
      /returns to text-1 on the issues objected to, since then: outside event "pressure from outside"/,
    );
  });
});

describe('a mediator moving towards the best text for all', () => {
  it('in the last rounds, trades issues between the parties rather than splitting each in the middle', () => {
    // A cares about i0 (asks v4 twice), B about i1 (asks v0 twice); each also asks a little on the other's issue.
    const events = [
      tabled('text-1', middle),
      answer('text-1', 'A', 'amend', { amendments: { i0: 'v4', i1: 'v4' } }),
      answer('text-1', 'B', 'amend', { amendments: { i1: 'v0', i0: 'v0' } }),
      tabled('text-2', { ...middle, i2: 'v1' }),
      answer('text-2', 'A', 'amend', { amendments: { i0: 'v4' } }),
      answer('text-2', 'B', 'amend', { amendments: { i1: 'v0' } }),
    ];
    for (const mediator of ['nash', 'bridging']) {
      const { text, note } = nextText(mediator, events, grid, true);
      expect(text.i0, mediator).toBe('v4');
      expect(text.i1, mediator).toBe('v0');
      expect(note).toMatch(/meets A's asks on i0; B's asks on i1/);
    }
  });
});

describe('truthful notes', () => {
  const withDeferral = (declared: boolean): Domain => ({
    name: 'talks',
    issues: [
      {
        kind: 'discrete',
        name: 'ceasefire',
        values: ['temporary', 'permanent', 'deferred'],
        ...(declared ? { deferral: 'deferred' } : {}),
      },
      { kind: 'discrete', name: 'aid', values: ['low', 'high'] },
    ],
    phases: [],
  });
  const contest = [
    tabled('text-1', { ceasefire: 'temporary', aid: 'low' }),
    answer('text-1', 'A', 'amend', { amendments: { ceasefire: 'permanent' } }),
    answer('text-1', 'B', 'amend', { amendments: { ceasefire: 'temporary', aid: 'high' } }),
  ];

  it('defers a contested issue only to the value the scenario declares, and says so', () => {
    const { text, note } = nextText('bridging', contest, withDeferral(true));
    expect(text.ceasefire).toBe('deferred');
    expect(note).toMatch(/ceasefire is deferred: the text holds "deferred", the value the scenario declares/);
  });

  it('never calls an issue deferred from a value’s name alone', () => {
    for (const mediator of MEDIATORS) {
      const { note } = nextText(mediator, contest, withDeferral(false));
      expect(note, mediator).not.toMatch(/defer/);
    }
  });

  it('says which asks the text leaves open', () => {
    const { text, note } = nextText('nash', contest, withDeferral(false));
    const open =
      text.ceasefire === 'permanent' ? "B's asks on ceasefire (temporary)" : "A's asks on ceasefire (permanent)";
    expect(note).toContain(`leaves open ${open}`);
  });
});
