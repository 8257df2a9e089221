/**
 * Bargaining solutions over frontier points (rounded utilities). Solutions are frontier
 * points; where distinct points tie, the smaller vector in party order wins; where outcomes
 * reach the same vector, the first in the domain's value order.
 */
import { compareIndex, round9, type IndexedPoint } from './vectors.js';
import { largest } from '../core/extremes.js';

/**
 * The point maximising score, ties settled by `prefer` (default: first outcome in value
 * order); null when none.
 * Scores are rounded to 9 decimals like utilities, so that float noise in a sum or product
 * of rounded utilities does not decide between points that tie exactly.
 */
export function argmax(
  points: readonly IndexedPoint[],
  score: (p: IndexedPoint) => number,
  prefer: (a: IndexedPoint, b: IndexedPoint) => number = byValueOrder,
): IndexedPoint | null {
  let best: IndexedPoint | null = null;
  let bestScore = -Infinity;
  for (const p of points) {
    const s = round9(score(p));
    if (s > bestScore || (s === bestScore && best && prefer(p, best) < 0)) {
      best = p;
      bestScore = s;
    }
  }
  return best;
}

const byValueOrder = (a: IndexedPoint, b: IndexedPoint) => compareIndex(a.index, b.index);

/**
 * Distinct utility vectors tying on a solution's score: the one with the smaller utilities in
 * party order wins (the convention of the shared reference frontiers, where NiceOrDie's two
 * mirror points tie exactly); the same vector reached twice keeps its first outcome.
 */
function bySmallerVector(a: IndexedPoint, b: IndexedPoint): number {
  for (let i = 0; i < a.utilities.length; i++) {
    const d = a.utilities[i]! - b.utilities[i]!;
    if (d !== 0) return d;
  }
  return byValueOrder(a, b);
}

/** Points where every party gets at least its disagreement value. */
export function individuallyRational(points: readonly IndexedPoint[], d: readonly number[]): IndexedPoint[] {
  return points.filter((p) => p.utilities.every((u, i) => u >= round9(d[i]!)));
}

export function nashProduct(p: IndexedPoint, d: readonly number[]): number {
  return p.utilities.reduce((prod, u, i) => prod * (u - d[i]!), 1);
}

/** Nash: among points with u ≥ d, the greatest product of gains over d. */
export function nashOf(acceptable: readonly IndexedPoint[], d: readonly number[]): IndexedPoint | null {
  return argmax(individuallyRational(acceptable, d), (p) => nashProduct(p, d), bySmallerVector);
}

/** Best utility of each party over points with u ≥ d (the ideal point); null when none. */
export function idealOf(points: readonly IndexedPoint[], parties: number): number[] | null {
  if (points.length === 0) return null;
  return Array.from({ length: parties }, (_, i) => largest(points.map((p) => p.utilities[i]!)));
}

/**
 * Kalai–Smorodinsky: among points with u ≥ d, the greatest smallest share of each party's
 * possible gain (ideal − d). A party that can gain nothing counts as fully served.
 */
export function kalaiSmorodinskyOf(acceptable: readonly IndexedPoint[], d: readonly number[]): IndexedPoint | null {
  const rational = individuallyRational(acceptable, d);
  const ideal = idealOf(rational, d.length);
  if (!ideal) return null;
  return argmax(
    rational,
    (p) => Math.min(...p.utilities.map((u, i) => (ideal[i]! > d[i]! ? (u - d[i]!) / (ideal[i]! - d[i]!) : 1))),
    bySmallerVector,
  );
}

export function maxWelfareOf(points: readonly IndexedPoint[]): IndexedPoint | null {
  return argmax(points, (p) => p.utilities.reduce((a, b) => a + b, 0), bySmallerVector);
}

export function egalitarianOf(points: readonly IndexedPoint[]): IndexedPoint | null {
  return argmax(points, (p) => Math.min(...p.utilities), bySmallerVector);
}

/** Each party's best point among the given ones (party order). */
export function bestForEach(points: readonly IndexedPoint[], parties: number): IndexedPoint[] {
  if (points.length === 0) return [];
  return Array.from({ length: parties }, (_, i) => argmax(points, (p) => p.utilities[i]!)!);
}
