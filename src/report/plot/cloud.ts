import { outcomeCount, outcomeFromIndex } from '../../core/domain.js';
import { issueSize } from '../../core/issue.js';
import { redLinesCrossed } from '../../core/party.js';
import { Random } from '../../core/random.js';
import type { Scenario } from '../../core/scenario.js';
import { evaluateUtility, type UtilityFunction } from '../../core/utility.js';

export interface OutcomeCloud {
  /** Utility vectors, in party order. */
  readonly points: readonly (readonly number[])[];
  /** Whether each point is acceptable to every party (in the zone of possible agreement). */
  readonly acceptable: readonly boolean[];
  /** All outcomes (false) or a seeded sample of them (true). */
  readonly sampled: boolean;
}

export interface CloudOptions {
  /** Most outcomes to draw (default 2000). */
  readonly max?: number;
  readonly seed?: number;
  /** Most single evaluation steps to spend (default 4 million); beyond it no cloud is drawn. */
  readonly budget?: number;
}

/** Rough cost of one evaluation: the issues an additive function sums, or the rectangles it checks. */
function evaluationCost(fn: UtilityFunction): number {
  return fn.kind === 'additive'
    ? Object.keys(fn.weights).length
    : fn.rectangles.reduce((n, r) => n + Object.keys(r.bounds).length, 0);
}

/**
 * The outcomes drawn as a light cloud behind the frontier: all of them when there are
 * few, else a seeded sample, and none when evaluating even the sample would be slow.
 */
export function outcomeCloud(scenario: Scenario, options: CloudOptions = {}): OutcomeCloud | null {
  const max = options.max ?? 2000;
  const total = outcomeCount(scenario.domain);
  const sampled = total > BigInt(max);
  const n = sampled ? max : Number(total);
  const cost = scenario.parties.reduce((c, p) => c + evaluationCost(p.utility), 0);
  if (n * cost > (options.budget ?? 4_000_000)) return null;
  const sizes = scenario.domain.issues.map(issueSize);
  const random = new Random(options.seed ?? 1);
  const points: number[][] = [];
  const acceptable: boolean[] = [];
  for (let k = 0; k < n; k++) {
    const index = sampled ? sizes.map((s) => random.int(s)) : mixedRadix(k, sizes);
    const outcome = outcomeFromIndex(scenario.domain, index);
    const utilities = scenario.parties.map((p) => evaluateUtility(p.utility, outcome));
    points.push(utilities);
    acceptable.push(
      scenario.parties.every((p, i) => utilities[i]! >= p.reservation && redLinesCrossed(p, outcome).length === 0),
    );
  }
  return { points, acceptable, sampled };
}

/** The k-th outcome in enumeration order (last issue varies fastest). */
function mixedRadix(k: number, sizes: readonly number[]): number[] {
  const index = new Array<number>(sizes.length).fill(0);
  for (let i = sizes.length - 1; i >= 0; i--) {
    index[i] = k % sizes[i]!;
    k = Math.floor(k / sizes[i]!);
  }
  return index;
}
