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
  const index = new UtilityIndex(u, parties, Math.min(order.length, 1024));
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

/** Kept row ids sorted by each party's utility, best first. */
class UtilityIndex {
  private lists: Int32Array[];
  private size = 0;

  constructor(
    private readonly u: Float64Array,
    private readonly parties: number,
    capacity: number,
  ) {
    this.lists = Array.from({ length: parties }, () => new Int32Array(Math.max(1, capacity)));
  }

  /** A kept row that beats row k, or −1. */
  findBeater(k: number, margin: number): number {
    const { u, parties } = this;
    let shortest = 0;
    let shortestLength = Infinity;
    for (let p = 0; p < parties && shortestLength > 0; p++) {
      const atLeast = this.countAtLeast(p, u[k * parties + p] ?? 0);
      if (atLeast < shortestLength) [shortest, shortestLength] = [p, atLeast];
    }
    const list = this.lists[shortest] ?? new Int32Array(0);
    // Nearest first: rows just above k on this party are the likeliest to beat it elsewhere.
    for (let r = shortestLength - 1; r >= 0; r--) {
      const q = list[r] ?? 0;
      if (beats(u, q, k, parties, margin)) return q;
    }
    return -1;
  }

  insert(k: number): void {
    if (this.size === (this.lists[0]?.length ?? 0)) this.grow();
    for (let p = 0; p < this.parties; p++) {
      const list = this.lists[p] ?? new Int32Array(0);
      const at = this.countAtLeast(p, this.u[k * this.parties + p] ?? 0);
      list.copyWithin(at + 1, at, this.size);
      list[at] = k;
    }
    this.size++;
  }

  /** How many kept rows give party p at least x (a prefix of its list). */
  private countAtLeast(p: number, x: number): number {
    const list = this.lists[p] ?? new Int32Array(0);
    const { u, parties } = this;
    let lo = 0;
    let hi = this.size;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((u[(list[mid] ?? 0) * parties + p] ?? 0) >= x) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  private grow(): void {
    this.lists = this.lists.map((list) => {
      const bigger = new Int32Array(list.length * 2);
      bigger.set(list);
      return bigger;
    });
  }
}
