/**
 * The non-dominated filter for three or more parties, on rows of a flat Float64Array.
 *
 * Candidates come in an order where a row that beats another always comes first (by
 * decreasing sum, or lexicographically decreasing). Each is kept unless a kept row beats
 * it. The kept rows are indexed on every utility: for each party, their ids sorted by that
 * party's utility, best first. A row that beats k is at least as good as k for every party,
 * so it lies among the kept rows at or above k on each party's list; the shortest of those
 * ranges (found by binary search) is the only one scanned.
 */
import { dominatesRow } from './vectors.js';

export interface SkylineResult {
  /** Ids of the kept rows, in the order they were kept. */
  readonly kept: Int32Array;
  /** False when the deadline passed first: `kept` then holds the rows kept so far. */
  readonly complete: boolean;
}

/** Candidates examined between two looks at the clock. */
const CLOCK_EVERY = 256;

/**
 * Keeps, in `order`, each row that no kept row beats: no worse for any party and either
 * better by more than `margin` for one, or identical (the earlier row stands for both).
 */
export function skyline(
  u: Float64Array,
  parties: number,
  order: ArrayLike<number>,
  margin: number,
  deadline = Infinity,
): SkylineResult {
  const index = new UtilityIndex(u, parties, order);
  const kept = new Int32Array(order.length);
  let count = 0;
  let lastBeater = -1;
  for (let s = 0; s < order.length; s++) {
    if (s % CLOCK_EVERY === 0 && Date.now() > deadline) return { kept: kept.slice(0, count), complete: false };
    const k = order[s] ?? 0;
    // The row that beat the previous candidate often beats this one too.
    if (lastBeater >= 0 && beats(u, lastBeater, k, parties, margin)) continue;
    lastBeater = index.findBeater(k, margin);
    if (lastBeater >= 0) continue;
    index.insert(k);
    kept[count++] = k;
  }
  return { kept: kept.slice(0, count), complete: true };
}

function beats(u: Float64Array, q: number, k: number, parties: number, margin: number): boolean {
  return dominatesRow(u, q, u, k, parties, margin) || sameRow(u, q, k, parties);
}

function sameRow(u: Float64Array, q: number, k: number, parties: number): boolean {
  for (let p = 0; p < parties; p++) if (u[q * parties + p] !== u[k * parties + p]) return false;
  return true;
}

/** Thresholds per party: the kept rows at or above each are one bitset. */
const LEVELS = 64;

/**
 * Kept rows indexed on every party's utility: per party, LEVELS thresholds (quantiles of
 * the candidates' utilities) and for each the set of kept rows at or above it, as bits by
 * keep position, with a summary bit per non-empty word. A row that beats k is in every
 * party's set for the highest threshold at or below k's utility, so only the rows in all of
 * those sets are checked, and only words whose summary bit is set in all of them are read.
 */
class UtilityIndex {
  private readonly thresholds: Float64Array[];
  /** sets[p * LEVELS + level]: kept positions whose utility for p is ≥ thresholds[p][level]. */
  private sets: Uint32Array[];
  /** summaries[s]: bit w set when word w of sets[s] is not empty. */
  private summaries: Uint32Array[];
  private ids: Int32Array;
  private size = 0;
  /** The set each party contributes to the current query. */
  private readonly chosen: Int32Array;

  constructor(
    private readonly u: Float64Array,
    private readonly parties: number,
    order: ArrayLike<number>,
  ) {
    this.thresholds = Array.from({ length: parties }, (_, p) => quantiles(u, parties, p, order));
    // Whole summary words (1,024 rows each), and no more than the candidates need at first.
    const capacity = Math.min(1 << 15, Math.max(1024, (order.length + 1023) & ~1023));
    this.sets = Array.from({ length: parties * LEVELS }, () => new Uint32Array(capacity >>> 5));
    this.summaries = Array.from({ length: parties * LEVELS }, () => new Uint32Array(capacity >>> 10));
    this.ids = new Int32Array(capacity);
    this.chosen = new Int32Array(parties);
  }

  /** A kept row that beats row k, or −1. */
  findBeater(k: number, margin: number): number {
    const { u, parties, sets, summaries, chosen } = this;
    for (let p = 0; p < parties; p++) chosen[p] = p * LEVELS + this.level(p, u[k * parties + p] ?? 0);
    // Sparsest sets first (highest levels), so that most words are ruled out by one read.
    for (let i = 1; i < parties; i++) {
      const c = chosen[i] ?? 0;
      let j = i;
      for (; j > 0 && (chosen[j - 1] ?? 0) % LEVELS < c % LEVELS; j--) chosen[j] = chosen[j - 1] ?? 0;
      chosen[j] = c;
    }
    const blocks = (this.size + 1023) >>> 10;
    for (let b = 0; b < blocks; b++) {
      let words = -1;
      for (let p = 0; p < parties && words !== 0; p++) words &= summaries[chosen[p] ?? 0]?.[b] ?? 0;
      while (words !== 0) {
        const w = b * 32 + 31 - Math.clz32(words & -words);
        words &= words - 1;
        let bits = -1;
        for (let p = 0; p < parties && bits !== 0; p++) bits &= sets[chosen[p] ?? 0]?.[w] ?? 0;
        while (bits !== 0) {
          const q = this.ids[w * 32 + 31 - Math.clz32(bits & -bits)] ?? 0;
          bits &= bits - 1;
          if (beats(u, q, k, parties, margin)) return q;
        }
      }
    }
    return -1;
  }

  insert(k: number): void {
    if (this.size === this.ids.length) this.grow();
    const position = this.size++;
    this.ids[position] = k;
    const word = position >>> 5;
    for (let p = 0; p < this.parties; p++) {
      const top = this.level(p, this.u[k * this.parties + p] ?? 0);
      for (let level = 0; level <= top; level++) {
        const set = this.sets[p * LEVELS + level];
        const summary = this.summaries[p * LEVELS + level];
        if (!set || !summary) continue;
        set[word] = (set[word] ?? 0) | (1 << (position & 31));
        summary[word >>> 5] = (summary[word >>> 5] ?? 0) | (1 << (word & 31));
      }
    }
  }

  /** The highest level whose threshold is at or below x. */
  private level(p: number, x: number): number {
    const t = this.thresholds[p] ?? new Float64Array(1);
    let lo = 0;
    let hi = t.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >>> 1;
      if ((t[mid] ?? 0) <= x) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  private grow(): void {
    const capacity = this.ids.length * 2;
    const larger = <T extends Int32Array | Uint32Array>(from: T, to: T): T => (to.set(from), to);
    this.ids = larger(this.ids, new Int32Array(capacity));
    this.sets = this.sets.map((set) => larger(set, new Uint32Array(capacity >>> 5)));
    this.summaries = this.summaries.map((summary) => larger(summary, new Uint32Array(capacity >>> 10)));
  }
}

/** LEVELS thresholds for party p: −∞, then quantiles of the candidates' utilities. */
function quantiles(u: Float64Array, parties: number, p: number, order: ArrayLike<number>): Float64Array {
  const n = order.length;
  const step = Math.max(1, Math.floor(n / 4096));
  const sample = new Float64Array(Math.ceil(n / step));
  for (let s = 0, j = 0; s < n; s += step) sample[j++] = u[(order[s] ?? 0) * parties + p] ?? 0;
  sample.sort();
  const t = new Float64Array(LEVELS);
  t[0] = -Infinity;
  for (let level = 1; level < LEVELS; level++) t[level] = sample[Math.floor((level * sample.length) / LEVELS)] ?? 0;
  return t;
}
