/** Utility vectors: rounding, dominance, one point per vector, and the frontier's final form. */
import { skyline } from './skyline.js';
import type { FrontierResult } from './types.js';

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
export function compareIndex(a: ArrayLike<number>, b: ArrayLike<number>): number {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i]! - b[i]!;
  return 0;
}

/**
 * The one dominance check: row a of `ua` is no worse than row b of `ub` for every party
 * and better by more than `margin` for at least one. Rows are `parties` numbers long,
 * starting at `a * parties` and `b * parties`; a plain vector is row 0 of itself.
 */
export function dominatesRow(
  ua: ArrayLike<number>,
  a: number,
  ub: ArrayLike<number>,
  b: number,
  parties: number,
  margin: number,
): boolean {
  let better = false;
  for (let p = 0; p < parties; p++) {
    const x = ua[a * parties + p]!;
    const y = ub[b * parties + p]!;
    if (x < y) return false;
    if (x > y + margin) better = true;
  }
  return better;
}

/** a is no worse than b anywhere and better by more than `margin` somewhere. */
export function dominates(a: ArrayLike<number>, b: ArrayLike<number>, margin = 0): boolean {
  return dominatesRow(a, 0, b, 0, a.length, margin);
}

/** Sorted by utilities in party order, each descending. */
export function compareUtilitiesDesc(a: readonly number[], b: readonly number[]): number {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return b[i]! - a[i]!;
  return 0;
}

/**
 * The one dedupe: candidates keyed by their vector rounded to 9 decimals, each vector kept
 * with the first outcome in the domain's value order that reaches it.
 */
export class FirstPerVector {
  private readonly byKey = new Map<string, IndexedPoint>();

  /** Copies `utilities` (rounded) and `index` only when the point is kept. */
  add(utilities: ArrayLike<number>, index: ArrayLike<number>): void {
    const rounded = Array.from(utilities, round9);
    const key = rounded.join(',');
    const seen = this.byKey.get(key);
    if (!seen || compareIndex(index, seen.index) < 0)
      this.byKey.set(key, { utilities: rounded, index: Array.from(index) });
  }

  get size(): number {
    return this.byKey.size;
  }

  values(): IndexedPoint[] {
    return [...this.byKey.values()];
  }
}

/**
 * The frontier of a set of candidates given with raw utilities: rounds them, keeps the first
 * outcome in value order for each rounded vector, drops dominated vectors, sorts. Past the
 * deadline, the points found non-dominated so far are returned, marked inexact.
 */
export function finalizeFrontier(
  candidates: Iterable<IndexedPoint> | FirstPerVector,
  deadline = Infinity,
): FrontierResult<IndexedPoint> {
  let unique = candidates;
  if (!(unique instanceof FirstPerVector)) {
    unique = new FirstPerVector();
    for (const c of candidates as Iterable<IndexedPoint>) unique.add(c.utilities, c.index);
  }
  const points = unique.values().sort((a, b) => compareUtilitiesDesc(a.utilities, b.utilities));
  return nonDominated(points, deadline);
}

/** Keeps the points no other point dominates; input sorted descending, distinct vectors. */
function nonDominated(sorted: IndexedPoint[], deadline: number): FrontierResult<IndexedPoint> {
  const parties = sorted[0]?.utilities.length ?? 0;
  if (parties !== 2) {
    // Only an earlier point (lexicographically not smaller) can dominate a later one.
    const rows = new Float64Array(sorted.length * parties);
    sorted.forEach((p, k) => rows.set(p.utilities, k * parties));
    const order = new Int32Array(sorted.length).map((_, k) => k);
    const { kept, complete } = skyline(rows, parties, order, 0, deadline);
    return { frontier: Array.from(kept, (k) => sorted[k]).filter((p) => p !== undefined), exact: complete };
  }
  const frontier: IndexedPoint[] = [];
  let best = -Infinity;
  for (const p of sorted) {
    const u1 = p.utilities[1] ?? -Infinity;
    if (u1 > best) {
      frontier.push(p);
      best = u1;
    }
  }
  return { frontier, exact: true };
}
