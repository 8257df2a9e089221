import { Random } from '../core/random.js';
import type { CompiledUtility, Space } from './compile.js';
import { evaluateCompiled, spaceSizeNumber } from './compile.js';
import { forEachOutcome } from './enumerate.js';
import { round9 } from './vectors.js';

/** Spaces up to this many outcomes are counted one by one. */
const COUNT_BY_VISIT = 4_000_000;
/** Largest half a meet-in-the-middle count enumerates. */
const HALF_LIMIT = 3_000_000;
/** A generous guess of the time a count by halves spends per listed partial sum (ms). */
const MS_PER_PARTIAL_SUM = 0.002;
/** Outcomes drawn for an estimate when the exact count is out of reach. */
export const ZONE_SAMPLES = 20_000;

export interface ZoneCount {
  /** Outcomes acceptable to all, as a decimal string; null when not counted exactly. */
  readonly size: string | null;
  /** Where `size` is null: the count estimated from ZONE_SAMPLES random outcomes. */
  readonly estimate: string | null;
}

/**
 * How many outcomes of the space give every party at least d (rounded utilities, as
 * everywhere in analysis). Counted exactly where that finishes before the deadline (checked
 * inside the loops, and before a count by halves that would not fit); estimated otherwise.
 */
export function countZone(
  space: Space,
  fns: readonly CompiledUtility[],
  d: readonly number[],
  deadline: number,
): ZoneCount {
  const size = exactZone(space, fns, d, deadline);
  return size === null ? { size, estimate: estimateZone(space, fns, d) } : { size, estimate: null };
}

function exactZone(
  space: Space,
  fns: readonly CompiledUtility[],
  d: readonly number[],
  deadline: number,
): string | null {
  const floor = d.map(round9);
  if (space.allowed.some((a) => a.length === 0)) return '0';
  const twoAdditive = fns.length === 2 && fns.every((f) => f.kind === 'additive');
  if (twoAdditive && spaceSizeNumber(space) > 100_000) return countZoneByHalves(space, fns, d, deadline);
  if (spaceSizeNumber(space) <= COUNT_BY_VISIT) {
    let count = 0;
    let seen = 0;
    const done = forEachOutcome(space, fns, (_, u) => {
      if (withinFloor(u, floor)) count++;
      return (++seen & 0xffff) !== 0 || Date.now() < deadline;
    });
    return done ? String(count) : null;
  }
  return null;
}

function withinFloor(u: ArrayLike<number>, floor: readonly number[]): boolean {
  for (let p = 0; p < floor.length; p++) if (round9(u[p] ?? 0) < (floor[p] ?? 0)) return false;
  return true;
}

/** The zone's size scaled from the share of seeded uniform random outcomes inside it. */
function estimateZone(space: Space, fns: readonly CompiledUtility[], d: readonly number[]): string {
  if (space.allowed.some((a) => a.length === 0)) return '0';
  const floor = d.map(round9);
  const random = new Random(0x20e);
  const index = new Int32Array(space.allowed.length);
  const u = new Float64Array(fns.length);
  let inside = 0;
  for (let s = 0; s < ZONE_SAMPLES; s++) {
    space.allowed.forEach((a, i) => (index[i] = a[random.int(a.length)] ?? 0));
    fns.forEach((f, p) => (u[p] = evaluateCompiled(f, index)));
    if (withinFloor(u, floor)) inside++;
  }
  const total = space.allowed.reduce((n, a) => n * BigInt(a.length), 1n);
  const samples = BigInt(ZONE_SAMPLES);
  return String((total * BigInt(inside) + samples / 2n) / samples);
}

/**
 * Two additive parties: split the issues in two halves, list each half's partial sums and
 * count the pairs whose sums reach d in both coordinates (a 2-D dominance count). Null when
 * a half is too long to list, or the deadline passes (or would, by a generous guess) first.
 */
export function countZoneByHalves(
  space: Space,
  fns: readonly CompiledUtility[],
  d: readonly number[],
  deadline = Infinity,
): string | null {
  const floor = d.map(round9);
  const n = space.allowed.length;
  const total = spaceSizeNumber(space);
  let cut = 0;
  let left = 1;
  for (let c = 0, size = 1; c <= n; size *= space.allowed[c++]?.length ?? 1) {
    if (Math.max(size, total / size) < Math.max(left, total / left)) [cut, left] = [c, size];
  }
  const right = total / left;
  if (left > HALF_LIMIT || right > HALF_LIMIT) return null;
  if (Date.now() + (left + right) * MS_PER_PARTIAL_SUM > deadline) return null;
  const tables = fns.map((f) => (f.kind === 'additive' ? f.tables : []));
  const a = partialSums(space, tables, 0, cut);
  const b = partialSums(space, tables, cut, n);
  // a + b ≥ floor − half a unit of the 9th decimal ⇔ the rounded sum reaches floor.
  const t0 = (floor[0] ?? 0) - 5e-10;
  const t1 = (floor[1] ?? 0) - 5e-10;
  const count = dominanceCount(a, b, t0, t1, deadline);
  return count === null ? null : String(count);
}

function partialSums(
  space: Space,
  tables: readonly (readonly Float64Array[])[],
  from: number,
  to: number,
): Float64Array[] {
  let u0 = new Float64Array([0]);
  let u1 = new Float64Array([0]);
  for (let i = from; i < to; i++) {
    const allowed = space.allowed[i]!;
    const n0 = new Float64Array(u0.length * allowed.length);
    const n1 = new Float64Array(n0.length);
    let k = 0;
    for (let j = 0; j < u0.length; j++) {
      for (const v of allowed) {
        n0[k] = u0[j]! + tables[0]![i]![v]!;
        n1[k++] = u1[j]! + tables[1]![i]![v]!;
      }
    }
    [u0, u1] = [n0, n1];
  }
  return [u0, u1];
}

/**
 * Pairs (x in a, y in b) with x0 + y0 ≥ t0 and x1 + y1 ≥ t1, by a sweep and a Fenwick tree;
 * null when the deadline passes during the sweep.
 */
function dominanceCount(a: Float64Array[], b: Float64Array[], t0: number, t1: number, deadline: number): number | null {
  const [a0, a1] = a as [Float64Array, Float64Array];
  const [b0, b1] = b as [Float64Array, Float64Array];
  const ranks = Float64Array.from(b1).sort();
  const tree = new Int32Array(ranks.length + 1);
  const byB0 = Array.from({ length: b0.length }, (_, k) => k).sort((x, y) => b0[y]! - b0[x]!);
  const byNeed = Array.from({ length: a0.length }, (_, k) => k).sort((x, y) => a0[x]! - a0[y]!);
  let inserted = 0;
  let count = 0;
  for (const [step, q] of byNeed.entries()) {
    if ((step & 0xfff) === 0 && Date.now() > deadline) return null;
    const need0 = t0 - a0[q]!;
    while (inserted < byB0.length && b0[byB0[inserted]!]! >= need0) {
      for (let r = lowerBound(ranks, b1[byB0[inserted]!]!) + 1; r <= ranks.length; r += r & -r) tree[r]!++;
      inserted++;
    }
    const below = lowerBound(ranks, t1 - a1[q]!);
    count += inserted - prefix(tree, below);
  }
  return count;
}

function prefix(tree: Int32Array, n: number): number {
  let s = 0;
  for (let r = n; r > 0; r -= r & -r) s += tree[r]!;
  return s;
}

/** First position whose value is ≥ x. */
function lowerBound(sorted: Float64Array, x: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid]! < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
