import { describe, expect, it } from 'vitest';
import {
  amendedIssues,
  answersTo,
  lastText,
  partyPositions,
  positionsOf,
  textOf,
} from '../../src/protocols/log-queries.js';
import { saop } from '../../src/protocols/saop.js';
import { shuttle } from '../../src/protocols/shuttle/index.js';
import { counter, deal, setup } from '../session/support/fixtures.js';
import { drive } from './support/drive.js';

const I = 'Israel-delegation';
const H = 'Hamas-delegation';

function shuttleLog() {
  return drive(shuttle, setup(), [
    { kind: 'table', actor: 'Egypt', text: deal, to: [] },
    { kind: 'amend', actor: H, proposal: 'pkg-1', amendments: { ceasefire: 'permanent' } },
    { kind: 'accept', actor: I, proposal: 'pkg-1' },
    { kind: 'refuse-ratification', actor: 'War-cabinet', proposal: 'pkg-1', reason: 'too far' },
    { kind: 'table', actor: 'Egypt', text: counter, to: ['Hamas'] },
    { kind: 'settle', actor: 'Technical-team', proposal: 'pkg-2', details: { captives: 25 } },
  ]).events;
}

describe('log queries', () => {
  it('finds the last text on the table, revisions included, and the text behind a proposal id', () => {
    const events = shuttleLog();
    expect(lastText(events)).toEqual({ proposal: 'pkg-2', by: 'Technical-team', text: { ...counter, captives: 25 } });
    expect(textOf(events, 'pkg-1')).toEqual(deal);
    expect(textOf(events, 'pkg-9')).toBeNull();
    expect(lastText([])).toBeNull();
  });

  it('reads each party\u2019s position: its offers, or the text it accepted or amended', () => {
    const events = shuttleLog();
    expect(partyPositions(events)).toEqual(
      new Map([
        ['Hamas', { ...deal, ceasefire: 'permanent' }],
        ['Israel', deal],
      ]),
    );
    expect(amendedIssues(events)).toEqual(['ceasefire']);
    const offers = drive(saop, setup({ roles: { ...setup().roles, mediators: [] } }), [
      { kind: 'offer', actor: I, outcome: deal },
      { kind: 'offer', actor: H, outcome: counter },
    ]).events;
    expect(positionsOf(offers).map((p) => [p.party, p.proposal])).toEqual([
      ['Israel', 'offer-1'],
      ['Hamas', 'offer-2'],
    ]);
  });

  it('lists every answer to a proposal in order, ratification refusals with their reasons', () => {
    expect(answersTo(shuttleLog(), 'pkg-1').map((a) => [a.actor, a.answer, a.reason])).toEqual([
      [H, 'amend', undefined],
      [I, 'accept', undefined],
      ['War-cabinet', 'refused to ratify', 'too far'],
    ]);
  });
});
