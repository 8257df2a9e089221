import type { Space } from './compile.js';
import type { FrontierResult } from './types.js';
import { dominatesRow, finalizeFrontier, MARGIN, type IndexedPoint } from './vectors.js';

/** Partial packages of the first issues, in value order: flat utilities and value positions. */
interface Partials {
  readonly u: Float64Array;
  readonly index: number[][];
}

/** Cap on partial packages kept once the time limit has passed (then the result is inexact). */
const THINNED = 4000;

/**
 * The frontier of additive utilities, built issue by issue. After each issue, a partial
 * package is dropped only when another one beats it by more than MARGIN somewhere and is
 * no worse anywhere (it then stays beaten after rounding, whatever the remaining issues
 * add), or has exactly the same sums and comes first in value order (it then reaches the
 * same vectors with earlier outcomes). Float addition is monotone, so both survive the sums.
 */
export function additiveFrontier(
  space: Space,
  tables: readonly (readonly Float64Array[])[],
  deadline: number,
  onProgress?: (fraction: number) => void,
): FrontierResult<IndexedPoint> {
  const parties = tables.length;
  let partials: Partials = { u: new Float64Array(parties), index: [[]] };
  let exact = true;
  const issues = space.allowed.length;
  for (let i = 0; i < issues; i++) {
    const grown = grow(
      partials,
      space.allowed[i]!,
      tables.map((t) => t[i]!),
      parties,
    );
    const keep = parties === 2 ? survivorsOfTwo(grown.u) : survivorsOfMany(grown.u, parties);
    partials = select(grown, keep, parties);
    if (Date.now() > deadline && partials.index.length > THINNED) {
      exact = false;
      partials = select(partials, thin(partials.index.length), parties);
    }
    onProgress?.((i + 1) / issues);
  }
  const candidates: IndexedPoint[] = partials.index.map((index, k) => ({
    utilities: Array.from(partials.u.subarray(k * parties, (k + 1) * parties)),
    index,
  }));
  return { frontier: finalizeFrontier(candidates), exact };
}

function grow(prev: Partials, allowed: Int32Array, columns: readonly Float64Array[], parties: number): Partials {
  const n = prev.index.length * allowed.length;
  const u = new Float64Array(n * parties);
  const index: number[][] = new Array(n);
  let k = 0;
  for (let j = 0; j < prev.index.length; j++) {
    for (const v of allowed) {
      for (let p = 0; p < parties; p++) u[k * parties + p] = prev.u[j * parties + p]! + columns[p]![v]!;
      index[k] = [...prev.index[j]!, v];
      k++;
    }
  }
  return { u, index };
}

function select(from: Partials, keep: readonly number[], parties: number): Partials {
  const u = new Float64Array(keep.length * parties);
  keep.forEach((k, j) => u.set(from.u.subarray(k * parties, (k + 1) * parties), j * parties));
  return { u, index: keep.map((k) => from.index[k]!) };
}

function thin(n: number): number[] {
  const step = n / THINNED;
  return Array.from({ length: THINNED }, (_, j) => Math.floor(j * step));
}

/** Two parties: sort by (u0 desc, u1 desc, value order) and sweep with prefix maxima of u1. */
function survivorsOfTwo(u: Float64Array): number[] {
  const n = u.length / 2;
  const order = Array.from({ length: n }, (_, k) => k).sort(
    (a, b) => u[2 * b]! - u[2 * a]! || u[2 * b + 1]! - u[2 * a + 1]! || a - b,
  );
  const prefixMax = new Float64Array(n + 1);
  prefixMax[0] = -Infinity;
  for (let s = 0; s < n; s++) prefixMax[s + 1] = Math.max(prefixMax[s]!, u[2 * order[s]! + 1]!);
  const keep: number[] = [];
  let wide = 0; // order[0..wide) beat the current u0 by more than MARGIN
  for (let s = 0; s < n; s++) {
    const k = order[s]!;
    const u0 = u[2 * k]!;
    const u1 = u[2 * k + 1]!;
    if (s > 0) {
      const prev = order[s - 1]!;
      if (u[2 * prev] === u0 && u[2 * prev + 1] === u1) continue;
    }
    while (wide < s && u[2 * order[wide]!]! > u0 + MARGIN) wide++;
    if (prefixMax[s]! > u1 + MARGIN || prefixMax[wide]! >= u1) continue;
    keep.push(k);
  }
  return keep.sort((a, b) => a - b);
}

/** Any number of parties: a non-dominated filter in order of decreasing sum. */
function survivorsOfMany(u: Float64Array, parties: number): number[] {
  const n = u.length / parties;
  const sum = new Float64Array(n);
  for (let k = 0; k < n; k++) for (let p = 0; p < parties; p++) sum[k]! += u[k * parties + p]!;
  const order = Array.from({ length: n }, (_, k) => k).sort((a, b) => sum[b]! - sum[a]! || a - b);
  const kept: number[] = [];
  for (const k of order) if (!kept.some((q) => beats(u, q, k, parties))) kept.push(k);
  return kept.sort((a, b) => a - b);
}

/** q makes k useless: no worse anywhere and either clearly better somewhere or identical. */
function beats(u: Float64Array, q: number, k: number, parties: number): boolean {
  return dominatesRow(u, q, u, k, parties, MARGIN) || sameRow(u, q, k, parties);
}

function sameRow(u: Float64Array, q: number, k: number, parties: number): boolean {
  for (let p = 0; p < parties; p++) if (u[q * parties + p] !== u[k * parties + p]) return false;
  return true;
}
