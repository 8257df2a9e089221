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
      ['Egypt', ['table', 'hold', 'statement']],
      ['Qatar', ['table', 'hold', 'statement']],
    ]);
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
