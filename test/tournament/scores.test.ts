import { describe, expect, it } from 'vitest';
import { agentScores, headToHead, mediatorScores } from '../../src/tournament/scores.js';
import type { NegotiationRow } from '../../src/tournament/types.js';

let index = 0;
/** A row with the fields the scores read; the rest as a real row would have them. */
function row(agents: string[], utilities: number[], agreement = true, mediator: string | null = null): NegotiationRow {
  const i = index++;
  return {
    id: `n${i}`,
    index: i,
    scenario: 's',
    protocol: mediator ? 'single-text' : 'saop',
    parties: agents.map((_, k) => `p${k + 1}`),
    agents,
    mediator,
    seed: 1,
    agreement,
    endReason: agreement ? 'agreement' : 'deadline',
    outcome: null,
    utilities,
    discounted: utilities.map((u) => u / 2),
    welfare: utilities.reduce((a, b) => a + b, 0),
    rounds: 10,
    time: 10,
    frontierDistance: 0.1,
    nashDistance: agreement ? 0.2 : null,
    seconds: 0.001,
  };
}

const rows = [
  row(['a', 'b'], [0.9, 0.3]),
  row(['b', 'a'], [0.5, 0.7]),
  row(['a', 'a'], [0.6, 0.6]),
  row(['b', 'b'], [0.2, 0.2], false),
];

describe('ANAC scores', () => {
  it('counts every seat an agent plays and ranks by mean individual utility', () => {
    const scores = agentScores(rows, ['b', 'a']);
    expect(scores.map((s) => [s.rank, s.agent, s.n])).toEqual([
      [1, 'a', 4],
      [2, 'b', 4],
    ]);
    const a = scores[0]!.metrics;
    expect(a.utility!.mean).toBeCloseTo((0.9 + 0.7 + 0.6 + 0.6) / 4, 12);
    expect(a.discounted!.mean).toBeCloseTo(a.utility!.mean / 2, 12);
    expect(a.agreement!.mean).toBe(1);
    expect(scores[1]!.metrics.agreement!.mean).toBe(0.5);
    // Distances to Nash are missing where there is none: two observations, not four.
    expect(scores[1]!.metrics.nashDistance!.n).toBe(2);
  });

  it('gives each agent its mean utility against each opponent', () => {
    const m = headToHead(rows, ['a', 'b']);
    expect(m[0]![1]).toBeCloseTo((0.9 + 0.7) / 2, 12);
    expect(m[1]![0]).toBeCloseTo((0.3 + 0.5) / 2, 12);
    expect(m[0]![0]).toBeCloseTo(0.6, 12);
    expect(m[1]![1]).toBeCloseTo(0.2, 12);
    expect(headToHead(rows, ['a', 'b', 'c'])[2]).toEqual([null, null, null]);
  });

  it('scores mediators on the sessions they mediated only', () => {
    const mediated = [...rows, row(['a', 'b'], [0.8, 0.8], true, 'm'), row(['b', 'a'], [0, 0], false, 'm')];
    const [m, ...rest] = mediatorScores(mediated, ['m', 'unused']);
    expect(rest).toEqual([]);
    expect(m!.n).toBe(2);
    expect(m!.metrics.agreement!.mean).toBe(0.5);
    expect(m!.metrics.welfare!.mean).toBeCloseTo(0.8, 12);
  });
});
