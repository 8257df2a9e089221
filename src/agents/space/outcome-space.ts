import { type Domain, type Outcome, outcomeCount } from '../../core/domain.js';
import type { UtilityFunction } from '../../core/utility.js';
import { compileEvaluator, outcomeUtility, RowCodec, type RowEvaluator } from './evaluator.js';
import { sampleRows } from './sample.js';
import { ENUMERATION_LIMIT } from '../../analysis/compile.js';

/** Spaces up to ENUMERATION_LIMIT outcomes are enumerated whole; larger ones are sampled. */
export { ENUMERATION_LIMIT };

/**
 * One party's view of the outcome space: outcomes as rows of value positions, sorted by
 * the party's utility, best first. Finding the outcomes near a target utility is then a
 * binary search. Built once per (domain, utility function) and shared by every agent.
 */
export interface OutcomeSpace {
  readonly domain: Domain;
  readonly codec: RowCodec;
  readonly evaluator: RowEvaluator;
  readonly utility: UtilityFunction;
  readonly issueCount: number;
  /** Rows, `issueCount` entries each, in descending utility order. */
  readonly rows: Int32Array;
  /** Utilities, descending; utilities[p] belongs to the row at position p. */
  readonly utilities: Float64Array;
  readonly size: number;
  /** False when the space was too large and these rows are a sample. */
  readonly exhaustive: boolean;
}

const cache = new WeakMap<UtilityFunction, WeakMap<Domain, OutcomeSpace>>();

/** The compiled, sorted space for this domain and utility, from the cache when built before. */
export function outcomeSpace(domain: Domain, utility: UtilityFunction): OutcomeSpace {
  let byDomain = cache.get(utility);
  if (!byDomain) cache.set(utility, (byDomain = new WeakMap()));
  let space = byDomain.get(domain);
  if (!space) byDomain.set(domain, (space = buildSpace(domain, utility)));
  return space;
}

function buildSpace(domain: Domain, utility: UtilityFunction): OutcomeSpace {
  const evaluator = compileEvaluator(domain, utility);
  const k = domain.issues.length;
  const exhaustive = outcomeCount(domain) <= BigInt(ENUMERATION_LIMIT);
  // An enumerated space is never materialised unsorted: its row at a position is that position's digits.
  const sample = exhaustive ? null : sampleRows(evaluator);
  const n = k === 0 ? 1 : sample ? sample.length / k : spaceSize(evaluator.sizes);
  const utils = sample ? sampleUtilities(evaluator, sample, n) : enumeratedUtilities(evaluator, n);
  const order = sortedOrder(utils);
  const rows = new Int32Array(n * k);
  const utilities = new Float64Array(n);
  for (let p = 0; p < n; p++) utilities[p] = utils[order[p]!]!;
  if (sample) for (let p = 0; p < n; p++) rows.set(sample.subarray(order[p]! * k, order[p]! * k + k), p * k);
  else writeEnumeratedRows(evaluator.sizes, order, rows);
  return {
    domain,
    codec: new RowCodec(domain),
    evaluator,
    utility,
    issueCount: k,
    rows,
    utilities,
    size: n,
    exhaustive,
  };
}

function spaceSize(sizes: Int32Array): number {
  let n = 1;
  for (const s of sizes) n *= s;
  return n;
}

function sampleUtilities(evaluator: RowEvaluator, rows: Int32Array, n: number): Float64Array {
  const utils = new Float64Array(n);
  for (let p = 0; p < n; p++) utils[p] = evaluator.evaluate(rows, p * evaluator.issueCount);
  return utils;
}

/** The utility of every outcome in enumeration order (`enumerateRows`), one reused row at a time. */
function enumeratedUtilities(evaluator: RowEvaluator, n: number): Float64Array {
  const sizes = evaluator.sizes;
  const k = sizes.length;
  const utils = new Float64Array(n);
  const row = new Int32Array(k);
  for (let p = 0; p < n; p++) {
    utils[p] = evaluator.evaluate(row, 0);
    for (let i = k - 1; i >= 0; i--) {
      if (++row[i]! < sizes[i]!) break;
      row[i] = 0;
    }
  }
  return utils;
}

/**
 * Writes, at each sorted position, the row `enumerateRows` has at `order[p]`: the mixed-radix
 * digits of that index (last issue fastest). Computing them avoids reading a large unsorted
 * copy at random places, which costs a cache miss per row.
 */
function writeEnumeratedRows(sizes: Int32Array, order: Int32Array, rows: Int32Array): void {
  const k = sizes.length;
  for (let p = 0; p < order.length; p++) {
    let index = order[p]!;
    for (let i = k - 1; i >= 0; i--) {
      const size = sizes[i]!;
      const next = Math.floor(index / size);
      rows[p * k + i] = index - next * size;
      index = next;
    }
  }
}

/** Utility levels a space's range is cut into for the sort: the top bit of a uint32 stays free. */
const LEVELS = 2 ** 31 - 1;
/** Bits of a level each pass of the radix sort orders by: three passes cover the 31. */
const DIGIT_BITS = 11;
const DIGIT_PASSES = 3;

/**
 * Positions by descending utility, ties by position. A comparator sort of a million
 * entries takes most of a second; instead each entry gets its utility level (one of 2^31
 * over the space's range, the best first) and a stable radix sort on levels orders the
 * positions in a few linear passes. Entries that share a level are then in position order;
 * a run of them whose utilities differ (by less than a level, often rounding in the last
 * bit) gets a comparator sort of its own. Additive profiles have large runs of such
 * near-equal sums: an insertion pass over them cost tens of millions of moves on the
 * largest ANAC domains.
 */
function sortedOrder(utils: Float64Array): Int32Array {
  const n = utils.length;
  let max = -Infinity;
  let min = Infinity;
  for (let p = 0; p < n; p++) {
    const u = utils[p]!;
    if (u > max) max = u;
    if (u < min) min = u;
  }
  const scale = max > min ? LEVELS / (max - min) : 0;
  const levels = new Uint32Array(n);
  for (let p = 0; p < n; p++) levels[p] = Math.floor((max - utils[p]!) * scale);
  const order = radixOrder(levels);
  // Signs as whole numbers: a fractional difference returned to the sort is a boxed number per comparison.
  const byUtility = (a: number, b: number) => (utils[b]! > utils[a]! ? 1 : utils[b]! < utils[a]! ? -1 : a - b);
  for (let start = 0; start < n;) {
    const level = levels[order[start]!]!;
    const first = utils[order[start]!]!;
    let end = start + 1;
    let mixed = false;
    for (; end < n && levels[order[end]!] === level; end++) if (utils[order[end]!] !== first) mixed = true;
    if (mixed) order.subarray(start, end).sort(byUtility);
    start = end;
  }
  return order;
}

/** Positions by ascending level, ties by position: a stable least-significant-digit radix sort. */
function radixOrder(levels: Uint32Array): Int32Array {
  const n = levels.length;
  let order = new Int32Array(n);
  for (let p = 0; p < n; p++) order[p] = p;
  let spare = new Int32Array(n);
  const mask = (1 << DIGIT_BITS) - 1;
  const starts = new Int32Array(1 << DIGIT_BITS);
  for (let pass = 0; pass < DIGIT_PASSES; pass++) {
    const shift = pass * DIGIT_BITS;
    starts.fill(0);
    for (let p = 0; p < n; p++) starts[(levels[p]! >>> shift) & mask]!++;
    for (let d = 0, sum = 0; d < starts.length; d++) {
      const count = starts[d]!;
      starts[d] = sum;
      sum += count;
    }
    for (let p = 0; p < n; p++) {
      const x = order[p]!;
      spare[starts[(levels[x]! >>> shift) & mask]!++] = x;
    }
    [order, spare] = [spare, order];
  }
  return order;
}

/** Every row of the space, the last issue varying fastest. */
export function enumerateRows(sizes: Int32Array): Int32Array {
  const k = sizes.length;
  let n = 1;
  for (const s of sizes) n *= s;
  const rows = new Int32Array(n * k);
  const current = new Int32Array(k);
  for (let p = 0; p < n; p++) {
    rows.set(current, p * k);
    for (let i = k - 1; i >= 0; i--) {
      if (++current[i]! < sizes[i]!) break;
      current[i] = 0;
    }
  }
  return rows;
}

/** Number of positions whose utility is at least `u` (utilities are descending). */
export function countAtLeast(space: OutcomeSpace, u: number): number {
  const us = space.utilities;
  let lo = 0;
  let hi = space.size;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (us[mid]! >= u - 1e-12) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Outcomes decoded so far, by space and position (at most DECODED_PER_SPACE per space). */
const decoded = new WeakMap<OutcomeSpace, Map<number, Outcome>>();
/** Agents offer the same outcomes again and again (the same targets, earlier offers): kept, they are made once. */
const DECODED_PER_SPACE = 4096;

/** The outcome at a sorted position; the same position gives the same (read-only) object. */
export function outcomeAt(space: OutcomeSpace, position: number): Outcome {
  let known = decoded.get(space);
  if (!known) decoded.set(space, (known = new Map()));
  let outcome = known.get(position);
  if (outcome === undefined) {
    outcome = space.codec.decode(space.rows, position * space.issueCount);
    if (known.size < DECODED_PER_SPACE) known.set(position, outcome);
  }
  return outcome;
}

/** Exact utility of an outcome under the space's utility function. */
export function utilityIn(space: OutcomeSpace, outcome: Outcome, scratch = new Int32Array(space.issueCount)): number {
  return outcomeUtility(space.codec, space.evaluator, space.utility, outcome, scratch);
}

// Weak: a strong map would keep every space (and its scenario) alive after the scenario is dropped.
const keyScratch = new WeakMap<OutcomeSpace, Int32Array>();

/**
 * A compact identity for an outcome in this space: its mixed-radix index where that fits
 * a double exactly, else its row as text; null for outcomes off the grid.
 */
export function outcomeKey(space: OutcomeSpace, outcome: Outcome): number | string | null {
  let row = keyScratch.get(space);
  if (!row) keyScratch.set(space, (row = new Int32Array(space.issueCount)));
  if (!space.codec.encode(outcome, row)) return null;
  const sizes = space.evaluator.sizes;
  let key = 0;
  let radix = 1;
  for (let i = 0; i < row.length; i++) {
    key += row[i]! * radix;
    radix *= sizes[i]!;
    if (radix > Number.MAX_SAFE_INTEGER) return row.join(',');
  }
  return key;
}
