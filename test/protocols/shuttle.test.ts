import { describe, expect, it } from 'vitest';
import { NO_ROLES } from '../../src/core/roles.js';
import { shuttle } from '../../src/protocols/shuttle/index.js';
import type { Action } from '../../src/protocols/types.js';
import { filterEvents } from '../../src/protocols/visibility.js';
import { cairoRoles, counter, deal, setup } from '../session/support/fixtures.js';
import { continueRun, drive, expectRefused, kinds, last } from './support/drive.js';

const I = 'Israel-delegation';
const H = 'Hamas-delegation';
const tableAll: Action = { kind: 'table', actor: 'Egypt', text: deal, to: [] };
const accept = (actor: string, proposal = 'pkg-1'): Action => ({ kind: 'accept', actor, proposal });
const ratify = (actor: string, proposal = 'pkg-1'): Action => ({ kind: 'ratify', actor, proposal });
const bothAccepted = [tableAll, accept(H), accept(I)];

describe('shuttle', () => {
  it('tables a phased package to each party separately and refers phase details to the working group', () => {
    const { events } = drive(shuttle, setup(), [tableAll]);
    const tabled = events.filter((e) => e.kind === 'package-tabled');
    expect(tabled.map((e) => e.audience)).toEqual([
      { kind: 'party', party: 'Israel' },
      { kind: 'party', party: 'Hamas' },
    ]);
    expect(last(events, 'package-tabled').byPhase).toEqual({
      'phase-1': { ceasefire: 'pause', captives: 33 },
      'phase-2': { withdrawal: 'partial' },
    });
    expect(last(events, 'phase-referred')).toMatchObject({
      audience: { kind: 'working-group', group: 'Technical-team' },
      issues: ['ceasefire', 'captives'],
      details: { ceasefire: 'pause', captives: 33 },
    });
  });

  it('sends a delegation\u2019s answer to the mediators only and asks its decision body to ratify an acceptance', () => {
    const { events } = drive(shuttle, setup(), [tableAll, accept(H)]);
    expect(last(events, 'package-response')).toMatchObject({
      audience: { kind: 'mediators' },
      answer: 'accept',
      party: 'Hamas',
    });
    expect(last(events, 'ratification-requested')).toMatchObject({
      audience: { kind: 'decision-body', body: 'Hamas-leadership' },
      proposal: 'pkg-1',
    });
  });

  it('binds a package accepted by a delegation only after its decision body ratifies it', () => {
    const accepted = drive(shuttle, setup(), bothAccepted);
    expect(shuttle.isOver(accepted.state)).toBe(false);
    expect(kinds(accepted.events)).not.toContain('agreement');
    const one = continueRun(shuttle, accepted, [ratify('Hamas-leadership')]);
    expect(one.state.end).toBeNull();
    expect(last(one.events, 'ratified').audience).toEqual({ kind: 'party', party: 'Hamas' });
    const both = continueRun(shuttle, one, [ratify('War-cabinet')]);
    expect(both.state.end).toMatchObject({ reason: 'agreement', proposal: 'pkg-1', outcome: deal });
    expect(last(both.events, 'agreement').audience).toEqual({ kind: 'all' });
  });

  it('asks each decision body about the package its delegation accepted', () => {
    const { state } = drive(shuttle, setup(), bothAccepted);
    const bodies = shuttle.expected(state).filter((e) => e.role === 'War-cabinet' || e.role === 'Hamas-leadership');
    const also = ['mandate', 'note'];
    expect(bodies).toEqual([
      { role: 'War-cabinet', may: ['ratify', 'refuse-ratification', 'statement'], proposal: 'pkg-1', also },
      { role: 'Hamas-leadership', may: ['ratify', 'refuse-ratification', 'statement'], proposal: 'pkg-1', also },
    ]);
  });

  it('rejects ratification of a package the delegation has not accepted', () => {
    const { state } = drive(shuttle, setup(), [tableAll]);
    expectRefused(
      shuttle,
      state,
      ratify('War-cabinet'),
      /Israel's delegation has not accepted pkg-1; there is nothing to ratify/,
    );
    expectRefused(shuttle, state, ratify(I), /only a party's decision body may ratify/);
  });

  it('sends a refused package back to the delegation, which may no longer accept it', () => {
    const run = drive(shuttle, setup(), [
      ...bothAccepted,
      { kind: 'refuse-ratification', actor: 'War-cabinet', proposal: 'pkg-1', reason: 'Rafah' },
    ]);
    expect(last(run.events, 'ratification-refused')).toMatchObject({
      audience: { kind: 'party', party: 'Israel' },
      reason: 'Rafah',
    });
    expect(shuttle.expected(run.state).find((e) => e.role === I)).toMatchObject({
      may: ['reject', 'amend', 'respond', 'adjourn', 'statement', 'end'],
      proposal: 'pkg-1',
    });
    expectRefused(shuttle, run.state, accept(I), /refused to ratify pkg-1; its delegation may reject or amend it/);
    const after = continueRun(shuttle, run, [
      { kind: 'amend', actor: I, proposal: 'pkg-1', amendments: { withdrawal: 'none' } },
    ]);
    expect(last(after.events, 'package-response').amendmentsByPhase).toEqual({ 'phase-2': { withdrawal: 'none' } });
  });

  it('does not let an adjourned delegation act until it returns', () => {
    const run = drive(shuttle, setup(), [tableAll, { kind: 'adjourn', actor: H, until: 20, reason: 'consult Doha' }]);
    expect(last(run.events, 'adjourned')).toMatchObject({ audience: { kind: 'all' }, until: 20 });
    expect(last(run.events, 'consultation')).toMatchObject({
      audience: { kind: 'decision-body', body: 'Hamas-leadership' },
      proposal: 'pkg-1',
      reason: 'consult Doha',
    });
    expect(shuttle.expected(run.state).find((e) => e.role === H)).toEqual({
      role: H,
      may: ['return'],
      also: ['note', 'share-preferences'],
    });
    expectRefused(
      shuttle,
      run.state,
      accept(H),
      /Hamas-delegation is adjourned until time 20 to consult; it cannot accept until it returns/,
    );
    expectRefused(shuttle, run.state, { kind: 'statement', actor: H, text: 'x' }, /adjourned/);
    expectRefused(shuttle, run.state, { kind: 'adjourn', actor: H, until: 30 }, /adjourned/);
    const back = continueRun(shuttle, run, [{ kind: 'tick', now: 20 }, { kind: 'return', actor: H }, accept(H)]);
    expect(kinds(back.events)).not.toContain('return-missed');
    expect(last(back.events, 'package-response').answer).toBe('accept');
  });

  it('lapses the package a delegation was considering when it misses its return time', () => {
    const run = drive(shuttle, setup(), [
      tableAll,
      { kind: 'adjourn', actor: H, until: 20 },
      { kind: 'tick', now: 21 },
    ]);
    expect(last(run.events, 'return-missed')).toMatchObject({
      audience: { kind: 'all' },
      party: 'Hamas',
      until: 20,
      lapsed: 'pkg-1',
    });
    expectRefused(shuttle, run.state, accept(I), /pkg-1 lapsed at time 21 when Hamas's delegation missed its return/);
    expectRefused(shuttle, run.state, accept(H), /adjourned/);
    const back = continueRun(shuttle, run, [
      { kind: 'tick', now: 30 },
      { kind: 'return', actor: H },
    ]);
    expect(back.events.filter((e) => e.kind === 'return-missed')).toHaveLength(1);
    expect(shuttle.expected(back.state).find((e) => e.role === H)?.proposal).toBeUndefined();
  });

  it('rejects an adjournment that ends in the past and a return without adjournment', () => {
    const { state } = drive(shuttle, setup(), [{ kind: 'tick', now: 5 }]);
    expectRefused(shuttle, state, { kind: 'adjourn', actor: H, until: 5 }, /must end after now \(5\)/);
    expectRefused(shuttle, state, { kind: 'return', actor: H }, /Hamas-delegation is not adjourned/);
  });

  it('refuses a party sending anything to another party directly', () => {
    const { state } = drive(shuttle, setup(), [tableAll]);
    expectRefused(
      shuttle,
      state,
      { kind: 'relay', actor: H, to: 'Israel', message: 'end the war' },
      /parties talk only to mediators.*cannot send to Israel directly/,
    );
    expectRefused(
      shuttle,
      state,
      { kind: 'table', actor: I, text: deal, to: ['Hamas'] },
      /parties talk only to mediators/,
    );
    expectRefused(shuttle, state, { kind: 'offer', actor: I, outcome: deal }, /no direct offers/);
  });

  it('lets a mediator reach only the parties it has channels to', () => {
    const { state } = drive(shuttle, setup(), []);
    expectRefused(
      shuttle,
      state,
      { kind: 'table', actor: 'Qatar', text: deal, to: ['Israel'] },
      /Qatar has no channel to Israel/,
    );
    expectRefused(shuttle, state, { kind: 'relay', actor: 'Qatar', to: 'Israel', message: 'hi' }, /no channel/);
    const run = drive(shuttle, setup(), [{ kind: 'table', actor: 'Qatar', text: deal, to: [] }]);
    expect(run.events.filter((e) => e.kind === 'package-tabled').map((e) => e.audience)).toEqual([
      { kind: 'party', party: 'Hamas' },
    ]);
  });

  it('relays a position in the mediator\u2019s words to one party and its mediators', () => {
    const { events } = drive(shuttle, setup(), [
      tableAll,
      { kind: 'relay', actor: 'Egypt', to: 'Israel', message: 'They ask for an end to the war', about: 'pkg-1' },
    ]);
    expect(last(events, 'relayed')).toMatchObject({ audience: { kind: 'party', party: 'Israel' }, about: 'pkg-1' });
  });

  it('rejects answers to unknown packages, packages not tabled to the party, and second answers', () => {
    const run = drive(shuttle, setup(), [
      { kind: 'table', actor: 'Qatar', text: deal, to: ['Hamas'] },
      { kind: 'reject', actor: H, proposal: 'pkg-1' },
    ]);
    expectRefused(shuttle, run.state, accept(H, 'pkg-7'), /unknown proposal "pkg-7"/);
    expectRefused(shuttle, run.state, accept(I), /pkg-1 was not tabled to Israel/);
    expectRefused(shuttle, run.state, accept(H), /Hamas has already answered pkg-1 \(reject\)/);
    expectRefused(
      shuttle,
      run.state,
      { kind: 'table', actor: 'Egypt', text: { ...deal, ceasefire: 'truce' }, to: [] },
      /not a value of issue "ceasefire"/,
    );
  });

  it('lets a working group settle its phase\u2019s details, revising the text for every party', () => {
    const run = drive(shuttle, setup(), [
      tableAll,
      { kind: 'reject', actor: H, proposal: 'pkg-1' },
      { kind: 'settle', actor: 'Technical-team', proposal: 'pkg-1', details: { captives: 25 } },
    ]);
    expect(last(run.events, 'settled').audience).toEqual({ kind: 'working-group', group: 'Technical-team' });
    expect(run.events.filter((e) => e.kind === 'package-revised').map((e) => e.audience)).toEqual([
      { kind: 'party', party: 'Israel' },
      { kind: 'party', party: 'Hamas' },
    ]);
    expect(run.state.packages[0]!.text).toEqual({ ...deal, captives: 25 });
    expect(run.state.packages[0]!.answers).toEqual({});
    expectRefused(
      shuttle,
      run.state,
      { kind: 'settle', actor: 'Technical-team', proposal: 'pkg-1', details: { withdrawal: 'full' } },
      /issue "withdrawal" is outside/,
    );
    const accepted = continueRun(shuttle, run, [accept(I)]);
    expectRefused(
      shuttle,
      accepted.state,
      { kind: 'settle', actor: 'Technical-team', proposal: 'pkg-1', details: { captives: 30 } },
      /can no longer change: a delegation has accepted it/,
    );
    expectRefused(
      shuttle,
      accepted.state,
      { kind: 'settle', actor: 'Egypt', proposal: 'pkg-1', details: { captives: 30 } },
      /only a working group/,
    );
  });

  it('counts a round once every party answered, and ends at the round deadline', () => {
    const run = drive(shuttle, setup({ deadline: { rounds: 2 } }), [
      tableAll,
      { kind: 'reject', actor: H, proposal: 'pkg-1' },
    ]);
    expect(run.state.round).toBe(0);
    const one = continueRun(shuttle, run, [
      { kind: 'amend', actor: I, proposal: 'pkg-1', amendments: { withdrawal: 'none' } },
    ]);
    expect(one.state.round).toBe(1);
    const two = continueRun(shuttle, one, [
      { kind: 'table', actor: 'Egypt', text: counter, to: [] },
      { kind: 'reject', actor: H, proposal: 'pkg-2' },
      { kind: 'reject', actor: I, proposal: 'pkg-2' },
    ]);
    expect(two.state.end).toMatchObject({ reason: 'deadline', round: 2 });
  });

  it('ends at the deadline in time, and on a walk-away', () => {
    expect(drive(shuttle, setup({ deadline: { time: 72 } }), [{ kind: 'tick', now: 80 }]).state.end).toMatchObject({
      reason: 'deadline',
      at: 80,
    });
    const walked = drive(shuttle, setup(), [{ kind: 'end', actor: I, reason: 'red line' }]);
    expect(walked.state.end).toMatchObject({ reason: 'walk-away', by: 'Israel' });
    expectRefused(shuttle, walked.state, tableAll, /over/);
    expectRefused(
      shuttle,
      drive(shuttle, setup(), []).state,
      { kind: 'end', actor: 'Egypt' },
      /only a delegation may end/,
    );
  });

  it('keeps public statements apart from private positions', () => {
    const { state, events } = drive(shuttle, setup(), [
      tableAll,
      { kind: 'statement', actor: 'War-cabinet', text: 'Israel cannot accept that' },
    ]);
    expect(last(events, 'statement').audience).toEqual({ kind: 'all' });
    expect(state.packages[0]!.answers).toEqual({});
    expectRefused(shuttle, state, { kind: 'statement', actor: 'Press', text: 'x' }, /has no seat/);
  });

  it('binds on acceptance alone for a party without a decision body', () => {
    const roles = { ...NO_ROLES, mediators: [{ name: 'Egypt', channels: [] }] };
    const run = drive(shuttle, setup({ roles }), [tableAll, accept('Israel')]);
    expect(last(run.events, 'ratified')).toMatchObject({ actor: 'Israel', party: 'Israel' });
    const done = continueRun(shuttle, run, [accept('Hamas')]);
    expect(done.state.end?.reason).toBe('agreement');
  });

  it('never shows one party another party\u2019s answers, only what a mediator relays', () => {
    const run = drive(shuttle, setup(), [
      tableAll,
      { kind: 'amend', actor: H, proposal: 'pkg-1', amendments: { ceasefire: 'permanent' } },
      { kind: 'relay', actor: 'Egypt', to: 'Israel', message: 'They want the war to end' },
      { kind: 'adjourn', actor: H, until: 40 },
    ]);
    const seenByIsrael = filterEvents(run.events, { kind: 'party', party: 'Israel', role: I });
    expect(kinds(seenByIsrael)).toEqual(['started', 'package-tabled', 'relayed', 'adjourned']);
    expect(
      seenByIsrael.every(
        (e) => e.audience.kind === 'all' || (e.audience.kind === 'party' && e.audience.party === 'Israel'),
      ),
    ).toBe(true);
    expect(JSON.stringify(seenByIsrael)).not.toContain('permanent');
  });

  it('treats an absent delegation by the same rules', () => {
    expect(cairoRoles.delegations[0]!.present).toBe(false);
    const { state } = drive(shuttle, setup(), [tableAll, accept(I)]);
    expect(state.packages[0]!.answers).toEqual({ Israel: 'accept' });
  });
});
