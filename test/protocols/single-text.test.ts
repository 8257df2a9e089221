import { describe, expect, it } from 'vitest';
import { NO_ROLES } from '../../src/core/roles.js';
import { singleText } from '../../src/protocols/single-text.js';
import type { Action } from '../../src/protocols/types.js';
import { bareSetup, counter, deal, setup } from '../session/support/fixtures.js';
import { continueRun, drive, expectRefused, kinds, last } from './support/drive.js';

const I = 'Israel-delegation';
const H = 'Hamas-delegation';
const table = (text: Record<string, string | number> = deal, actor = 'Egypt'): Action => ({
  kind: 'table',
  actor,
  text,
  to: [],
});
const answer = (kind: 'accept' | 'reject', actor: string, proposal: string): Action => ({ kind, actor, proposal });

describe('single-text', () => {
  it('waits for a mediator to table the first text', () => {
    const { state } = drive(singleText, setup(), []);
    expect(singleText.expected(state).map((e) => e.role)).toEqual(['Egypt', 'Qatar']);
  });

  it('reaches agreement when every party accepts the same text', () => {
    const { state, events } = drive(singleText, setup(), [
      table(),
      answer('accept', I, 'text-1'),
      answer('accept', H, 'text-1'),
    ]);
    expect(kinds(events)).toEqual(['started', 'text-tabled', 'text-response', 'text-response', 'agreement']);
    expect(state.end).toMatchObject({ reason: 'agreement', proposal: 'text-1', outcome: deal });
  });

  it('sends the parties\u2019 answers to the mediators only and the text to everyone', () => {
    const { events } = drive(singleText, setup(), [table(), answer('reject', I, 'text-1')]);
    expect(last(events, 'text-tabled').audience).toEqual({ kind: 'all' });
    expect(last(events, 'text-response').audience).toEqual({ kind: 'mediators' });
  });

  it('asks the mediator to revise once every party answered without agreement', () => {
    const run = drive(singleText, setup(), [
      table(),
      answer('reject', I, 'text-1'),
      { kind: 'amend', actor: H, proposal: 'text-1', amendments: { withdrawal: 'full' } },
    ]);
    expect(run.state.round).toBe(1);
    expect(singleText.expected(run.state).map((e) => e.role)).toEqual(['Egypt', 'Qatar']);
    expect(last(run.events, 'text-response').amendments).toEqual({ withdrawal: 'full' });
    const done = continueRun(singleText, run, [
      table(counter, 'Qatar'),
      answer('accept', I, 'text-2'),
      answer('accept', H, 'text-2'),
    ]);
    expect(done.state.end).toMatchObject({ reason: 'agreement', proposal: 'text-2', outcome: counter });
  });

  it('rejects an answer before any text is tabled', () => {
    const { state } = drive(singleText, setup(), []);
    expectRefused(singleText, state, answer('accept', I, 'text-1'), /no text has been tabled/);
  });

  it('rejects a new text while the parties are still answering', () => {
    const { state } = drive(singleText, setup(), [table(), answer('accept', I, 'text-1')]);
    expectRefused(singleText, state, table(counter), /still being answered \(waiting for Hamas\)/);
  });

  it('rejects a second answer to the same text', () => {
    const { state } = drive(singleText, setup(), [table(), answer('reject', I, 'text-1')]);
    expectRefused(singleText, state, answer('accept', I, 'text-1'), /Israel has already answered text-1 \(reject\)/);
  });

  it('rejects an answer to an unknown proposal', () => {
    const { state } = drive(singleText, setup(), [table()]);
    expectRefused(singleText, state, answer('accept', I, 'text-9'), /unknown proposal "text-9"/);
  });

  it('rejects a text tabled by a party, to only some parties, or outside the domain', () => {
    const { state } = drive(singleText, setup(), []);
    expectRefused(singleText, state, table(deal, I), /only a mediator may table/);
    expectRefused(
      singleText,
      state,
      { kind: 'table', actor: 'Egypt', text: deal, to: ['Hamas'] },
      /goes to every party/,
    );
    expectRefused(singleText, state, table({ ...deal, captives: 99 }), /"99" is not a value of issue "captives"/);
  });

  it('rejects amendments to unknown issues or with illegal values', () => {
    const { state } = drive(singleText, setup(), [table()]);
    expectRefused(
      singleText,
      state,
      { kind: 'amend', actor: H, proposal: 'text-1', amendments: { rafah: 'no' } },
      /"rafah" is not an issue/,
    );
    expectRefused(
      singleText,
      state,
      { kind: 'amend', actor: H, proposal: 'text-1', amendments: { withdrawal: 'total' } },
      /"total" is not a value/,
    );
    expectRefused(singleText, state, { kind: 'adjourn', actor: H, until: 5 }, /single-text has no "adjourn" action/);
  });

  it('ends at the deadline in rounds when the last allowed text is not agreed', () => {
    const { state, events } = drive(singleText, setup({ deadline: { rounds: 1 } }), [
      table(),
      answer('reject', I, 'text-1'),
      answer('accept', H, 'text-1'),
    ]);
    expect(state.end).toMatchObject({ reason: 'deadline', round: 1 });
    expect(last(events, 'deadline').audience).toEqual({ kind: 'all' });
  });

  it('ends at the deadline in time', () => {
    const { state } = drive(singleText, setup({ deadline: { time: 24 } }), [table(), { kind: 'tick', now: 24 }]);
    expect(state.end).toMatchObject({ reason: 'deadline', at: 24 });
  });

  it('ends when a party walks away, and refuses everything after', () => {
    const { state } = drive(singleText, setup(), [table(), { kind: 'end', actor: H }]);
    expect(state.end).toMatchObject({ reason: 'walk-away', by: 'Hamas' });
    expectRefused(singleText, state, answer('accept', I, 'text-1'), /the negotiation is over \(walk-away/);
  });

  it('keeps public statements apart from answers', () => {
    const { state, events } = drive(singleText, setup(), [
      table(),
      { kind: 'statement', actor: I, text: 'We cannot accept that' },
    ]);
    expect(last(events, 'statement')).toMatchObject({ audience: { kind: 'all' }, actor: I });
    expect(state.responses).toEqual({});
  });

  it('refuses to start without a mediator', () => {
    expect(() => singleText.init({ ...bareSetup(), roles: NO_ROLES })).toThrow(/needs at least one mediator/);
  });
});
