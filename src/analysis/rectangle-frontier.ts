import type { CompiledUtility, Space } from './compile.js';
import { and, andNot, isEmpty, nextBit, popcount, popcountAnd } from './bitset.js';
import { finalizeFrontier, MARGIN, round9, compareIndex, type IndexedPoint } from './vectors.js';

/** A rectangle of some party, as intervals over the space's allowed positions. */
interface Box {
  readonly party: number;
  readonly value: number;
  readonly issues: readonly number[];
  readonly lo: readonly number[];
  readonly hi: readonly number[];
}

export interface RectangleFrontierResult {
  readonly points: IndexedPoint[];
  readonly exact: boolean;
}

/**
 * Boxes of every party, or null when the structure does not hold (an additive party,
 * a rectangle over a discrete value set with gaps, a negative value).
 */
export function boxesOf(space: Space, fns: readonly CompiledUtility[]): Box[] | null {
  const boxes: Box[] = [];
  for (let p = 0; p < fns.length; p++) {
    const fn = fns[p]!;
    if (fn.kind !== 'rectangles') return null;
    for (const r of fn.rectangles) {
      if (r.value < 0 || r.intervals.some((iv) => iv === null)) return null;
      const box = toPositions(space, p, r.value, r.issues, r.intervals as [number, number][]);
      if (box && r.value > 0) boxes.push(box);
    }
  }
  return boxes;
}

function toPositions(
  space: Space,
  party: number,
  value: number,
  issues: readonly number[],
  intervals: readonly [number, number][],
): Box | null {
  const lo: number[] = [];
  const hi: number[] = [];
  for (let j = 0; j < issues.length; j++) {
    const allowed = space.allowed[issues[j]!]!;
    const [a, b] = intervals[j]!;
    let first = 0;
    while (first < allowed.length && allowed[first]! < a) first++;
    let last = allowed.length - 1;
    while (last >= 0 && allowed[last]! > b) last--;
    if (first > last) return null;
    lo.push(first);
    hi.push(last);
  }
  return { party, value, issues, lo, hi };
}

/** Two boxes share a point when their intervals meet on every issue both constrain. */
function meet(a: Box, b: Box): boolean {
  for (let j = 0; j < a.issues.length; j++) {
    const k = b.issues.indexOf(a.issues[j]!);
    if (k >= 0 && (a.lo[j]! > b.hi[k]! || b.lo[k]! > a.hi[j]!)) return false;
  }
  return true;
}

/**
 * The frontier of rectangle utilities without visiting outcomes. Values are positive and
 * pairwise-meeting boxes share a point (Helly in one dimension, issue by issue), so the
 * rectangles containing an outcome form a clique of the "meet" graph and every clique is
 * reached by the first point of its common box. A frontier outcome's rectangles form a
 * maximal clique (one more rectangle would add value), and the first outcome of that box
 * lies in no other rectangle. So the frontier is the non-dominated part of the maximal
 * cliques' value vectors, each with the first corner among the cliques reaching it. The
 * search is Bron–Kerbosch with pivoting, cut where the clique plus every candidate is
 * beaten by a found point by more than MARGIN (such branches reach no frontier vector).
 */
export function rectangleFrontier(
  space: Space,
  boxes: readonly Box[],
  scales: readonly number[],
  deadline: number,
  onProgress?: (fraction: number) => void,
): RectangleFrontierResult {
  const search = new CliqueSearch(
    space,
    [...boxes].sort((a, b) => b.value / scale(scales, b.party) - a.value / scale(scales, a.party)),
    scales,
    deadline,
  );
  search.run(onProgress);
  return { points: finalizeFrontier(search.candidates.values()), exact: !search.aborted };
}

function scale(scales: readonly number[], p: number): number {
  return scales[p] === 0 ? Infinity : scales[p]!;
}

/** Weightings of two parties whose colouring bounds cut branches. */
const LAMBDAS: number[] = [0.5];

/** Weightings of the parties tried by the greedy seeds. */
const SEED_STEPS = 32;

class CliqueSearch {
  readonly candidates = new Map<string, IndexedPoint>();
  aborted = false;
  private readonly words: number;
  private readonly adjacency: Uint32Array[];
  private readonly weights: Float64Array[];
  /** Each box's value divided by its party's scale. */
  private readonly normalised: Float64Array;
  /** Colour classes (bitsets, one after another) and their best values, reused by every bound. */
  private readonly scratch: Uint32Array;
  private readonly classBest: Float64Array;
  private readonly found: number[][] = [];
  private nodes = 0;
  private readonly clique: number[] = [];

  constructor(
    private readonly space: Space,
    private readonly boxes: readonly Box[],
    private readonly scales: readonly number[],
    private readonly deadline: number,
  ) {
    const n = boxes.length;
    this.words = Math.max(1, Math.ceil(n / 32));
    this.adjacency = boxes.map((a, i) => {
      const row = new Uint32Array(this.words);
      boxes.forEach((b, j) => {
        if (i !== j && meet(a, b)) row[j >>> 5]! |= 1 << (j & 31);
      });
      return row;
    });
    this.normalised = Float64Array.from(boxes, (b) => b.value / scale(scales, b.party));
    this.scratch = new Uint32Array(n * this.words);
    this.classBest = new Float64Array(n);
    this.weights = boxes.map((b) => {
      const w = new Float64Array(scales.length);
      w[b.party] = b.value / scale(scales, b.party);
      return w;
    });
  }

  run(onProgress?: (fraction: number) => void): void {
    for (let step = 0; step <= SEED_STEPS; step++) this.seed(step / SEED_STEPS);
    const all = new Uint32Array(this.words);
    for (let j = 0; j < this.boxes.length; j++) all[j >>> 5]! |= 1 << (j & 31);
    const raw = new Float64Array(this.scales.length);
    this.expand(raw, all, new Uint32Array(this.words), onProgress);
  }

  private expand(raw: Float64Array, p: Uint32Array, x: Uint32Array, onProgress?: (fraction: number) => void): void {
    if ((++this.nodes & 1023) === 0 && Date.now() > this.deadline) this.aborted = true;
    if (this.aborted) return;
    if (isEmpty(p)) {
      if (isEmpty(x)) this.report(raw);
      return;
    }
    const pivot = this.pivot(p, x);
    const todo = andNot(p, this.adjacency[pivot]!);
    const total = popcount(todo);
    let done = 0;
    for (let v = nextBit(todo, 0); v >= 0; v = nextBit(todo, v + 1)) {
      if (this.beaten(raw, p, false)) return;
      const next = Float64Array.from(raw);
      const b = this.boxes[v]!;
      next[b.party]! += b.value;
      const inner = and(p, this.adjacency[v]!);
      // A child whose every clique is beaten is skipped; v still moves to X below.
      if (!this.beaten(next, inner, true)) {
        this.clique.push(v);
        this.expand(next, inner, and(x, this.adjacency[v]!));
        this.clique.pop();
      }
      p[v >>> 5]! &= ~(1 << (v & 31));
      x[v >>> 5]! |= 1 << (v & 31);
      onProgress?.(++done / total);
    }
  }

  /**
   * A quick maximal clique for one weighting of the parties (greedy by weighted value),
   * reported before the search so that its points cut branches from the start.
   */
  private seed(lambda: number): void {
    const weighted = (v: number) =>
      this.weights[v]!.reduce(
        (a, w, k) => a + w * (k === 0 ? lambda : (1 - lambda) / Math.max(1, this.scales.length - 1)),
        0,
      );
    const order = this.boxes.map((_, v) => v).sort((a, b) => weighted(b) - weighted(a) || a - b);
    const raw = new Float64Array(this.scales.length);
    this.clique.length = 0;
    for (const v of order) {
      if (this.clique.some((u) => !(this.adjacency[u]![v >>> 5]! & (1 << (v & 31))))) continue;
      this.clique.push(v);
      raw[this.boxes[v]!.party]! += this.boxes[v]!.value;
    }
    this.report(raw);
    this.clique.length = 0;
  }

  private pivot(p: Uint32Array, x: Uint32Array): number {
    let best = -1;
    let bestCount = -1;
    for (const set of [p, x]) {
      for (let u = nextBit(set, 0); u >= 0; u = nextBit(set, u + 1)) {
        const c = popcountAnd(p, this.adjacency[u]!);
        if (c > bestCount) [best, bestCount] = [u, c];
      }
    }
    return best;
  }

  /**
   * The clique plus the best the candidates can add is still clearly beaten by a point
   * found. First the plain sum of candidates; then, per party, a colouring bound: the
   * party's candidates split greedily into sets of pairwise-disjoint boxes, and a clique
   * takes at most one box of each set, so it gains at most the sum of the sets' maxima.
   */
  private beaten(raw: Float64Array, p: Uint32Array, colour: boolean): boolean {
    const bound = this.normalise(raw);
    for (let v = nextBit(p, 0); v >= 0; v = nextBit(p, v + 1)) {
      const w = this.weights[v]!;
      for (let k = 0; k < bound.length; k++) bound[k]! += w[k]!;
    }
    // Utilities are capped at 1, so no bound need exceed it (a tighter bound cuts more).
    for (let k = 0; k < bound.length; k++) bound[k] = Math.min(1, bound[k]!);
    if (this.found.some((f) => clearlyBeats(f, bound))) return true;
    if (!colour) return false;
    const base = this.normalise(raw);
    const tight = base.map((b, k) =>
      Math.min(
        1,
        b +
          this.colouringBound(
            p,
            base.map((_, j) => (j === k ? 1 : 0)),
          ),
      ),
    );
    if (this.found.some((f) => clearlyBeats(f, tight))) return true;
    if (base.length !== 2) return false;
    const cuts = LAMBDAS.map((l) => ({ l, b: l * base[0]! + (1 - l) * base[1]! + this.colouringBound(p, [l, 1 - l]) }));
    return staircaseCovers(this.found, tight, cuts);
  }

  /** A bound on Σ mix[k]·u[k] the candidates can add: one box per colour class at most. */
  private colouringBound(p: Uint32Array, mix: readonly number[]): number {
    const words = this.words;
    const classes = this.scratch;
    const best = this.classBest;
    let used = 0;
    for (let v = nextBit(p, 0); v >= 0; v = nextBit(p, v + 1)) {
      const w = this.normalised[v]! * mix[this.boxes[v]!.party]!;
      if (w <= 0) continue;
      const row = this.adjacency[v]!;
      let c = 0;
      for (; c < used; c++) {
        let meets = false;
        for (let i = 0; i < words && !meets; i++) meets = (classes[c * words + i]! & row[i]!) !== 0;
        if (!meets) break;
      }
      if (c === used) {
        classes.fill(0, c * words, (c + 1) * words);
        best[c] = 0;
        used++;
      }
      classes[c * words + (v >>> 5)]! |= 1 << (v & 31);
      if (w > best[c]!) best[c] = w;
    }
    let total = 0;
    for (let c = 0; c < used; c++) total += best[c]!;
    return total;
  }

  /** Capping is monotone, so bounds on raw sums stay bounds on capped utilities. */
  private normalise(raw: Float64Array): number[] {
    return Array.from(raw, (s, k) => (this.scales[k] === 0 ? 0 : Math.min(1, s / this.scales[k]!)));
  }

  private report(raw: Float64Array): void {
    const u = this.normalise(raw);
    if (this.found.some((f) => clearlyBeats(f, u))) return;
    const index = this.firstCorner();
    const key = u.map(round9).join(',');
    const seen = this.candidates.get(key);
    if (!seen || compareIndex(index, seen.index) < 0) this.candidates.set(key, { utilities: u, index });
    if (!this.found.some((f) => f.every((y, k) => y >= u[k]!))) {
      for (let i = this.found.length - 1; i >= 0; i--) if (clearlyBeats(u, this.found[i]!)) this.found.splice(i, 1);
      this.found.push(u);
    }
  }

  /** The first outcome, in value order, of the clique's common box. */
  private firstCorner(): number[] {
    const pos = this.space.allowed.map(() => 0);
    for (const v of this.clique) {
      const b = this.boxes[v]!;
      b.issues.forEach((i, j) => {
        if (b.lo[j]! > pos[i]!) pos[i] = b.lo[j]!;
      });
    }
    return pos.map((k, i) => this.space.allowed[i]![k]!);
  }
}

function clearlyBeats(f: readonly number[], u: readonly number[]): boolean {
  let clear = false;
  for (let k = 0; k < f.length; k++) {
    if (f[k]! < u[k]!) return false;
    if (f[k]! > u[k]! + MARGIN) clear = true;
  }
  return clear;
}

/**
 * Two parties: every point of the region {u ≤ box, λ·u₀ + (1 − λ)·u₁ ≤ b for each cut} is
 * clearly beaten by the found points. The points no found point beats, shifted down by
 * twice MARGIN, lie strictly above one of the staircase's corners; the region (convex and
 * closed downwards) has a point strictly above a corner exactly when the corner satisfies
 * every constraint strictly.
 */
function staircaseCovers(
  found: readonly number[][],
  box: readonly number[],
  cuts: readonly { l: number; b: number }[],
): boolean {
  const steps = [...found].sort((a, b) => b[0]! - a[0]!);
  const low = -1e300;
  const corners: [number, number][] = [[steps[0]![0]!, low]];
  for (let j = 0; j + 1 < steps.length; j++) corners.push([steps[j + 1]![0]!, steps[j]![1]!]);
  corners.push([low, steps[steps.length - 1]![1]!]);
  for (const [a, b] of corners) {
    const ca = a - 2 * MARGIN;
    const cb = b - 2 * MARGIN;
    if (ca < box[0]! && cb < box[1]! && cuts.every((c) => c.l * ca + (1 - c.l) * cb < c.b)) return false;
  }
  return true;
}
