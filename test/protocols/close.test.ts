import { describe, expect, it } from 'vitest';
import { CONVENOR } from '../../src/protocols/moves/close.js';
import { registeredProtocols } from '../../src/protocols/registry.js';
import { saop } from '../../src/protocols/saop.js';
import { seatOf } from '../../src/protocols/seats.js';
import { shuttle } from '../../src/protocols/shuttle/index.js';
import { singleText } from '../../src/protocols/single-text.js';
import type { Action } from '../../src/protocols/types.js';
import { visibleTo } from '../../src/protocols/visibility.js';
import { bareSetup, cairoRoles, counter, deal, setup, CAIRO_SEATS } from '../session/support/fixtures.js';
import { continueRun, drive, expectRefused, kinds, last } from './support/drive.js';

const I = 'Israel-delegation';
const H = 'Hamas-delegation';
const REASON = 'The parties asked the convenor to end the round.';
const close = (actor = CONVENOR, reason = REASON): Action => ({ kind: 'close', actor, reason });

describe('the convenor closing the talks', () => {
  it('ends every protocol with the reason `closed`, told to every seat, and nothing is expected after', () => {
    for (const protocol of registeredProtocols()) {
      const s = setup();
      const run = drive(protocol, s, [close()]);
      const event = last(run.events, 'closed');
      expect(event).toMatchObject({ actor: CONVENOR, reason: REASON, audience: { kind: 'all' } });
      expect(event).not.toHaveProperty('lapsed');
      expect(protocol.events).toContain('closed');
      for (const role of CAIRO_SEATS) expect(visibleTo(event, seatOf(s, role).viewer), role).toBe(true);
      expect(visibleTo(event, { kind: 'observer' })).toBe(true);
      expect(run.state.end).toEqual({ reason: 'closed', by: CONVENOR, at: 0, round: 0 });
      expect(protocol.isOver(run.state)).toBe(true);
      expect(protocol.expected(run.state)).toEqual([]);
      expect(protocol.nextDue(run.state)).toBeNull();
      expect(kinds(run.events)).not.toContain('agreement');
    }
  });

  it('refuses every seat but the convenor, whatever it is, and tells only the refused seat’s side', () => {
    const { state } = drive(shuttle, setup(), [{ kind: 'table', actor: 'Egypt', text: deal, to: [] }]);
    for (const role of [...CAIRO_SEATS, 'Nobody'])
      expectRefused(shuttle, state, close(role), new RegExp(`only the convenor may close the talks; ${role} may not`));
    const refused = shuttle.reject(state, close(I), { code: 'PARLEY_E_INVALID_ACTION', reason: 'no' }).events[0]!;
    expect(refused.audience).toEqual({ kind: 'party', party: 'Israel' });
    // The convenor's own refusals (no reason given) reach its own seat alone, not the mediators.
    expectRefused(shuttle, state, close(CONVENOR, '  '), /closing the talks needs a reason/);
    const own = shuttle.reject(state, close(CONVENOR, ''), { code: 'PARLEY_E_INVALID_ACTION', reason: 'no' })
      .events[0]!;
    expect(own.audience).toEqual({ kind: 'seat', role: CONVENOR });
    for (const role of CAIRO_SEATS) expect(visibleTo(own, seatOf(setup(), role).viewer)).toBe(false);
  });

  it('cannot close talks that have already ended, nor reopen them', () => {
    const closed = drive(singleText, setup(), [close()]);
    expectRefused(singleText, closed.state, close(), /the negotiation is over \(closed/);
    expectRefused(singleText, closed.state, { kind: 'table', actor: 'Egypt', text: deal, to: [] }, /is over/);
    const walked = drive(saop, setup(), [{ kind: 'end', actor: I }]);
    expectRefused(saop, walked.state, close(), /the negotiation is over \(walk-away/);
  });

  it('is refused where a seat of the scenario is itself named "convenor"', () => {
    const roles = { ...cairoRoles, mediators: [...cairoRoles.mediators, { name: CONVENOR, channels: [] }] };
    const { state } = drive(singleText, setup({ roles }), []);
    expectRefused(singleText, state, close(), /a seat of this negotiation is named "convenor"/);
  });
});

describe('what a close does to an agreement in the making', () => {
  const tabled: Action[] = [{ kind: 'table', actor: 'Egypt', text: deal, to: [] }];

  it('shuttle: a package both delegations accepted and one decision body ratified lapses without agreement', () => {
    const run = drive(shuttle, setup(), [
      ...tabled,
      { kind: 'accept', actor: I, proposal: 'pkg-1' },
      { kind: 'accept', actor: H, proposal: 'pkg-1' },
      { kind: 'ratify', actor: 'War-cabinet', proposal: 'pkg-1' },
      { kind: 'table', actor: 'Egypt', text: counter, to: ['Hamas'] },
      close(),
    ]);
    expect(last(run.events, 'closed').lapsed).toEqual(['pkg-1']);
    expect(run.state.end).toMatchObject({ reason: 'closed' });
    expect(run.state.end).not.toHaveProperty('outcome');
    expect(kinds(run.events)).not.toContain('agreement');
    expectRefused(shuttle, run.state, { kind: 'ratify', actor: 'Hamas-leadership', proposal: 'pkg-1' }, /is over/);
  });

  it('shuttle: once every decision body has ratified, the agreement stands and there is nothing to close', () => {
    const run = drive(shuttle, setup(), [
      ...tabled,
      { kind: 'accept', actor: I, proposal: 'pkg-1' },
      { kind: 'accept', actor: H, proposal: 'pkg-1' },
      { kind: 'ratify', actor: 'War-cabinet', proposal: 'pkg-1' },
      { kind: 'ratify', actor: 'Hamas-leadership', proposal: 'pkg-1' },
    ]);
    expect(run.state.end).toMatchObject({ reason: 'agreement', proposal: 'pkg-1' });
    expectRefused(shuttle, run.state, close(), /the negotiation is over \(agreement/);
  });

  it('shuttle: closes delegations that are away, and their return timers stop', () => {
    const away = drive(shuttle, setup(), [...tabled, { kind: 'adjourn', actor: H, until: 40 }]);
    expect(shuttle.nextDue(away.state)).not.toBeNull();
    const run = continueRun(shuttle, away, [close()]);
    expect(shuttle.nextDue(run.state)).toBeNull();
    expect(kinds(run.events).slice(-1)).toEqual(['closed']);
    // A package nobody accepted does not lapse by the close: it was never more than a proposal.
    expect(last(run.events, 'closed')).not.toHaveProperty('lapsed');
  });

  it('single-text: a text some parties accepted lapses; one nobody accepted is not named', () => {
    const partly = drive(singleText, setup(), [...tabled, { kind: 'accept', actor: H, proposal: 'text-1' }, close()]);
    expect(last(partly.events, 'closed').lapsed).toEqual(['text-1']);
    const refused = drive(singleText, setup(), [...tabled, { kind: 'reject', actor: H, proposal: 'text-1' }, close()]);
    expect(last(refused.events, 'closed')).not.toHaveProperty('lapsed');
  });

  it('saop: closes on anybody’s turn; a standing offer some parties accepted lapses', () => {
    const three = bareSetup(['A', 'B', 'C']);
    const run = drive(saop, three, [
      { kind: 'offer', actor: 'A', outcome: deal },
      { kind: 'accept', actor: 'B', proposal: 'offer-1' },
      close(),
    ]);
    expect(last(run.events, 'closed').lapsed).toEqual(['offer-1']);
    expect(run.state.end).toMatchObject({ reason: 'closed', by: CONVENOR });
    const turn = drive(saop, bareSetup(), [{ kind: 'offer', actor: 'A', outcome: deal }, close()]);
    expect(last(turn.events, 'closed')).not.toHaveProperty('lapsed');
  });
});
