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
  const raw = exhaustive ? enumerateRows(evaluator.sizes) : sampleRows(evaluator);
  const n = k === 0 ? 1 : raw.length / k;
  const utils = new Float64Array(n);
  for (let p = 0; p < n; p++) utils[p] = evaluator.evaluate(raw, p * k);
  const order = sortedOrder(utils);
  const rows = new Int32Array(n * k);
  const utilities = new Float64Array(n);
  for (let p = 0; p < n; p++) {
    const src = order[p]!;
    utilities[p] = utils[src]!;
    for (let i = 0; i < k; i++) rows[p * k + i] = raw[src * k + i]!;
  }
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

const INDEX_BITS = 2 ** 21;
const LEVELS = 2 ** 31 - 1;

/**
 * Positions by descending utility, ties by position. A comparator sort of a million
 * entries takes most of a second; instead each entry becomes one number, its utility
 * level in the high bits and its position in the low ones, sorted natively; a final
 * insertion pass puts in exact order the few entries that share a level.
 */
function sortedOrder(utils: Float64Array): Int32Array {
  const n = utils.length;
  const order = new Int32Array(n);
  if (n >= INDEX_BITS) {
    for (let p = 0; p < n; p++) order[p] = p;
    return order.sort((a, b) => utils[b]! - utils[a]! || a - b);
  }
  let max = -Infinity;
  let min = Infinity;
  for (const u of utils) [max, min] = [Math.max(max, u), Math.min(min, u)];
  const scale = max > min ? LEVELS / (max - min) : 0;
  const keys = new Float64Array(n);
  for (let p = 0; p < n; p++) keys[p] = Math.floor((max - utils[p]!) * scale) * INDEX_BITS + p;
  keys.sort();
  for (let p = 0; p < n; p++) order[p] = keys[p]! % INDEX_BITS;
  for (let p = 1; p < n; p++) {
    const x = order[p]!;
    let q = p - 1;
    while (q >= 0 && (utils[order[q]!]! < utils[x]! || (utils[order[q]!]! === utils[x]! && order[q]! > x))) {
      order[q + 1] = order[q]!;
      q--;
    }
    order[q + 1] = x;
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

export function outcomeAt(space: OutcomeSpace, position: number): Outcome {
  return space.codec.decode(space.rows, position * space.issueCount);
}

/** Exact utility of an outcome under the space's utility function. */
export function utilityIn(space: OutcomeSpace, outcome: Outcome, scratch = new Int32Array(space.issueCount)): number {
  return outcomeUtility(space.codec, space.evaluator, space.utility, outcome, scratch);
}

const keyScratch = new Map<OutcomeSpace, Int32Array>();

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
