import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analysis/index.js';
import { loadInput } from '../../src/formats/input.js';
import { limitsText, solutionTies, tiedPoints, tieTolerance, tiesText } from '../../src/report/analysis/ties.js';

const point = (...utilities: number[]) => ({ utilities, outcome: {} });

describe('ties between bargaining solutions', () => {
  it('counts sums that differ only by the rounding of their terms as a tie', () => {
    // 2/7 + 6/7 and 4/7 + 4/7 are both 8/7; rounded to 9 decimals their sums differ in the last place.
    const points = [point(0.285714286, 0.857142857), point(0.571428571, 0.571428571), point(0.5, 0.6)];
    const sum = (u: readonly number[]) => u[0]! + u[1]!;
    expect(tiedPoints(points, sum, tieTolerance(2))).toHaveLength(2);
    expect(tiedPoints(points, sum, 0)).toHaveLength(1);
  });

  it('puts cairo-2024’s egalitarian point among the tied max-welfare points and shows each party’s range', () => {
    const scenario = loadInput(['cairo-2024']);
    const analysis = analyze(scenario, { timeLimit: 20 });
    const welfare = solutionTies(scenario, analysis).find((t) => t.solution === 'Max welfare');
    expect(welfare).toBeDefined();
    const key = (u: readonly number[]) => u.map((x) => x.toFixed(9)).join(',');
    expect(welfare!.points.map((p) => key(p.utilities))).toContain(key(analysis.egalitarian!.utilities));
    const text = tiesText(scenario, solutionTies(scenario, analysis), 1000);
    expect(text).toMatch(
      /Max welfare: \d+ frontier points tie; across them Israel \d\.\d{3}–\d\.\d{3}, Hamas \d\.\d{3}–\d\.\d{3}\./,
    );
    expect(text).toMatch(/smallest utility vector in party order/);
  });

  it('says when max welfare or egalitarian crosses a red line or falls below a walk-away value', () => {
    const scenario = loadInput(['cairo-2024']);
    const analysis = analyze(scenario, { timeLimit: 20 });
    expect(limitsText(scenario, analysis, 200)).toMatch(
      /^ *Max welfare crosses (the red line|red lines) .*so not every party could sign it\./m,
    );
  });
});
