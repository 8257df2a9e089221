import { describe, expect, it } from 'vitest';
import { saop } from '../../src/protocols/saop.js';
import { shuttle } from '../../src/protocols/shuttle/index.js';
import { singleText } from '../../src/protocols/single-text.js';
import type { Action } from '../../src/protocols/types.js';
import { bareSetup, deal, setup } from '../session/support/fixtures.js';
import { drive, expectRefused, kinds, last } from './support/drive.js';

const I = 'Israel-delegation';
const H = 'Hamas-delegation';
const tableAll: Action = { kind: 'table', actor: 'Egypt', text: deal, to: [] };
const hold = (actor = 'Egypt', reason?: string): Action => ({ kind: 'hold', actor, reason });

describe('a mediator holding a round', () => {
  it('in single text: passes the round with no new text, in public, once every party has answered', () => {
    const run = drive(singleText, setup(), [
      tableAll,
      { kind: 'reject', actor: I, proposal: 'text-1' },
      { kind: 'amend', actor: H, proposal: 'text-1', amendments: { captives: 20 } },
      hold('Egypt', 'no new text; the parties are asked for proposals'),
    ]);
    expect(run.state.round).toBe(2);
    expect(last(run.events, 'held')).toMatchObject({
      audience: { kind: 'all' },
      actor: 'Egypt',
      round: 1,
      reason: 'no new text; the parties are asked for proposals',
    });
    expect(singleText.expected(run.state).map((e) => [e.role, e.may])).toEqual([
      [I, ['statement', 'end']],
      [H, ['statement', 'end']],
      ['Egypt', ['table', 'hold', 'statement']],
      ['Qatar', ['table', 'hold', 'statement']],
    ]);
  });

  it('in single text: opens the floor, the parties asked first to restate where they stand, until the next text', () => {
    const afterHold = drive(singleText, setup(), [
      tableAll,
      { kind: 'reject', actor: I, proposal: 'text-1' },
      { kind: 'reject', actor: H, proposal: 'text-1' },
      hold(),
      { kind: 'statement', actor: H, text: 'Hamas asks for captives: 20.', position: { asks: { captives: 20 } } },
      hold(),
    ]);
    expect(last(afterHold.events, 'statement')).toMatchObject({ audience: { kind: 'all' }, party: 'Hamas' });
    // A party that has nothing new to say lets the turn pass: the mediator may move at once.
    expect(afterHold.state.round).toBe(3);
    expect(singleText.expected(afterHold.state).map((e) => e.role)).toEqual([I, H, 'Egypt', 'Qatar']);
    const tabled = drive(singleText, setup(), [tableAll, { kind: 'reject', actor: I, proposal: 'text-1' }]);
    expect(singleText.expected(tabled.state).map((e) => e.role)).toEqual([H]);
    const next = drive(singleText, setup(), [
      tableAll,
      { kind: 'reject', actor: I, proposal: 'text-1' },
      { kind: 'reject', actor: H, proposal: 'text-1' },
      hold(),
      { ...tableAll, text: { ...deal } },
    ]);
    expect(singleText.expected(next.state).map((e) => [e.role, e.proposal])).toEqual([
      [I, 'text-2'],
      [H, 'text-2'],
    ]);
  });

  it("in single text: a mediator's statement in its turn opens the floor too, without passing the round", () => {
    const consult: Action = { kind: 'statement', actor: 'Egypt', text: 'Could either party now take text-1?' };
    const consulted = drive(singleText, setup(), [
      tableAll,
      { kind: 'reject', actor: I, proposal: 'text-1' },
      { kind: 'reject', actor: H, proposal: 'text-1' },
      consult,
    ]);
    expect(consulted.state.round).toBe(1);
    expect(last(consulted.events, 'statement')).toMatchObject({ audience: { kind: 'all' }, actor: 'Egypt' });
    expect(singleText.expected(consulted.state).map((e) => e.role)).toEqual([I, H, 'Egypt', 'Qatar']);
    // While a text awaits answers, a mediator's statement changes nothing about who is asked.
    const pending = drive(singleText, setup(), [tableAll, consult]);
    expect(singleText.expected(pending.state).map((e) => e.role)).toEqual([I, H]);
    const tabled = drive(singleText, setup(), [
      tableAll,
      { kind: 'reject', actor: I, proposal: 'text-1' },
      { kind: 'reject', actor: H, proposal: 'text-1' },
      consult,
      { ...tableAll, text: { ...deal } },
    ]);
    expect(tabled.state.round).toBe(1);
    expect(singleText.expected(tabled.state).map((e) => e.role)).toEqual([I, H]);
  });

  it('in single text: no floor before the first hold; the mediators alone are asked for the opening text', () => {
    const { state } = drive(singleText, setup(), []);
    expect(singleText.expected(state).map((e) => e.role)).toEqual(['Egypt', 'Qatar']);
  });

  it('in single text: ends the talks at the round deadline like any other round', () => {
    const run = drive(singleText, setup({ deadline: { rounds: 2 } }), [hold(), hold('Qatar')]);
    expect(kinds(run.events).slice(-3)).toEqual(['held', 'held', 'deadline']);
    expect(run.state.end).toMatchObject({ reason: 'deadline', round: 2 });
  });

  it('in single text: is refused while a text awaits an answer, and from anyone but a mediator', () => {
    const { state } = drive(singleText, setup(), [tableAll, { kind: 'accept', actor: I, proposal: 'text-1' }]);
    expectRefused(singleText, state, hold(), /no text awaits an answer; waiting for Hamas/);
    expectRefused(singleText, state, hold(H), /only a mediator may hold a round/);
  });

  it('in shuttle talks: passes the round and starts it again with no answers counted', () => {
    const run = drive(shuttle, setup(), [
      tableAll,
      { kind: 'reject', actor: I, proposal: 'pkg-1' },
      { kind: 'reject', actor: H, proposal: 'pkg-1' },
      hold(),
    ]);
    expect(run.state.round).toBe(2);
    expect(run.state.answeredThisRound).toEqual([]);
    expect(last(run.events, 'held')).toMatchObject({ audience: { kind: 'all' }, round: 1 });
    // The delegations keep the floor they always have in shuttle talks: a statement at any time.
    for (const role of [I, H])
      expect(shuttle.expected(run.state).find((e) => e.role === role)?.may).toContain('statement');
  });

  it('in shuttle talks: is refused while any party still has a package to answer', () => {
    const { state } = drive(shuttle, setup(), [tableAll, { kind: 'reject', actor: I, proposal: 'pkg-1' }]);
    expectRefused(shuttle, state, hold(), /waiting for Hamas/);
    expectRefused(shuttle, state, hold(I), /only a mediator may hold a round/);
  });

  it('does not exist in talks without a mediator', () => {
    const { state } = drive(saop, bareSetup(), []);
    expectRefused(saop, state, hold('A'), /saop has no "hold" action/);
  });
});
