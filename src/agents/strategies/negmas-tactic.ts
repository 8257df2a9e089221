import type { Outcome } from '../../core/domain.js';
import type { OwnPreferences } from '../preferences.js';
import type { Strategy, StrategyContext } from '../strategy.js';
import { fieldTime, roomShare } from './field-time.js';
import { numpyArgsort } from './numpy-order.js';

/** NegMAS subtracts this from the aspiration level before offering and accepting. */
const TOLERANCE = 1e-4;
/** NegMAS's inverter takes an outcome this far below the level when it is nearer. */
const BELOW = 1e-6;

/**
 * NegMAS's time-based negotiators (BoulwareTBNegotiator, LinearTBNegotiator,
 * ConcederTBNegotiator, NegMAS 0.15.7): the aspiration a(t) = 1 − t^(1/e) (NegMAS writes
 * 1 − t^x with x = 4, 1, 0.25; here e = 0.25, 1, 4), t = (r + 1)/(N + 1), and one level
 *   θ(t) = clamp(u_min + (u_max − u_min) · a(t) − 0.0001, u_min, u_max)
 * for both moves, u_min = max(worst utility, reservation). It accepts an offer worth at
 * least θ(t) and offers the lowest outcome worth at least θ(t), as NegMAS's presorting
 * inverter finds it. Discount-aware (the default where the profile discounts), a(t) is
 * scaled by δ^t.
 */
export class NegmasTimeDependent implements Strategy {
  private inverter: PresortedOutcomes | null = null;

  constructor(
    readonly name: string,
    readonly exponent: number,
    private readonly discountAware: boolean,
  ) {}

  time = fieldTime;

  level(ctx: StrategyContext): number {
    const max = ctx.prefs.max;
    const min = ctx.prefs.floor;
    const t = Math.min(1, Math.max(0, ctx.t));
    const aspiration = (1 - Math.pow(t, 1 / this.exponent)) * roomShare(ctx, this.discountAware);
    return Math.min(max, Math.max(min, min + (max - min) * aspiration - TOLERANCE));
  }

  propose(ctx: StrategyContext): Outcome | null {
    const p = this.presorted(ctx.prefs).worstAtLeast(this.level(ctx));
    return p < 0 ? null : ctx.prefs.outcomeAt(p);
  }

  accepts(offer: Outcome, ctx: StrategyContext): boolean {
    return ctx.prefs.acceptable(offer) && ctx.prefs.utility(offer) >= this.level(ctx);
  }

  observe(): void {}

  private presorted(prefs: OwnPreferences): PresortedOutcomes {
    if (!this.inverter?.matches(prefs)) this.inverter = new PresortedOutcomes(prefs);
    return this.inverter;
  }
}

/**
 * The acceptable outcomes sorted by utility, ascending, in the order NegMAS's presorting
 * inverter holds them: enumerated issue by issue (the last issue fastest), then put in
 * numpy argsort order, which decides among outcomes of equal utility.
 */
export class PresortedOutcomes {
  /** Sorted-space positions, ascending utility. */
  private readonly positions: Int32Array;
  private readonly utilities: Float64Array;
  private readonly reservation: number;
  private readonly source: OwnPreferences['outcomes'];
  /** Red lines by content: outside events rebuild the party object on every view. */
  private readonly lines: string;

  constructor(prefs: OwnPreferences) {
    this.source = prefs.outcomes;
    this.reservation = prefs.reservation;
    this.lines = JSON.stringify(prefs.current.redLines);
    const enumerated = acceptableInEnumerationOrder(prefs);
    const values = Float64Array.from(enumerated, (p) => prefs.utilityAt(p));
    const order = numpyArgsort(values);
    this.positions = Int32Array.from(order, (i) => enumerated[i]!);
    this.utilities = Float64Array.from(order, (i) => values[i]!);
  }

  matches(prefs: OwnPreferences): boolean {
    return (
      this.source === prefs.outcomes &&
      this.reservation === prefs.reservation &&
      this.lines === JSON.stringify(prefs.current.redLines)
    );
  }

  /**
   * NegMAS's `worst_in`: the first outcome (in this order) worth at least `level`, or the
   * one nearest below it when that lies within 1e-6 and nearer; −1 when there is none.
   */
  worstAtLeast(level: number): number {
    const us = this.utilities;
    const n = us.length;
    if (n === 0) return -1;
    let lo = 0;
    let hi = n;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (us[mid]! < level) lo = mid + 1;
      else hi = mid;
    }
    const i = Math.min(lo, n - 1);
    let best = i;
    const below = i - 1;
    if (below >= 0 && us[below]! >= level - BELOW && Math.abs(us[below]! - level) < Math.abs(us[i]! - level)) {
      best = below;
      while (best > 0 && us[best - 1] === us[below]) best--;
    }
    return this.positions[best]!;
  }
}

/** Positions of the acceptable outcomes, in the domain's enumeration order. */
function acceptableInEnumerationOrder(prefs: OwnPreferences): Int32Array {
  const space = prefs.outcomes;
  const k = space.issueCount;
  const kept: number[] = [];
  for (let p = 0; p < space.size && space.utilities[p]! >= prefs.reservation; p++) if (prefs.okAt(p)) kept.push(p);
  const rows = space.rows;
  kept.sort((a, b) => {
    for (let i = 0; i < k; i++) {
      const d = rows[a * k + i]! - rows[b * k + i]!;
      if (d !== 0) return d;
    }
    return a - b;
  });
  return Int32Array.from(kept);
}
