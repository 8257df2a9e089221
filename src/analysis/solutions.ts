/**
 * Bargaining solutions over frontier points (rounded utilities). Solutions are frontier
 * points; where several tie, the first outcome in the domain's value order wins.
 */
import { compareIndex, round9, type IndexedPoint } from './vectors.js';

/**
 * The point maximising score, ties to the first outcome in value order; null when none.
 * Scores are rounded to 9 decimals like utilities, so that float noise in a sum or product
 * of rounded utilities does not decide between points that tie exactly.
 */
export function argmax(points: readonly IndexedPoint[], score: (p: IndexedPoint) => number): IndexedPoint | null {
  let best: IndexedPoint | null = null;
  let bestScore = -Infinity;
  for (const p of points) {
    const s = round9(score(p));
    if (s > bestScore || (s === bestScore && best && compareIndex(p.index, best.index) < 0)) {
      best = p;
      bestScore = s;
    }
  }
  return best;
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
  return argmax(individuallyRational(acceptable, d), (p) => nashProduct(p, d));
}

/** Best utility of each party over points with u ≥ d (the ideal point); null when none. */
export function idealOf(points: readonly IndexedPoint[], parties: number): number[] | null {
  if (points.length === 0) return null;
  return Array.from({ length: parties }, (_, i) => Math.max(...points.map((p) => p.utilities[i]!)));
}

/**
 * Kalai–Smorodinsky: among points with u ≥ d, the greatest smallest share of each party's
 * possible gain (ideal − d). A party that can gain nothing counts as fully served.
 */
export function kalaiSmorodinskyOf(acceptable: readonly IndexedPoint[], d: readonly number[]): IndexedPoint | null {
  const rational = individuallyRational(acceptable, d);
  const ideal = idealOf(rational, d.length);
  if (!ideal) return null;
  return argmax(rational, (p) => Math.min(...p.utilities.map((u, i) => (ideal[i]! > d[i]! ? (u - d[i]!) / (ideal[i]! - d[i]!) : 1))));
}

export function maxWelfareOf(points: readonly IndexedPoint[]): IndexedPoint | null {
  return argmax(points, (p) => p.utilities.reduce((a, b) => a + b, 0));
}

export function egalitarianOf(points: readonly IndexedPoint[]): IndexedPoint | null {
  return argmax(points, (p) => Math.min(...p.utilities));
}

/** Each party's best point among the given ones (party order). */
export function bestForEach(points: readonly IndexedPoint[], parties: number): IndexedPoint[] {
  if (points.length === 0) return [];
  return Array.from({ length: parties }, (_, i) => argmax(points, (p) => p.utilities[i]!)!);
}
