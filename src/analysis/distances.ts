import type { Outcome } from '../core/domain.js';
import type { Scenario } from '../core/scenario.js';
import { evaluateUtility } from '../core/utility.js';
import type { Analysis, FrontierPoint } from './types.js';

/** Euclidean distances in utility space from one outcome to the analysis' landmarks. */
export interface Distances {
  readonly utilities: readonly number[];
  /** To the nearest frontier point; null when the frontier is empty. */
  readonly frontier: number | null;
  readonly nash: number | null;
  readonly kalaiSmorodinsky: number | null;
  readonly maxWelfare: number | null;
}

/**
 * How far an outcome lies from the frontier and the solutions. The scenario supplies the
 * utility functions (an analysis holds only their results).
 */
export function distances(outcome: Outcome, analysis: Analysis, scenario: Scenario): Distances {
  const u = scenario.parties.map((p) => evaluateUtility(p.utility, outcome));
  const to = (p: FrontierPoint | null) => (p ? Math.hypot(...p.utilities.map((x, i) => x - u[i]!)) : null);
  const nearest = analysis.frontier.reduce<number | null>((best, p) => {
    const dist = to(p)!;
    return best === null || dist < best ? dist : best;
  }, null);
  return {
    utilities: u,
    frontier: nearest,
    nash: to(analysis.nash),
    kalaiSmorodinsky: to(analysis.kalaiSmorodinsky),
    maxWelfare: to(analysis.maxWelfare),
  };
}
