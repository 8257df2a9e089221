import { describe, expect, it } from 'vitest';
import { saop } from '../../src/protocols/saop.js';
import type { Action } from '../../src/protocols/types.js';
import { bareSetup, counter, deal, pressure, rocketAttack, setup } from '../session/support/fixtures.js';
import { continueRun, drive, expectRefused, kinds, last } from './support/drive.js';

const offer = (actor: string, outcome: Record<string, string | number> = deal): Action => ({
  kind: 'offer',
  actor,
  outcome,
});
const accept = (actor: string, proposal: string): Action => ({ kind: 'accept', actor, proposal });

describe('saop', () => {
  it('starts with party 0 to move and a public started event', () => {
    const { state, events } = drive(saop, bareSetup(), []);
    expect(kinds(events)).toEqual(['started']);
    expect(saop.expected(state)).toEqual([{ role: 'A', may: ['offer', 'end'], proposal: undefined, also: ['note'] }]);
  });

  it('reaches agreement when the other party accepts the standing offer', () => {
    const { state, events } = drive(saop, bareSetup(), [offer('A'), accept('B', 'offer-1')]);
    expect(kinds(events)).toEqual(['started', 'offer', 'accept', 'agreement']);
    expect(last(events, 'agreement').outcome).toEqual(deal);
    expect(saop.isOver(state)).toBe(true);
    expect(state.end).toMatchObject({ reason: 'agreement', proposal: 'offer-1' });
    expect(saop.expected(state)).toEqual([]);
  });

  it('needs every other party to accept in turn when more than two negotiate', () => {
    const s = bareSetup(['A', 'B', 'C']);
    const partial = drive(saop, s, [offer('A'), accept('B', 'offer-1')]);
    expect(saop.isOver(partial.state)).toBe(false);
    expect(saop.expected(partial.state)[0]).toMatchObject({
      role: 'C',
      may: ['offer', 'accept', 'end'],
      proposal: 'offer-1',
    });
    const done = continueRun(saop, partial, [accept('C', 'offer-1')]);
    expect(done.state.end?.reason).toBe('agreement');
  });

  it('restarts the acceptances when a party makes a counter-offer', () => {
    const s = bareSetup(['A', 'B', 'C']);
    const run = drive(saop, s, [offer('A'), accept('B', 'offer-1'), offer('C', counter), accept('A', 'offer-2')]);
    expect(run.state.end).toBeNull();
    expect(run.state.acceptedBy).toEqual(['A']);
    const done = continueRun(saop, run, [accept('B', 'offer-2')]);
    expect(done.state.end).toMatchObject({ reason: 'agreement', outcome: counter });
  });

  it('rejects an offer out of turn', () => {
    const { state } = drive(saop, bareSetup(), []);
    expectRefused(saop, state, offer('B'), /it is A's turn, not B's/);
  });

  it('rejects an accept with no standing offer', () => {
    const { state } = drive(saop, bareSetup(), []);
    expectRefused(saop, state, accept('A', 'offer-1'), /no standing offer/);
  });

  it('rejects accepting an unknown proposal', () => {
    const { state } = drive(saop, bareSetup(), [offer('A')]);
    expectRefused(saop, state, accept('B', 'offer-9'), /unknown proposal "offer-9".*"offer-1"/);
  });

  it('rejects accepting its own offer', () => {
    const { state } = drive(saop, bareSetup(), [offer('A')]);
    expectRefused(saop, { ...state, turn: 0 }, accept('A', 'offer-1'), /cannot accept its own offer/);
  });

  it('rejects an offer that is not an outcome of the domain', () => {
    const { state } = drive(saop, bareSetup(), []);
    expectRefused(
      saop,
      state,
      offer('A', { ...deal, ceasefire: 'forever' }),
      /"forever" is not a value of issue "ceasefire"/,
    );
    expectRefused(saop, state, offer('A', { ceasefire: 'pause' }), /issue "captives" has no value/);
  });

  it('rejects actions the protocol does not have and roles it does not know', () => {
    const { state } = drive(saop, bareSetup(), []);
    expectRefused(saop, state, { kind: 'table', actor: 'A', text: deal, to: [] }, /saop has no "table" action/);
    expectRefused(saop, state, offer('Z'), /"Z" is not a party/);
  });

  it('rejects any action after the end', () => {
    const { state } = drive(saop, bareSetup(), [offer('A'), accept('B', 'offer-1')]);
    expectRefused(saop, state, offer('A'), /the negotiation is over \(agreement/);
    expectRefused(saop, state, { kind: 'tick', now: 5 }, /over/);
  });

  it('ends at the deadline in rounds after every party had that many turns', () => {
    const run = drive(saop, bareSetup(['A', 'B'], { rounds: 2 }), [offer('A'), offer('B', counter), offer('A')]);
    expect(run.state.end).toBeNull();
    const done = continueRun(saop, run, [offer('B', counter)]);
    expect(done.state.end).toMatchObject({ reason: 'deadline', round: 2 });
    expect(last(done.events, 'deadline').audience).toEqual({ kind: 'all' });
  });

  it('ends at the deadline in time when the clock reaches it', () => {
    const run = drive(saop, bareSetup(['A', 'B'], { time: 48 }), [offer('A'), { kind: 'tick', now: 47 }]);
    expect(run.state.end).toBeNull();
    const done = continueRun(saop, run, [{ kind: 'tick', now: 48 }]);
    expect(done.state.end).toMatchObject({ reason: 'deadline', at: 48 });
  });

  it('ends when a party walks away on its turn', () => {
    const { state, events } = drive(saop, bareSetup(), [offer('A'), { kind: 'end', actor: 'B', reason: 'no' }]);
    expect(state.end).toMatchObject({ reason: 'walk-away', by: 'B' });
    expect(last(events, 'walk-away')).toMatchObject({ party: 'B', reason: 'no', audience: { kind: 'all' } });
  });

  it('uses delegation names as the acting roles when parties have delegations', () => {
    const { state } = drive(saop, setup(), []);
    expect(saop.expected(state)[0]!.role).toBe('Israel-delegation');
    expectRefused(saop, state, offer('Israel'), /not a party/);
  });

  it('fires outside events in time order on a tick, records their effects and moves the deadline', () => {
    const s = bareSetup(['Israel', 'Hamas'], { time: 100 });
    const run = drive(saop, { ...s, timeline: [rocketAttack, pressure] }, [{ kind: 'tick', now: 12 }]);
    const outside = run.events.filter((e) => e.kind === 'outside-event');
    expect(outside.map((e) => e.kind === 'outside-event' && e.id)).toEqual(['burns-doha', 'kerem-shalom']);
    expect(outside[0]!.audience).toEqual({ kind: 'mediators' });
    expect(run.state.fired).toEqual(['burns-doha', 'kerem-shalom']);
    expect(run.state.effects).toHaveLength(3);
    expect(run.state.deadline.time).toBe(124);
    expect(last(run.events, 'deadline-moved').cause).toBe('burns-doha');
    const again = continueRun(saop, run, [{ kind: 'tick', now: 20 }]);
    expect(again.events.length).toBe(run.events.length);
  });

  it('rejects a tick that would move time backwards', () => {
    const run = drive(saop, bareSetup(['A', 'B'], { time: 100 }), [{ kind: 'tick', now: 12 }]);
    expectRefused(saop, run.state, { kind: 'tick', now: 3 }, /time cannot run backwards/);
  });

  it('continues identically from a state that went through JSON', () => {
    const s = bareSetup(['A', 'B', 'C'], { rounds: 5, time: 50 });
    const first = drive(saop, { ...s, timeline: [rocketAttack] }, [
      offer('A'),
      { kind: 'tick', now: 11 },
      accept('B', 'offer-1'),
    ]);
    const rest: Action[] = [offer('C', counter), accept('A', 'offer-2'), accept('B', 'offer-2')];
    const direct = continueRun(saop, first, rest);
    const revived = continueRun(saop, { state: JSON.parse(JSON.stringify(first.state)), events: first.events }, rest);
    expect(revived).toEqual(direct);
    expect(direct.state.end?.reason).toBe('agreement');
  });
});
