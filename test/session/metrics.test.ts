import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analysis/index.js';
import { utilityFor } from '../../src/core/party.js';
import { saop } from '../../src/protocols/saop.js';
import { shuttle } from '../../src/protocols/shuttle/index.js';
import {
  currentParties,
  distancesOf,
  openIssues,
  partyResults,
  remainingStickingPoints,
} from '../../src/session/metrics.js';
import { drive } from '../protocols/support/drive.js';
import { counter, deal, hamas, israel, rocketAttack, scenario, setup } from './support/fixtures.js';

describe('negotiation metrics', () => {
  it('finds the issues on which the last offers still differ', () => {
    const { events } = drive(saop, setup(), [
      { kind: 'offer', actor: 'Israel-delegation', outcome: deal },
      { kind: 'offer', actor: 'Hamas-delegation', outcome: { ...deal, ceasefire: 'permanent' } },
    ]);
    expect(openIssues(events, [israel, hamas])).toEqual(['ceasefire']);
  });

  it('reads positions from answers to tabled packages and their amendments', () => {
    const { events } = drive(shuttle, setup(), [
      { kind: 'table', actor: 'Egypt', text: deal, to: [] },
      { kind: 'amend', actor: 'Hamas-delegation', proposal: 'pkg-1', amendments: { withdrawal: 'full' } },
    ]);
    expect(openIssues(events, [israel, hamas])).toEqual(['withdrawal']);
    const both = drive(shuttle, setup(), [
      { kind: 'table', actor: 'Egypt', text: deal, to: [] },
      { kind: 'amend', actor: 'Hamas-delegation', proposal: 'pkg-1', amendments: { withdrawal: 'full', captives: 20 } },
      { kind: 'accept', actor: 'Israel-delegation', proposal: 'pkg-1' },
    ]);
    expect(openIssues(both.events, [israel, hamas])).toEqual(['captives', 'withdrawal']);
  });

  it('counts an issue as open where the last text crosses a party red line, though nobody amended it', () => {
    const { events } = drive(shuttle, setup(), [
      { kind: 'table', actor: 'Egypt', text: deal, to: [] },
      { kind: 'reject', actor: 'Hamas-delegation', proposal: 'pkg-1' },
    ]);
    const strict = { ...hamas, redLines: [{ id: 'end', issue: 'ceasefire', allowed: ['permanent'] }] };
    expect(openIssues(events, [israel, hamas])).toEqual([]);
    expect(openIssues(events, [israel, strict])).toEqual(['ceasefire']);
  });

  it('scores no agreement at the reservation values, discounted where the profile discounts', () => {
    const results = partyResults([israel, hamas], null, 0.5);
    expect(results).toEqual([
      { party: 'Israel', utility: 0.3, discounted: 0.3 * Math.pow(0.9, 0.5) },
      { party: 'Hamas', utility: 0.2, discounted: 0.2 },
    ]);
    expect(partyResults([israel], counter, 0)[0]!.utility).toBe(utilityFor(israel, counter));
  });

  it('scores with the preferences as outside events left them', () => {
    const parties = currentParties(scenario(), rocketAttack.effects);
    expect(parties[0]!.reservation).toBeCloseTo(0.5, 12);
    expect(parties[1]).toEqual(hamas);
  });

  it('measures a failed negotiation from the disagreement point, and keeps only sticking points still open', () => {
    const s = scenario();
    const analysis = analyze(s);
    const d = distancesOf(s, s.parties, analysis, null);
    const nash = analysis.nash!.utilities;
    expect(d.nash).toBeCloseTo(Math.hypot(nash[0]! - 0.3, nash[1]! - 0.2), 12);
    expect(d.frontier!).toBeLessThanOrEqual(d.nash!);
    const open = remainingStickingPoints(analysis, ['ceasefire']);
    expect(open.map((p) => p.issue)).toEqual(['ceasefire']);
  });
});
