import { describe, expect, it } from 'vitest';
import { justAfter } from '../../src/protocols/base.js';
import { saop } from '../../src/protocols/saop.js';
import { shuttle } from '../../src/protocols/shuttle/index.js';
import { singleText } from '../../src/protocols/single-text.js';
import type { Action } from '../../src/protocols/types.js';
import { bareSetup, deal, setup } from '../session/support/fixtures.js';
import { continueRun, drive, expectRefused, kinds, last } from './support/drive.js';

const I = 'Israel-delegation';
const H = 'Hamas-delegation';
const tableAll: Action = { kind: 'table', actor: 'Egypt', text: deal, to: [] };
const adjournTalks = (actor: string, until: number, parties?: string[]): Action => ({
  kind: 'adjourn-talks',
  actor,
  until,
  parties,
  reason: 'consult capitals',
});

describe('a mediator adjourning the talks', () => {
  it('sends every party it speaks with away to consult, in public, with its decision body told', () => {
    const run = drive(shuttle, setup(), [tableAll, adjournTalks('Egypt', 24)]);
    expect(kinds(run.events).slice(-3)).toEqual(['talks-adjourned', 'consultation', 'consultation']);
    expect(last(run.events, 'talks-adjourned')).toMatchObject({
      audience: { kind: 'all' },
      actor: 'Egypt',
      parties: ['Israel', 'Hamas'],
      until: 24,
      reason: 'consult capitals',
    });
    const consultations = run.events.filter((e) => e.kind === 'consultation');
    expect(consultations.map((e) => [e.audience, e.proposal])).toEqual([
      [{ kind: 'decision-body', body: 'War-cabinet' }, 'pkg-1'],
      [{ kind: 'decision-body', body: 'Hamas-leadership' }, 'pkg-1'],
    ]);
    for (const role of [I, H])
      expect(shuttle.expected(run.state).find((e) => e.role === role)?.may).toEqual(['return']);
  });

  it('adjourns only the parties it names, and only those it has a channel to', () => {
    const run = drive(shuttle, setup(), [adjournTalks('Qatar', 10)]);
    expect(last(run.events, 'talks-adjourned').parties).toEqual(['Hamas']);
    expect(Object.keys(run.state.adjourned)).toEqual(['Hamas']);
    const named = drive(shuttle, setup(), [adjournTalks('Egypt', 10, ['Israel'])]);
    expect(Object.keys(named.state.adjourned)).toEqual(['Israel']);
    expectRefused(shuttle, named.state, adjournTalks('Qatar', 10, ['Israel']), /Qatar has no channel to Israel/);
  });

  it('refuses an adjournment by anyone but a mediator, to a time not after now, or of a party already away', () => {
    const { state } = drive(shuttle, setup(), [{ kind: 'tick', now: 5 }, adjournTalks('Egypt', 10, ['Israel'])]);
    expectRefused(shuttle, state, adjournTalks(H, 20), /only a mediator may adjourn the talks/);
    expectRefused(shuttle, state, adjournTalks('War-cabinet', 20), /only a mediator may adjourn the talks/);
    expectRefused(shuttle, state, adjournTalks('Egypt', 5, ['Hamas']), /after now \(5\), got 5/);
    expectRefused(shuttle, state, adjournTalks('Egypt', Number.NaN, ['Hamas']), /after now/);
    expectRefused(shuttle, state, adjournTalks('Egypt', 20), /Israel's delegation is already adjourned until time 10/);
    expectRefused(shuttle, state, adjournTalks('Egypt', 20, ['Gaza']), /"Gaza" is not a party/);
  });

  it('holds the parties to the return deadline as the clock runs: a missed return lapses the package', () => {
    const run = drive(shuttle, setup(), [tableAll, adjournTalks('Egypt', 24)]);
    expect(shuttle.nextDue(run.state)).toBe(justAfter(24));
    const back = continueRun(shuttle, run, [
      { kind: 'return', actor: I },
      { kind: 'tick', now: 30 },
    ]);
    const missed = back.events.filter((e) => e.kind === 'return-missed');
    expect(missed.map((e) => [e.party, e.lapsed, e.audience.kind])).toEqual([['Hamas', 'pkg-1', 'all']]);
    expect(back.state.packages[0]!.lapsed).toEqual({ party: 'Hamas', at: 30 });
    expectRefused(
      shuttle,
      back.state,
      { kind: 'accept', actor: I, proposal: 'pkg-1' },
      /pkg-1 lapsed at time 30 when Hamas's delegation missed its return/,
    );
  });

  it('keeps an adjourned delegation from the table but lets it keep notes and share its preferences', () => {
    const { state } = drive(shuttle, setup(), [tableAll, adjournTalks('Egypt', 24)]);
    const respond: Action = {
      kind: 'respond',
      actor: H,
      proposal: 'pkg-1',
      issues: { ceasefire: { answer: 'accept' }, captives: { answer: 'accept' }, withdrawal: { answer: 'accept' } },
    };
    expectRefused(shuttle, state, respond, /Hamas-delegation is adjourned until time 24/);
    expect(shuttle.step(state, { kind: 'note', actor: H, text: 'ask Doha about lists' }).ok).toBe(true);
    expect(shuttle.expected(state).find((e) => e.role === H)?.also).toEqual(['note', 'share-preferences']);
  });

  it('belongs to shuttle talks only', () => {
    const st = drive(singleText, setup(), []);
    expectRefused(singleText, st.state, adjournTalks('Egypt', 10), /single-text has no "adjourn-talks" action/);
    const sa = drive(saop, bareSetup(), []);
    expectRefused(saop, sa.state, adjournTalks('A', 10), /saop has no "adjourn-talks" action/);
  });
});
