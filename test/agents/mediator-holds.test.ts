import { describe, expect, it } from 'vitest';
import { createAgent } from '../../src/agents/index.js';
import type { Domain } from '../../src/core/domain.js';
import type { ProtocolEvent } from '../../src/protocols/events.js';
import type { ActionKind } from '../../src/protocols/types.js';
import { gridDomain, responseEvent, statementEvent, tabledEvent, viewFor } from './support/fixtures.js';

const MEDIATORS = ['hill-climb', 'nash', 'bridging'];

/** What a freshly built mediator does next in round `round` of 60, where it may table or hold (and speak, if `speaks`). */
function nextMove(mediator: string, domain: Domain, events: ProtocolEvent[], round: number, speaks = false) {
  const agent = createAgent({ strategy: mediator }, 'M', { kind: 'mediator', domain, seed: 5 });
  const may: ActionKind[] = speaks ? ['table', 'hold', 'statement'] : ['table', 'hold'];
  const view = viewFor(domain, undefined, { role: 'M', may }, events, {
    kind: 'mediator',
    round,
    deadline: { rounds: 60 },
    progress: round / 60,
  });
  return agent.act(view);
}

/**
 * Each text turned down by A, who objects only to i0 and asks for no value there (asking
 * for a value it refused before would be a change): every value of i0 has been refused.
 */
function everyValueRefused(): ProtocolEvent[] {
  return ['v0', 'v1', 'v2'].flatMap((v, k) => [
    tabledEvent(`text-${k + 1}`, { i0: v, i1: 'v1' }),
    responseEvent(`text-${k + 1}`, 'A', 'reject', { position: { issues: ['i0'] } }),
    responseEvent(`text-${k + 1}`, 'B', 'accept'),
  ]);
}

/** The mediator M consulting the parties on a text: its statement, the text's values as asks. */
function consultation(text: Record<string, string>): ProtocolEvent {
  const { party: _, ...spoken } = statementEvent('M', { asks: text }) as Extract<ProtocolEvent, { kind: 'statement' }>;
  return { ...spoken, actor: 'M' };
}

describe('a mediator with no new text', () => {
  const domain = gridDomain(2, 3);

  for (const mediator of MEDIATORS) {
    it(`${mediator} holds rather than table a turned-down text again with nothing changed`, () => {
      const move = nextMove(mediator, domain, everyValueRefused(), 10);
      expect(move?.kind).toBe('hold');
      expect(move?.kind === 'hold' && move.reason).toMatch(
        /every text within the stated red lines repeats a turned-down one on the issues objected to, and nothing has changed since \(text-\d would be tabled again\)/,
      );
    });
  }

  it('in the last round consults the parties on its best turned-down text instead, the values in the statement', () => {
    expect(nextMove('nash', domain, everyValueRefused(), 58, true)?.kind).toBe('hold');
    const move = nextMove('nash', domain, everyValueRefused(), 59, true);
    expect(move?.kind).toBe('statement');
    if (move?.kind !== 'statement') return;
    expect(move.text).toMatch(
      /^Before tabling a turned-down text again: every text within the stated red lines repeats a turned-down one on the issues objected to, and nothing has changed since \(text-\d would be tabled again\)\. The mediator asks each party whether it could now take that text \(i0: v\d; i1: v\d\), or another it turned down\.$/,
    );
    expect(Object.keys(move.position?.asks ?? {}).sort()).toEqual(['i0', 'i1']);
  });

  it('tables the text it consulted on once the party that turned it down says it could take it, naming the move', () => {
    const asked = consultation({ i0: 'v1', i1: 'v1' });
    const events = [...everyValueRefused(), asked, statementEvent('A', { asks: { i0: 'v1' } })];
    const move = nextMove('nash', domain, events, 59, true);
    expect(move?.kind).toBe('table');
    if (move?.kind !== 'table') return;
    expect(move.text).toEqual({ i0: 'v1', i1: 'v1' });
    expect(move.note).toMatch(
      /returns to text-2 on the issues objected to, since then: A stated that it now asks for i0 = v1/,
    );
  });

  it('holds when no party moved after it consulted, and where the protocol gives it no word', () => {
    const events = [...everyValueRefused(), consultation({ i0: 'v1', i1: 'v1' })];
    const move = nextMove('nash', domain, events, 59, true);
    expect(move?.kind).toBe('hold');
    expect(move?.kind === 'hold' && move.reason).toMatch(
      /the parties were consulted and none said it could now take it/,
    );
    expect(nextMove('nash', domain, everyValueRefused(), 59)?.kind).toBe('hold');
  });
});

describe('a mediator pacing the texts it has left', () => {
  const domain = gridDomain(2, 3);
  // A objects to i0 alone: each text A turns down rules out one of i0's three values for good.
  const oneRefused = [
    tabledEvent('text-1', { i0: 'v0', i1: 'v1' }),
    responseEvent('text-1', 'A', 'amend', { amendments: { i0: 'v2' } }),
    responseEvent('text-1', 'B', 'accept'),
  ];

  for (const mediator of MEDIATORS) {
    it(`${mediator} keeps its last new texts for later rounds when they are fewer than the rounds left`, () => {
      const move = nextMove(mediator, domain, oneRefused, 1);
      expect(move?.kind).toBe('hold');
      expect(move?.kind === 'hold' && move.reason).toMatch(
        /about 2 new texts remain within the stated red lines for 59 rounds, so the mediator keeps them for later rounds/,
      );
    });
  }

  it('tables a new text (never the turned-down one) once the rounds left are as few as its texts', () => {
    const move = nextMove('nash', domain, oneRefused, 58);
    expect(move?.kind).toBe('table');
    expect(move?.kind === 'table' && move.text.i0).not.toBe('v0');
  });

  it('tables every round while it has more new texts than rounds left', () => {
    const wide = gridDomain(4, 4);
    const refused = [
      tabledEvent('text-1', { i0: 'v0', i1: 'v0', i2: 'v0', i3: 'v0' }),
      responseEvent('text-1', 'A', 'amend', { amendments: { i0: 'v3', i1: 'v3' } }),
      responseEvent('text-1', 'B', 'amend', { amendments: { i2: 'v3', i3: 'v3' } }),
    ];
    expect(nextMove('nash', wide, refused, 1)?.kind).toBe('table');
  });
});

describe('a mediator in the last round with new texts left', () => {
  const wide = gridDomain(4, 4);
  const first = { i0: 'v0', i1: 'v0', i2: 'v0', i3: 'v0' };
  const second = { i0: 'v3', i1: 'v3', i2: 'v1', i3: 'v1' };
  // text-1 drew amendments from both; text-2 one acceptance, but B said it falls below its walk-away value.
  const refused = [
    tabledEvent('text-1', first),
    responseEvent('text-1', 'A', 'amend', { amendments: { i0: 'v3', i1: 'v3' } }),
    responseEvent('text-1', 'B', 'amend', { amendments: { i2: 'v3', i3: 'v3' } }),
    tabledEvent('text-2', second),
    responseEvent('text-2', 'A', 'accept'),
    responseEvent('text-2', 'B', 'reject', { position: { redLines: [], belowWalkAway: true } }),
  ];

  it('first asks the parties about the best-received turned-down text that no party said it could never take', () => {
    const move = nextMove('nash', wide, refused, 59, true);
    expect(move?.kind).toBe('statement');
    if (move?.kind !== 'statement') return;
    expect(move.text).toMatch(/asks each party whether it could now take text-1, turned down before/);
    expect(move.position?.asks).toEqual(first);
  });

  it('tables a new text when no party moved on the text it asked about, or where it may not speak', () => {
    const afterAsking = nextMove('nash', wide, [...refused, consultation(first)], 59, true);
    expect(afterAsking?.kind).toBe('table');
    expect(afterAsking?.kind === 'table' && afterAsking.text).not.toEqual(first);
    expect(nextMove('nash', wide, refused, 59)?.kind).toBe('table');
  });

  it('asks nothing before the last round', () => {
    expect(nextMove('nash', wide, refused, 50, true)?.kind).not.toBe('statement');
  });
});

describe('a mediator learning before the last rounds', () => {
  const domain = gridDomain(4, 5);
  // Objections on every issue: plenty of new texts are left, so nothing is held back.
  const refused = [
    tabledEvent('text-1', { i0: 'v2', i1: 'v2', i2: 'v2', i3: 'v2' }),
    responseEvent('text-1', 'A', 'reject', {
      position: { redLines: [{ id: 'a-i0', issue: 'i0', allowed: ['v0', 'v1'] }], asks: { i0: 'v0', i1: 'v4' } },
    }),
    responseEvent('text-1', 'B', 'amend', { amendments: { i2: 'v0', i3: 'v0' } }),
  ];

  for (const mediator of MEDIATORS) {
    it(`${mediator} tables an exploratory text within the stated red lines early on, and says so`, () => {
      const move = nextMove(mediator, domain, refused, 5);
      expect(move?.kind).toBe('table');
      if (move?.kind !== 'table') return;
      expect(['v0', 'v1']).toContain(move.text.i0);
      expect(move.note).toMatch(/An exploratory text, within every red line stated so far/);
    });

    it(`${mediator} tables the best text by its estimates in the last rounds, not an exploratory one`, () => {
      const move = nextMove(mediator, domain, refused, 55);
      expect(move?.kind === 'table' && move.note).not.toMatch(/exploratory/);
    });
  }
});

describe('a mediator holding in a live session', () => {
  it('holds at most once at one moment, so a round passes only as the clock moves', () => {
    const domain = gridDomain(2, 3);
    const agent = createAgent({ strategy: 'nash' }, 'M', { kind: 'mediator', domain, seed: 5 });
    const events = everyValueRefused();
    const at = (now: number, round: number) =>
      viewFor(domain, undefined, { role: 'M', may: ['table', 'hold'] }, events, {
        kind: 'mediator',
        now,
        round,
        deadline: { rounds: 60 },
        progress: round / 60,
      });
    expect(agent.act(at(4, 10))?.kind).toBe('hold');
    expect(agent.act(at(4, 11))).toBeNull();
    expect(agent.act(at(5, 11))?.kind).toBe('hold');
  });
});
