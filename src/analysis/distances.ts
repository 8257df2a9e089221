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
  return distancesFrom(
    scenario.parties.map((p) => evaluateUtility(p.utility, outcome)),
    analysis,
  );
}

/** The same distances from a utility vector (the disagreement point, for talks that failed). */
export function distancesFrom(utilities: readonly number[], analysis: Analysis): Distances {
  const to = (p: FrontierPoint | null) => (p ? distanceBetween(p.utilities, utilities) : null);
  return {
    utilities,
    frontier: distanceToFrontier(utilities, analysis.frontier),
    nash: to(analysis.nash),
    kalaiSmorodinsky: to(analysis.kalaiSmorodinsky),
    maxWelfare: to(analysis.maxWelfare),
  };
}

/** Distance from a utility vector to the nearest frontier point; null for an empty frontier. */
export function distanceToFrontier(utilities: readonly number[], frontier: readonly FrontierPoint[]): number | null {
  let nearest: number | null = null;
  for (const p of frontier) {
    const d = distanceBetween(p.utilities, utilities);
    if (nearest === null || d < nearest) nearest = d;
  }
  return nearest;
}

function distanceBetween(a: readonly number[], b: readonly number[]): number {
  return Math.hypot(...a.map((x, i) => x - (b[i] ?? 0)));
}
