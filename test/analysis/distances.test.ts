import { describe, expect, it } from 'vitest';
import { analyze, distances } from '../../src/analysis/index.js';
import { bareScenario } from '../../src/core/scenario.js';
import { additive, party, talks } from './support/hand-built.js';

describe('distances in utility space', () => {
  const a = party(
    'A',
    additive(
      [0.5, 0.5, 0],
      [
        [1, 0.5, 0],
        [0, 0.5, 1],
        [0, 0],
      ],
    ),
  );
  const b = party(
    'B',
    additive(
      [0.5, 0.5, 0],
      [
        [0, 0.5, 1],
        [1, 0.5, 0],
        [0, 0],
      ],
    ),
  );
  const scenario = bareScenario('open', talks, [a, b]);
  const analysis = analyze(scenario);

  it('puts the Nash outcome at distance 0 from the frontier and from Nash', () => {
    const d = distances(analysis.nash!.outcome, analysis, scenario);
    expect(d.frontier).toBe(0);
    expect(d.nash).toBe(0);
  });

  it('measures a dominated outcome by its nearest frontier point', () => {
    // ceasefire=temporary, withdrawal=none: A gets 0.5, B gets 0.5 on the other issue.
    const outcome = { ceasefire: 'temporary', withdrawal: 'none', aid: 'low' };
    const d = distances(outcome, analysis, scenario);
    expect(d.utilities).toEqual([0.5, 0.5]);
    const nearest = Math.min(...analysis.frontier.map((p) => Math.hypot(p.utilities[0]! - 0.5, p.utilities[1]! - 0.5)));
    expect(d.frontier).toBeCloseTo(nearest, 12);
    expect(d.maxWelfare).toBeCloseTo(
      Math.hypot(analysis.maxWelfare!.utilities[0]! - 0.5, analysis.maxWelfare!.utilities[1]! - 0.5),
      12,
    );
  });
});
