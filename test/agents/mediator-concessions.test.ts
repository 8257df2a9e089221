import { describe, expect, it } from 'vitest';
import { changesSince, createAgent, PartyModels, RepeatGuard } from '../../src/agents/index.js';
import type { ProtocolEvent } from '../../src/protocols/events.js';
import { gridDomain, responseEvent, tabledEvent, viewFor } from './support/fixtures.js';

const domain = gridDomain(2, 3);
const row = (o: Record<string, string>) => Int32Array.from(domain.issues, (i) => Number(o[i.name]!.slice(1)));

function modelsAfter(events: ProtocolEvent[]): PartyModels {
  const models = new PartyModels(domain);
  models.sync(viewFor(domain, undefined, { role: 'M', may: [] }, events, { kind: 'mediator' }));
  return models;
}

/** A turns down text-1 on i0, asking for v1 there; B accepts it. */
const refused: ProtocolEvent[] = [
  tabledEvent('text-1', { i0: 'v0', i1: 'v1' }),
  responseEvent('text-1', 'A', 'amend', { amendments: { i0: 'v1' } }),
  responseEvent('text-1', 'B', 'accept'),
];

describe("an objector's own later answers as a change since a text was turned down", () => {
  it('counts asking for the very value it refused there, and says who, on which issue, from what to what', () => {
    const models = modelsAfter([
      ...refused,
      tabledEvent('text-2', { i0: 'v2', i1: 'v1' }),
      responseEvent('text-2', 'A', 'amend', { amendments: { i0: 'v0' } }),
    ]);
    expect(changesSince(models, models.turnedDown[0]!)).toEqual([
      'A asked for i0 = v0 in its answer to text-2 (it had asked for v1)',
    ]);
  });

  it('counts accepting a later text that holds the value it refused there', () => {
    const models = modelsAfter([
      ...refused,
      tabledEvent('text-2', { i0: 'v0', i1: 'v2' }),
      responseEvent('text-2', 'A', 'accept'),
      responseEvent('text-2', 'B', 'amend', { amendments: { i1: 'v1' } }),
    ]);
    expect(changesSince(models, models.turnedDown[0]!)).toEqual([
      'A accepted text-2, which holds i0 = v0 (it had asked for v1)',
    ]);
  });

  it('does not count a later answer that merely leaves the issue unnamed, nor an answer before the refusal', () => {
    const models = modelsAfter([
      tabledEvent('text-0', { i0: 'v0', i1: 'v0' }),
      responseEvent('text-0', 'A', 'accept'),
      responseEvent('text-0', 'B', 'amend', { amendments: { i1: 'v1' } }),
      ...refused,
      tabledEvent('text-2', { i0: 'v0', i1: 'v2' }),
      responseEvent('text-2', 'A', 'amend', { amendments: { i1: 'v0' } }),
    ]);
    const text1 = models.turnedDown.find((t) => t.proposal === 'text-1')!;
    expect(changesSince(models, text1)).toEqual([]);
    expect(new RepeatGuard(domain, models).blocked(row({ i0: 'v0', i1: 'v0' }))).toBe(true);
  });

  it('reopens the text for the rules against repeats, but a fresh text still comes first', () => {
    const models = modelsAfter([
      ...refused,
      tabledEvent('text-2', { i0: 'v2', i1: 'v1' }),
      responseEvent('text-2', 'A', 'amend', { amendments: { i0: 'v0' } }),
    ]);
    const text1 = row({ i0: 'v0', i1: 'v1' });
    expect(new RepeatGuard(domain, models).blocked(text1)).toBe(false);
    expect(new RepeatGuard(domain, models, 'fresh').blocked(text1)).toBe(true);
  });
});

describe('a mediator returning to a text after an objector moved', () => {
  function nextMove(events: ProtocolEvent[], round: number) {
    const agent = createAgent({ strategy: 'nash' }, 'M', { kind: 'mediator', domain, seed: 5 });
    const view = viewFor(domain, undefined, { role: 'M', may: ['table', 'hold'] }, events, {
      kind: 'mediator',
      round,
      deadline: { rounds: 60 },
      progress: round / 60,
    });
    return agent.act(view);
  }
  // A objects to i0 alone on every text, so each of i0's values is refused once; then A asks
  // for v0 (text-1's value) while answering text-3.
  const events: ProtocolEvent[] = [
    ...refused,
    tabledEvent('text-2', { i0: 'v1', i1: 'v1' }),
    responseEvent('text-2', 'A', 'reject', { position: { issues: ['i0'] } }),
    responseEvent('text-2', 'B', 'accept'),
    tabledEvent('text-3', { i0: 'v2', i1: 'v1' }),
    responseEvent('text-3', 'A', 'amend', { amendments: { i0: 'v0' } }),
    responseEvent('text-3', 'B', 'accept'),
  ];

  it('keeps the reopened text for later like a new one, then tables it and its note says what changed', () => {
    expect(nextMove(events, 20)?.kind === 'hold').toBe(true);
    const move = nextMove(events, 59);
    expect(move?.kind).toBe('table');
    if (move?.kind !== 'table') return;
    expect(move.text.i0).toBe('v0');
    expect(move.note).toMatch(
      /returns to text-1 on the issues objected to, since then: A asked for i0 = v0 in its answer to text-3 \(it had asked for v1\)/,
    );
  });

  it('holds instead when the objector never moved, until the last round', () => {
    const unmoved = events.map((e) =>
      e.kind === 'text-response' && e.proposal === 'text-3' && e.party === 'A'
        ? responseEvent('text-3', 'A', 'reject', { position: { issues: ['i0'] } })
        : e,
    );
    expect(nextMove(unmoved, 20)?.kind).toBe('hold');
    expect(nextMove(unmoved, 58)?.kind).toBe('hold');
  });
});
