/** Utility vectors: rounding, dominance and the frontier's final form. */

/** Vectors equal after rounding to 9 decimals are the same point. */
export function round9(x: number): number {
  return Math.round(x * 1e9) / 1e9;
}

/**
 * Two exact partial sums further apart than this stay apart after rounding to 9 decimals,
 * whatever is added to both: pruning uses it so that rounding never loses a frontier point.
 */
export const MARGIN = 2e-9;

/** A point as value positions and its (rounded, for frontier points) utilities. */
export interface IndexedPoint {
  readonly utilities: readonly number[];
  readonly index: readonly number[];
}

/** Negative when outcome a comes first in the domain's value order. */
export function compareIndex(a: readonly number[], b: readonly number[]): number {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i]! - b[i]!;
  return 0;
}

/** a weakly dominates b and differs from it. */
export function dominates(a: readonly number[], b: readonly number[]): boolean {
  let strict = false;
  for (let i = 0; i < a.length; i++) {
    if (a[i]! < b[i]!) return false;
    if (a[i]! > b[i]!) strict = true;
  }
  return strict;
}

/** Sorted by utilities in party order, each descending. */
export function compareUtilitiesDesc(a: readonly number[], b: readonly number[]): number {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return b[i]! - a[i]!;
  return 0;
}

/**
 * The frontier of a set of candidates given with raw utilities: rounds them, keeps the first
 * outcome in value order for each rounded vector, drops dominated vectors, sorts.
 */
export function finalizeFrontier(candidates: Iterable<IndexedPoint>): IndexedPoint[] {
  const byKey = new Map<string, IndexedPoint>();
  for (const c of candidates) {
    const utilities = c.utilities.map(round9);
    const key = utilities.join(',');
    const seen = byKey.get(key);
    if (!seen || compareIndex(c.index, seen.index) < 0) byKey.set(key, { utilities, index: c.index });
  }
  const points = [...byKey.values()].sort((a, b) => compareUtilitiesDesc(a.utilities, b.utilities));
  return nonDominated(points);
}

/** Keeps the points no other point dominates; input sorted descending, distinct vectors. */
function nonDominated(sorted: IndexedPoint[]): IndexedPoint[] {
  if (sorted.length === 0) return sorted;
  if (sorted[0]!.utilities.length === 2) {
    const out: IndexedPoint[] = [];
    let best = -Infinity;
    for (const p of sorted) {
      if (p.utilities[1]! > best) {
        out.push(p);
        best = p.utilities[1]!;
      }
    }
    return out;
  }
  // Only an earlier point (lexicographically not smaller) can dominate a later one.
  const out: IndexedPoint[] = [];
  for (const p of sorted) if (!out.some((q) => dominates(q.utilities, p.utilities))) out.push(p);
  return out;
}
