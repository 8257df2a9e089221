import { describe, expect, it } from 'vitest';
import { createAgent, learnedEstimate, PartyModels, RepeatGuard } from '../../../src/agents/index.js';
import type { Domain } from '../../../src/core/domain.js';
import type { ProtocolEvent } from '../../../src/protocols/events.js';
import { gridDomain, responseEvent, statementEvent, tabledEvent, viewFor } from '../support/fixtures.js';

const tabled = tabledEvent;
const answer = responseEvent;
const mediatorView = (domain: Domain, events: ProtocolEvent[]) =>
  viewFor(domain, undefined, { role: 'M', may: ['table'] }, events, { kind: 'mediator' });

function modelsAfter(domain: Domain, events: ProtocolEvent[]): PartyModels {
  const models = new PartyModels(domain);
  models.sync(mediatorView(domain, events));
  return models;
}

function nextText(mediator: string, domain: Domain, events: ProtocolEvent[]) {
  const agent = createAgent({ strategy: mediator }, 'M', { kind: 'mediator', domain, seed: 5 });
  const action = agent.act(mediatorView(domain, events));
  if (action?.kind !== 'table') throw new Error(`${mediator} did not table a text`);
  return { text: action.text as Record<string, string>, note: action.note ?? '' };
}

const rowOf = (domain: Domain, o: Record<string, string>) =>
  Int32Array.from(domain.issues, (i) => Number(o[i.name]!.slice(1)));

describe('a mediator comparing texts on the issues objected to', () => {
  const grid = gridDomain(3, 5);
  const middle = { i0: 'v2', i1: 'v2', i2: 'v2' };
  // A asks for i0 v4, which B's stated red line rules out: the objection cannot be met.
  const bLine = { id: 'b-i0', issue: 'i0', allowed: ['v0', 'v1', 'v2'] };
  const events: ProtocolEvent[] = [
    statementEvent('B', { redLines: [bLine] }),
    tabled('text-1', middle),
    answer('text-1', 'A', 'amend', { amendments: { i0: 'v4' } }),
    answer('text-1', 'B', 'accept'),
  ];

  it('counts an ask across another party’s told red line among the issues objected to', () => {
    const guard = new RepeatGuard(grid, modelsAfter(grid, events));
    expect(guard.blocked(rowOf(grid, { ...middle, i1: 'v0', i2: 'v4' }))).toBe(true);
    expect(guard.blocked(rowOf(grid, { ...middle, i0: 'v1' }))).toBe(false);
  });

  for (const mediator of ['hill-climb', 'nash', 'bridging'])
    it(`${mediator} changes the objected issue within the red line rather than another issue`, () => {
      const { text } = nextText(mediator, grid, events);
      expect(['v0', 'v1']).toContain(text.i0);
    });
});

describe('a mediator that has run out of new texts', () => {
  const small: Domain = {
    name: 'small',
    issues: [
      { kind: 'discrete', name: 'i0', values: ['v0', 'v1', 'v2'] },
      { kind: 'discrete', name: 'i1', values: ['v0', 'v1'] },
    ],
    phases: [],
  };
  // A wants i0 v1; B wants i1 v0. Each turned-down text covers every text equal to it on the issues named.
  const opening = [
    tabled('text-1', { i0: 'v0', i1: 'v0' }),
    answer('text-1', 'A', 'amend', { amendments: { i0: 'v1' } }),
    answer('text-1', 'B', 'amend', { amendments: { i0: 'v2' } }),
    tabled('text-2', { i0: 'v2', i1: 'v1' }),
    answer('text-2', 'A', 'amend', { amendments: { i0: 'v1' } }),
    answer('text-2', 'B', 'amend', { amendments: { i1: 'v0' } }),
    tabled('text-3', { i0: 'v1', i1: 'v1' }),
    answer('text-3', 'A', 'accept'),
    answer('text-3', 'B', 'amend', { amendments: { i1: 'v0' } }),
  ];
  const closing = [
    tabled('text-4', { i0: 'v1', i1: 'v0' }),
    answer('text-4', 'A', 'amend', { amendments: { i1: 'v1' } }),
    answer('text-4', 'B', 'amend', { amendments: { i0: 'v2' } }),
    tabled('text-5', { i0: 'v2', i1: 'v0' }),
    answer('text-5', 'A', 'amend', { amendments: { i0: 'v1' } }),
    answer('text-5', 'B', 'accept'),
  ];
  const allowed = [
    [0, 1, 2],
    [0, 1],
  ];

  it('finds the texts that repeat none by an exact search, and none once they are gone too', () => {
    const open = new RepeatGuard(small, modelsAfter(small, opening)).openRow(allowed);
    expect(open && [...open].join(',')).toMatch(/^(1,0|2,0)$/);
    expect(new RepeatGuard(small, modelsAfter(small, [...opening, ...closing])).openRow(allowed)).toBeNull();
  });

  it('then stays with what the parties accepted and asked for, says it repeats, and passes over the one fresh text that meets no ask', () => {
    for (const mediator of ['hill-climb', 'nash', 'bridging']) {
      const { text, note } = nextText(mediator, small, [...opening, ...closing]);
      // The only text never tabled, (v0, v1), gives each party the value it asked to move away from.
      expect(text, mediator).not.toEqual({ i0: 'v0', i1: 'v1' });
      expect(note, mediator).toMatch(
        /Every text within the stated red lines repeats a turned-down one on the issues objected to; this one repeats text-\d/,
      );
    }
  });
});

describe('a mediator learning what a party wants', () => {
  const grid = gridDomain(2, 3);
  it('scores the values a party asked for above those it objected to, and an issue it presses above one it never raised', () => {
    const events: ProtocolEvent[] = [];
    for (let r = 1; r <= 3; r++) {
      events.push(tabled(`text-${r}`, { i0: 'v0', i1: `v${r - 1}` }));
      events.push(answer(`text-${r}`, 'A', 'amend', { amendments: { i0: 'v2' } }));
    }
    const estimate = learnedEstimate(grid, modelsAfter(grid, events).of('A'));
    const u = (a: number, b: number) => estimate.value(Int32Array.of(a, b));
    expect(u(2, 0)).toBeGreaterThan(u(1, 0));
    expect(u(1, 0)).toBeGreaterThan(u(0, 0));
    // Moving i0 from what it objected to, to what it asked for, is worth more than any move on i1.
    expect(u(2, 0) - u(0, 0)).toBeGreaterThan(Math.abs(u(0, 2) - u(0, 0)));
  });
});
