import type { Outcome } from '../../core/domain.js';
import type { Acceptance } from '../acceptance.js';
import type { Strategy, StrategyContext } from '../strategy.js';

/** How many outcomes near the target the opponent model may choose among. */
const MAX_CANDIDATES = 48;

/**
 * The position of an acceptable outcome worth at least `target`, close to it: among the
 * outcomes in [target, target + width], the one the opponents are estimated to like best
 * (the closest to the target while nothing is known of them). −1 when none is acceptable.
 */
export function positionNear(ctx: StrategyContext, target: number, width: number): number {
  const prefs = ctx.prefs;
  const lowest = prefs.lowestAtLeast(Math.min(target, prefs.max));
  if (lowest < 0) return -1;
  if (!ctx.opponents.informed) return lowest;
  const space = prefs.outcomes;
  const k = space.issueCount;
  const ceiling = prefs.utilityAt(lowest) + width;
  let best = lowest;
  let bestScore = ctx.opponents.predictRow(space.rows, lowest * k);
  for (let p = lowest - 1, seen = 1; p >= 0 && seen < MAX_CANDIDATES && prefs.utilityAt(p) <= ceiling; p--) {
    if (!prefs.okAt(p)) continue;
    seen++;
    const score = ctx.opponents.predictRow(space.rows, p * k);
    if (score > bestScore) {
      best = p;
      bestScore = score;
    }
  }
  return best;
}

export function outcomeNear(ctx: StrategyContext, target: number, width: number): Outcome | null {
  const p = positionNear(ctx, target, width);
  return p < 0 ? null : ctx.prefs.outcomeAt(p);
}

/** Own acceptability first, then the acceptance condition against what would come next. */
export function acceptsBy(acceptance: Acceptance, strategy: Strategy, offer: Outcome, ctx: StrategyContext): boolean {
  const offerUtility = ctx.prefs.utility(offer);
  if (!ctx.prefs.acceptableWith(offer, offerUtility)) return false;
  const next = ctx.next ? ctx.next() : strategy.propose(ctx);
  const nextUtility = next ? ctx.prefs.utility(next) : ctx.prefs.floor;
  return acceptance.holds({ offerUtility, nextUtility, t: ctx.t });
}
