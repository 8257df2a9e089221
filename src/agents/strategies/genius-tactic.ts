import type { Outcome } from '../../core/domain.js';
import type { OwnPreferences } from '../preferences.js';
import type { Strategy, StrategyContext } from '../strategy.js';
import { discountedNow, fieldTime, roomShare } from './field-time.js';

/**
 * GENIUS's time-dependent tactic (Faratin et al., as in GENIUS's TimeDependentAgent, the
 * BOA TimeDependent_Offering and the Boulware/Conceder parties), with k = 0:
 *   f(t) = t^(1/e),  p(t) = Pmin + (Pmax − Pmin) · (1 − f(t)),
 * Pmax the best utility, Pmin = max(worst utility, reservation), t = (r + 1)/(N + 1).
 * It offers the outcome whose utility is nearest p(t), and accepts when the offer's
 * discounted utility is strictly above that of the bid it would make next (AC_next with
 * GENIUS's strict comparison). Discount-aware (the default where the profile discounts),
 * p(t) keeps only δ^t of its room above Pmin.
 */
export class GeniusTimeDependent implements Strategy {
  constructor(
    readonly name: string,
    readonly exponent: number,
    private readonly discountAware: boolean,
  ) {}

  time = fieldTime;

  target(ctx: StrategyContext): number {
    const pMax = ctx.prefs.max;
    const pMin = ctx.prefs.floor;
    const f = Math.pow(Math.min(1, Math.max(0, ctx.t)), 1 / this.exponent);
    return pMin + (pMax - pMin) * (1 - f) * roomShare(ctx, this.discountAware);
  }

  propose(ctx: StrategyContext): Outcome | null {
    const p = nearestPosition(ctx.prefs, this.target(ctx));
    return p < 0 ? null : ctx.prefs.outcomeAt(p);
  }

  accepts(offer: Outcome, ctx: StrategyContext): boolean {
    if (!ctx.prefs.acceptable(offer)) return false;
    const next = ctx.next ? ctx.next() : this.propose(ctx);
    if (!next) return true;
    const offered = discountedNow(ctx, ctx.prefs.utility(offer), this.discountAware);
    return discountedNow(ctx, ctx.prefs.utility(next), this.discountAware) < offered;
  }

  observe(): void {}
}

/**
 * The acceptable outcome whose utility is nearest `target`; on equal distance the higher
 * utility, and among outcomes of equal utility the first in the domain's enumeration
 * order (the order of the sorted space). −1 when nothing is acceptable.
 */
export function nearestPosition(prefs: OwnPreferences, target: number): number {
  if (!prefs.hasAcceptable) return -1;
  const above = prefs.lowestAtLeast(Math.min(target, prefs.max));
  let below = -1;
  for (let p = prefs.countAtLeast(target); p < prefs.outcomes.size; p++) {
    if (prefs.utilityAt(p) < prefs.reservation) break;
    if (prefs.okAt(p) && prefs.utilityAt(p) < target) {
      below = p;
      break;
    }
  }
  if (above < 0) return firstOfTie(prefs, below);
  if (below < 0) return firstOfTie(prefs, above);
  const up = prefs.utilityAt(above) - target;
  const down = target - prefs.utilityAt(below);
  return firstOfTie(prefs, down < up ? below : above);
}

/** The first acceptable position holding the same utility as `p`. */
function firstOfTie(prefs: OwnPreferences, p: number): number {
  if (p < 0) return p;
  const u = prefs.utilityAt(p);
  let first = p;
  for (let q = p - 1; q >= 0 && prefs.utilityAt(q) === u; q--) if (prefs.okAt(q)) first = q;
  return first;
}
