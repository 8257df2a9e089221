import type { Space } from './compile.js';
import { skyline, type SkylineResult } from './skyline.js';
import type { FrontierResult } from './types.js';
import { compareUtilitiesDesc, finalizeFrontier, MARGIN, round9, type IndexedPoint } from './vectors.js';

/**
 * Partial packages of the first issues, in value order: their utility sums (one row of
 * `parties` numbers each) and, per issue so far, each row's value position and the row of
 * the previous issue it extends.
 */
interface Partials {
  readonly sums: Float64Array;
  readonly count: number;
  readonly steps: readonly Step[];
}

interface Step {
  readonly value: Int32Array;
  readonly parent: Int32Array;
}

/** Partial packages kept once the time limit has passed (then the result is inexact). */
const THINNED = 4000;
/** Most candidate rows one issue may create; more and the merge thins first (inexact). */
const MAX_CANDIDATES = 4_000_000;

/**
 * The frontier of additive utilities, built issue by issue. After each issue, a partial
 * package is dropped only when another one beats it by more than MARGIN somewhere and is
 * no worse anywhere (it then stays beaten after rounding, whatever the remaining issues
 * add), or has exactly the same sums and comes first in value order (it then reaches the
 * same vectors with earlier outcomes). Float addition is monotone, so both survive the sums.
 *
 * When the deadline passes (checked inside the filters too), the partial packages kept so
 * far are thinned, completed issue by issue with the value of greatest total utility, and
 * returned as an inexact frontier.
 */
export function additiveFrontier(
  space: Space,
  tables: readonly (readonly Float64Array[])[],
  deadline: number,
  onProgress?: (fraction: number) => void,
): FrontierResult<IndexedPoint> {
  const parties = tables.length;
  const issues = space.allowed.length;
  // With three or more parties the last merge filters rounded sums: it gives the frontier.
  const lastGivesFrontier = parties > 2 && issues > 0;
  let partials: Partials = { sums: new Float64Array(parties), count: 1, steps: [] };
  for (let i = 0; i < issues; i++) {
    const allowed = space.allowed[i] ?? new Int32Array(0);
    const columns = tables.map((t) => t[i] ?? new Float64Array(0));
    const candidates = partials.count * allowed.length;
    // Past the deadline, a merge small enough to cost nothing still runs exactly.
    const late = Date.now() > deadline;
    if (candidates > MAX_CANDIDATES || (late && candidates > THINNED)) return finishInexact(space, tables, partials);
    const limit = late ? Infinity : deadline;
    const filter = lastGivesFrontier && i === issues - 1 ? frontierFilter : partialFilter;
    const merged = merge(partials, allowed, columns, (sums) => filter(sums, parties, limit));
    // Cut short, the merge may have kept only a few rows: complete whichever set is larger.
    if (!merged.complete)
      return finishInexact(space, tables, merged.partials.count >= partials.count ? merged.partials : partials);
    partials = merged.partials;
    onProgress?.((i + 1) / issues);
  }
  if (lastGivesFrontier) {
    const frontier = candidatesOf(partials, parties).sort((a, b) => compareUtilitiesDesc(a.utilities, b.utilities));
    return { frontier, exact: true };
  }
  const late = Date.now() > deadline && partials.count <= THINNED;
  const result = finalizeFrontier(candidatesOf(partials, parties), late ? Infinity : deadline);
  return result.exact ? result : { frontier: finalizeFrontier(thin(partials, parties)).frontier, exact: false };
}

/** Which candidate rows (utility sums, `parties` numbers each) survive one merge. */
type Filter = (sums: Float64Array, parties: number, deadline: number) => SkylineResult;

/** Partial packages: drop those beaten by more than MARGIN or repeated (see above). */
const partialFilter: Filter = (sums, parties, deadline) =>
  parties === 2 ? { kept: survivorsOfTwo(sums), complete: true } : survivorsOfMany(sums, parties, MARGIN, deadline);

/**
 * Full packages: round the sums as frontier points are rounded, then keep the vectors no
 * other dominates, each with its first outcome in value order (the one dedupe's rule).
 */
const frontierFilter: Filter = (sums, parties, deadline) => {
  for (let k = 0; k < sums.length; k++) sums[k] = round9(sums[k] ?? 0);
  return survivorsOfMany(sums, parties, 0, deadline);
};

/** Extends every partial by every allowed value of the next issue and keeps the survivors. */
function merge(
  prev: Partials,
  allowed: Int32Array,
  columns: readonly Float64Array[],
  filter: (sums: Float64Array) => SkylineResult,
): { partials: Partials; complete: boolean } {
  const parties = columns.length;
  const values = allowed.length;
  const n = prev.count * values;
  const sums = new Float64Array(n * parties);
  for (let j = 0; j < prev.count; j++) {
    for (let v = 0; v < values; v++) {
      const row = (j * values + v) * parties;
      const position = allowed[v] ?? 0;
      for (let p = 0; p < parties; p++)
        sums[row + p] = (prev.sums[j * parties + p] ?? 0) + (columns[p]?.[position] ?? 0);
    }
  }
  const survivors = filter(sums);
  // Kept in value order, so that the next issue's candidates stay in value order.
  const keep = survivors.kept.sort();
  const step: Step = {
    value: keep.map((k) => allowed[k % values] ?? 0),
    parent: keep.map((k) => Math.floor(k / values)),
  };
  const partials = { sums: selectRows(sums, keep, parties), count: keep.length, steps: [...prev.steps, step] };
  return { partials, complete: survivors.complete };
}

function selectRows(sums: Float64Array, keep: Int32Array, parties: number): Float64Array {
  const out = new Float64Array(keep.length * parties);
  keep.forEach((k, j) => out.set(sums.subarray(k * parties, (k + 1) * parties), j * parties));
  return out;
}

/** Three or more parties: the skyline filter, candidates by decreasing sum (value order on ties). */
function survivorsOfMany(sums: Float64Array, parties: number, margin: number, deadline: number): SkylineResult {
  if (Date.now() > deadline) return { kept: new Int32Array(0), complete: false };
  const n = sums.length / parties;
  const total = new Float64Array(n);
  for (let k = 0; k < n; k++) {
    let t = 0;
    for (let p = 0; p < parties; p++) t += sums[k * parties + p] ?? 0;
    total[k] = t;
  }
  return skyline(sums, parties, bySumDescending(total), margin, deadline);
}

/**
 * Positions 0..n−1 by decreasing total, equal totals in position order: a counting sort on
 * each total's rank among the sorted totals (typed-array sorts only, no comparator).
 */
function bySumDescending(total: Float64Array): Int32Array {
  const n = total.length;
  const sorted = Float64Array.from(total).sort();
  const rank = new Int32Array(n);
  const starts = new Int32Array(n + 1);
  for (let k = 0; k < n; k++) {
    // Rank = how many totals are greater: n − (first position holding a greater total).
    const x = total[k] ?? 0;
    let lo = 0;
    let hi = n;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((sorted[mid] ?? 0) <= x) lo = mid + 1;
      else hi = mid;
    }
    rank[k] = n - lo;
    starts[n - lo + 1]!++;
  }
  for (let r = 0; r < n; r++) starts[r + 1]! += starts[r] ?? 0;
  const order = new Int32Array(n);
  for (let k = 0; k < n; k++) order[starts[rank[k] ?? 0]!++] = k;
  return order;
}

/** Two parties: sort by (u0 desc, u1 desc, value order) and sweep with prefix maxima of u1. */
function survivorsOfTwo(u: Float64Array): Int32Array {
  const n = u.length / 2;
  const at = (k: number, p: number) => u[2 * k + p] ?? 0;
  const order = new Int32Array(n).map((_, k) => k).sort((a, b) => at(b, 0) - at(a, 0) || at(b, 1) - at(a, 1) || a - b);
  const prefixMax = new Float64Array(n + 1);
  prefixMax[0] = -Infinity;
  for (let s = 0; s < n; s++) prefixMax[s + 1] = Math.max(prefixMax[s] ?? 0, at(order[s] ?? 0, 1));
  const keep: number[] = [];
  let wide = 0; // order[0..wide) beat the current u0 by more than MARGIN
  for (let s = 0; s < n; s++) {
    const k = order[s] ?? 0;
    const u0 = at(k, 0);
    const u1 = at(k, 1);
    if (s > 0) {
      const prev = order[s - 1] ?? 0;
      if (at(prev, 0) === u0 && at(prev, 1) === u1) continue;
    }
    while (wide < s && at(order[wide] ?? 0, 0) > u0 + MARGIN) wide++;
    if ((prefixMax[s] ?? 0) > u1 + MARGIN || (prefixMax[wide] ?? 0) >= u1) continue;
    keep.push(k);
  }
  return Int32Array.from(keep);
}

/** The full packages: each row's value positions, walked back through the steps. */
function candidatesOf(partials: Partials, parties: number): IndexedPoint[] {
  const issues = partials.steps.length;
  return Array.from({ length: partials.count }, (_, r) => {
    const index = new Array<number>(issues);
    for (let i = issues - 1, row = r; i >= 0; i--) {
      const step = partials.steps[i];
      index[i] = step?.value[row] ?? 0;
      row = step?.parent[row] ?? 0;
    }
    return { utilities: Array.from(partials.sums.subarray(r * parties, (r + 1) * parties)), index };
  });
}

/** At most THINNED partial packages, evenly spread over the given ones. */
function thin(partials: Partials, parties: number): IndexedPoint[] {
  const all = candidatesOf(partials, parties);
  if (all.length <= THINNED) return all;
  const step = all.length / THINNED;
  return Array.from({ length: THINNED }, (_, j) => all[Math.floor(j * step)]).filter((p) => p !== undefined);
}

/** Completes partial packages: on each remaining issue, the value of greatest total utility. */
function completeGreedily(
  space: Space,
  tables: readonly (readonly Float64Array[])[],
  partials: readonly IndexedPoint[],
): IndexedPoint[] {
  const issues = space.allowed.length;
  const welfare = (i: number, position: number) => tables.reduce((s, t) => s + (t[i]?.[position] ?? 0), 0);
  const best = space.allowed.map((allowed, i) =>
    allowed.reduce((b, position) => (welfare(i, position) > welfare(i, b) ? position : b), allowed[0] ?? 0),
  );
  return partials.map((p) => {
    const index = [...p.index, ...best.slice(p.index.length, issues)];
    const utilities = tables.map((t) => index.reduce((s, position, i) => s + (t[i]?.[position] ?? 0), 0));
    return { utilities, index };
  });
}

/** The frontier of the given partial packages, thinned and completed greedily: inexact. */
function finishInexact(
  space: Space,
  tables: readonly (readonly Float64Array[])[],
  partials: Partials,
): FrontierResult<IndexedPoint> {
  const completed = completeGreedily(space, tables, thin(partials, tables.length));
  return { frontier: finalizeFrontier(completed).frontier, exact: false };
}
