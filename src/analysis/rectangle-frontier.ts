/**
 * The frontier of hyper-rectangle utilities (ANAC 2014) without visiting outcomes.
 *
 * The geometry, once: a party's utility of an outcome is the sum of the values of its
 * rectangles that contain the outcome (capped at 1 after dividing by the party's scale).
 * Every value is positive, and axis-parallel boxes that pairwise meet share a common point
 * (Helly's theorem in one dimension, applied issue by issue). So the boxes containing an
 * outcome form a clique of the "meet" graph, and every clique is reached by the first
 * outcome of its common box. A frontier outcome's boxes form a maximal clique (one more
 * box would add value), and the first outcome of that clique's common box lies in no
 * other box. The frontier is therefore the non-dominated part of the maximal cliques' value
 * vectors, each with the first corner among the cliques that reach it.
 *
 * The search is Bron–Kerbosch with pivoting over the boxes of all parties, cut wherever
 * the clique plus everything it could still take is beaten by a found point by more than
 * MARGIN (such a branch reaches no frontier vector).
 */
import type { CompiledRectangle, CompiledUtility, Space } from './compile.js';
import {
  addBit,
  and,
  andNot,
  fullSet,
  hasBit,
  intersects,
  isEmpty,
  nextBit,
  popcount,
  popcountAnd,
  removeBit,
  wordsFor,
} from './bitset.js';
import type { FrontierResult } from './types.js';
import { dominates, finalizeFrontier, FirstPerVector, MARGIN, type IndexedPoint } from './vectors.js';

/** The positions first..last (of the space's allowed positions) a box spans on one issue. */
interface Span {
  readonly issue: number;
  readonly first: number;
  readonly last: number;
}

/** A rectangle of some party, as spans over the space's allowed positions. */
interface Box {
  readonly party: number;
  readonly value: number;
  readonly spans: readonly Span[];
}

/** A rectangle whose every constrained issue is one interval of values. */
type IntervalRectangle = CompiledRectangle & { readonly intervals: readonly [number, number][] };

function hasIntervals(r: CompiledRectangle): r is IntervalRectangle {
  return r.intervals.every((iv) => iv !== null);
}

/**
 * Boxes of every party, or null when the geometry does not hold (an additive party, a
 * rectangle over a discrete value set with gaps, a negative value).
 */
export function boxesOf(space: Space, fns: readonly CompiledUtility[]): Box[] | null {
  const boxes: Box[] = [];
  for (const [party, fn] of fns.entries()) {
    if (fn.kind !== 'rectangles') return null;
    for (const r of fn.rectangles) {
      if (r.value < 0 || !hasIntervals(r)) return null;
      const spans = spansWithin(space, r);
      if (spans && r.value > 0) boxes.push({ party, value: r.value, spans });
    }
  }
  return boxes;
}

/** The rectangle's intervals as allowed positions; null when one holds no allowed value. */
function spansWithin(space: Space, r: IntervalRectangle): Span[] | null {
  const spans: Span[] = [];
  for (const [j, issue] of r.issues.entries()) {
    const allowed = space.allowed[issue] ?? new Int32Array(0);
    const [lowest, highest] = r.intervals[j] ?? [0, -1];
    let first = 0;
    while (first < allowed.length && (allowed[first] ?? 0) < lowest) first++;
    let last = allowed.length - 1;
    while (last >= 0 && (allowed[last] ?? 0) > highest) last--;
    if (first > last) return null;
    spans.push({ issue, first, last });
  }
  return spans;
}

/** Two boxes share a point when their spans overlap on every issue both constrain. */
function meet(a: Box, b: Box): boolean {
  for (const sa of a.spans) {
    const sb = b.spans.find((s) => s.issue === sa.issue);
    if (sb && (sa.first > sb.last || sb.first > sa.last)) return false;
  }
  return true;
}

export function rectangleFrontier(
  space: Space,
  boxes: readonly Box[],
  scales: readonly number[],
  deadline: number,
  onProgress?: (fraction: number) => void,
): FrontierResult<IndexedPoint> {
  const share = (b: Box) => b.value / scaleOf(scales, b.party);
  const byShare = [...boxes].sort((a, b) => share(b) - share(a));
  const search = new CliqueSearch(space, byShare, scales, deadline);
  search.run(onProgress);
  return { frontier: finalizeFrontier(search.candidates).frontier, exact: !search.aborted };
}

/** A party's scale, with 0 (a party without rectangles) as infinitely large. */
function scaleOf(scales: readonly number[], party: number): number {
  const s = scales[party] ?? 0;
  return s === 0 ? Infinity : s;
}

/** Weightings of two parties whose colouring bounds cut branches. */
const LAMBDAS: readonly number[] = [0.5];

/** What a missing row reads as (never read: rows exist for every box). */
const NONE = new Uint32Array(0);

/** Weightings of the parties tried by the greedy seeds. */
const SEED_STEPS = 32;

class CliqueSearch {
  /** Every maximal clique's vector reported, with the first corner reaching it. */
  readonly candidates = new FirstPerVector();
  aborted = false;
  /** Per box (in search order): its party, its share of the party's scale, the boxes it meets. */
  private readonly partyOf: Int32Array;
  private readonly shareOf: Float64Array;
  private readonly meetsOf: readonly Uint32Array[];
  /** Non-dominated vectors reported so far: what branches are cut against. */
  private readonly found: Float64Array[] = [];
  /** The boxes of the clique being grown, in the order they joined. */
  private readonly clique: number[] = [];
  /** Colour classes (sets of pairwise-disjoint boxes), reused by every colouring bound. */
  private readonly classes: Uint32Array[] = [];
  private readonly classBest: Float64Array;
  private visited = 0;

  constructor(
    private readonly space: Space,
    private readonly boxes: readonly Box[],
    private readonly scales: readonly number[],
    private readonly deadline: number,
  ) {
    const words = wordsFor(boxes.length);
    this.meetsOf = boxes.map((a, i) => {
      const meets = new Uint32Array(words);
      boxes.forEach((b, j) => {
        if (i !== j && meet(a, b)) addBit(meets, j);
      });
      return meets;
    });
    this.partyOf = Int32Array.from(boxes, (b) => b.party);
    this.classBest = new Float64Array(boxes.length);
    this.shareOf = Float64Array.from(boxes, (b) => b.value / scaleOf(scales, b.party));
  }

  run(onProgress?: (fraction: number) => void): void {
    for (let step = 0; step <= SEED_STEPS; step++) this.seed(step / SEED_STEPS);
    const gained = new Float64Array(this.scales.length);
    const explored = new Uint32Array(wordsFor(this.boxes.length));
    this.expand(gained, fullSet(this.boxes.length), explored, onProgress);
  }

  /** The boxes box v meets. */
  private meets(v: number): Uint32Array {
    return this.meetsOf[v] ?? NONE;
  }

  /**
   * Bron–Kerbosch step. `gained` is each party's raw sum over the clique; `open` holds the
   * boxes that meet the whole clique and may still join it; `explored` those that meet it
   * too but whose cliques were already searched (a clique is maximal when both are empty).
   */
  private expand(
    gained: Float64Array,
    open: Uint32Array,
    explored: Uint32Array,
    onProgress?: (fraction: number) => void,
  ): void {
    if ((++this.visited & 1023) === 0 && Date.now() > this.deadline) this.aborted = true;
    if (this.aborted) return;
    if (isEmpty(open)) {
      if (isEmpty(explored)) this.report(gained);
      return;
    }
    const branches = andNot(open, this.meets(this.pivot(open, explored)));
    const total = popcount(branches);
    let done = 0;
    for (let v = nextBit(branches, 0); v >= 0; v = nextBit(branches, v + 1)) {
      if (this.beatenBySum(gained, open)) return;
      const next = Float64Array.from(gained);
      const party = this.partyOf[v] ?? 0;
      next[party] = (next[party] ?? 0) + (this.boxes[v]?.value ?? 0);
      const meets = this.meets(v);
      const inner = and(open, meets);
      // A child whose every clique is beaten is skipped; v still moves to the explored set.
      if (!this.beatenBySum(next, inner) && !this.beatenByColouring(next, inner)) {
        this.clique.push(v);
        this.expand(next, inner, and(explored, meets));
        this.clique.pop();
      }
      removeBit(open, v);
      addBit(explored, v);
      onProgress?.(++done / total);
    }
  }

  /**
   * A quick maximal clique for one weighting of the parties (greedy by weighted share),
   * reported before the search so that its point cuts branches from the start.
   */
  private seed(lambda: number): void {
    const others = Math.max(1, this.scales.length - 1);
    const weighted = (v: number) => (this.shareOf[v] ?? 0) * (this.partyOf[v] === 0 ? lambda : (1 - lambda) / others);
    const order = this.boxes.map((_, v) => v).sort((a, b) => weighted(b) - weighted(a) || a - b);
    const gained = new Float64Array(this.scales.length);
    this.clique.length = 0;
    for (const v of order) {
      if (this.clique.some((u) => !hasBit(this.meets(u), v))) continue;
      this.clique.push(v);
      const party = this.partyOf[v] ?? 0;
      gained[party] = (gained[party] ?? 0) + (this.boxes[v]?.value ?? 0);
    }
    this.report(gained);
    this.clique.length = 0;
  }

  /** The box of open ∪ explored that meets the most open boxes (fewest branches). */
  private pivot(open: Uint32Array, explored: Uint32Array): number {
    let best = -1;
    let bestCount = -1;
    for (const set of [open, explored]) {
      for (let u = nextBit(set, 0); u >= 0; u = nextBit(set, u + 1)) {
        const c = popcountAnd(open, this.meets(u));
        if (c > bestCount) [best, bestCount] = [u, c];
      }
    }
    return best;
  }

  /** Even taking every open box, the clique stays clearly beaten by a found point. */
  private beatenBySum(gained: Float64Array, open: Uint32Array): boolean {
    const bound = this.utilities(gained);
    for (let v = nextBit(open, 0); v >= 0; v = nextBit(open, v + 1)) {
      const party = this.partyOf[v] ?? 0;
      bound[party] = (bound[party] ?? 0) + (this.shareOf[v] ?? 0);
    }
    // Utilities are capped at 1, so no bound need exceed it (a tighter bound cuts more).
    return this.clearlyBeaten(bound.map((b) => Math.min(1, b)));
  }

  /**
   * A tighter bound: split each party's open boxes greedily into colour classes of
   * pairwise-disjoint boxes; a clique takes at most one box of each class, so it gains at
   * most the sum of the classes' best shares. With two parties, weighted sums of both
   * utilities are bounded the same way and the found points' staircase decides.
   */
  private beatenByColouring(gained: Float64Array, open: Uint32Array): boolean {
    const base = this.utilities(gained);
    const bound = new Float64Array(base.length);
    const onlyParty = new Float64Array(base.length);
    for (let k = 0; k < base.length; k++) {
      onlyParty.fill(0)[k] = 1;
      bound[k] = Math.min(1, (base[k] ?? 0) + this.colouringBound(open, onlyParty));
    }
    if (this.clearlyBeaten(bound)) return true;
    const [u0, u1] = base;
    if (base.length !== 2 || u0 === undefined || u1 === undefined) return false;
    const cuts = LAMBDAS.map((l) => ({ l, b: l * u0 + (1 - l) * u1 + this.colouringBound(open, [l, 1 - l]) }));
    return staircaseCovers(this.found, bound, cuts);
  }

  /** A bound on Σ mix[party]·share that the open boxes can add: one box per colour class. */
  private colouringBound(open: Uint32Array, mix: ArrayLike<number>): number {
    const { classes, classBest } = this;
    let used = 0;
    for (let v = nextBit(open, 0); v >= 0; v = nextBit(open, v + 1)) {
      const w = (this.shareOf[v] ?? 0) * (mix[this.partyOf[v] ?? 0] ?? 0);
      if (w <= 0) continue;
      const meets = this.meets(v);
      let c = 0;
      while (c < used && intersects(classes[c] ?? NONE, meets)) c++;
      if (c === used) {
        if (c === classes.length) classes.push(new Uint32Array(wordsFor(this.boxes.length)));
        else classes[c]?.fill(0);
        classBest[c] = 0;
        used++;
      }
      addBit(classes[c] ?? NONE, v);
      if (w > (classBest[c] ?? 0)) classBest[c] = w;
    }
    let total = 0;
    for (let c = 0; c < used; c++) total += classBest[c] ?? 0;
    return total;
  }

  private clearlyBeaten(u: Float64Array): boolean {
    return this.found.some((f) => dominates(f, u, MARGIN));
  }

  /** Each party's utility of raw sums; capping is monotone, so bounds on sums stay bounds. */
  private utilities(gained: Float64Array): Float64Array {
    return gained.map((s, k) => {
      const scale = this.scales[k] ?? 0;
      return scale === 0 ? 0 : Math.min(1, s / scale);
    });
  }

  /** A maximal clique: its vector and first corner become a candidate, the vector a cut. */
  private report(gained: Float64Array): void {
    const u = this.utilities(gained);
    if (this.clearlyBeaten(u)) return;
    this.candidates.add(u, this.firstCorner());
    if (this.found.some((f) => f.every((y, k) => y >= (u[k] ?? 0)))) return;
    for (let i = this.found.length - 1; i >= 0; i--) {
      if (dominates(u, this.found[i] ?? NONE, MARGIN)) this.found.splice(i, 1);
    }
    this.found.push(u);
  }

  /** The first outcome, in value order, of the clique's common box. */
  private firstCorner(): number[] {
    const position = this.space.allowed.map(() => 0);
    for (const v of this.clique) {
      for (const s of this.boxes[v]?.spans ?? []) position[s.issue] = Math.max(position[s.issue] ?? 0, s.first);
    }
    return position.map((k, i) => this.space.allowed[i]?.[k] ?? 0);
  }
}

/**
 * Two parties: every point of the region {u ≤ bound, λ·u₀ + (1 − λ)·u₁ ≤ b for each cut}
 * is clearly beaten by the found points. The points no found point beats, shifted down by
 * twice MARGIN, lie strictly above one of the staircase's corners; the region (convex and
 * closed downwards) has a point strictly above a corner exactly when the corner satisfies
 * every constraint strictly.
 */
function staircaseCovers(
  found: readonly Float64Array[],
  bound: Float64Array,
  cuts: readonly { l: number; b: number }[],
): boolean {
  const steps = [...found].sort((p, q) => (q[0] ?? 0) - (p[0] ?? 0));
  const low = -1e300;
  const corners: [number, number][] = [[steps[0]?.[0] ?? low, low]];
  for (let j = 0; j + 1 < steps.length; j++) corners.push([steps[j + 1]?.[0] ?? low, steps[j]?.[1] ?? low]);
  corners.push([low, steps[steps.length - 1]?.[1] ?? low]);
  const [b0 = 0, b1 = 0] = bound;
  for (const [a, b] of corners) {
    const ca = a - 2 * MARGIN;
    const cb = b - 2 * MARGIN;
    if (ca < b0 && cb < b1 && cuts.every((c) => c.l * ca + (1 - c.l) * cb < c.b)) return false;
  }
  return true;
}
