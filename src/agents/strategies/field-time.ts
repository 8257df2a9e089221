import type { ClockView, StrategyContext } from '../strategy.js';

/**
 * Time as GENIUS and NegMAS define it. With a deadline of N rounds, both count the round
 * in progress, 1-based, against N + 1: t = (r + 1) / (N + 1) for the 0-based round r, the
 * same for every party within a round (GENIUS's DiscreteTimeline, NegMAS's relative time
 * of a step-limited mechanism). So t never reaches 1 while anyone may still act. With a
 * deadline in time, t is the share of the time used, as in both.
 */
export function fieldTime(view: ClockView): number {
  const { rounds, time } = view.deadline;
  const byRounds = rounds !== undefined && rounds > 0 ? (view.round + 1) / (rounds + 1) : 0;
  const byTime = time !== undefined && time > 0 ? view.now / time : 0;
  return Math.min(1, Math.max(byRounds, byTime));
}

/**
 * How much of its room above the floor a discount-aware agent still claims at time t:
 * δ^t where its profile discounts (δ < 1) and discounting is on, else 1. An agreement at t
 * is worth δ^t of its utility, so the agent's demand above its floor shrinks as the pie does.
 */
export function roomShare(ctx: StrategyContext, discountAware: boolean): number {
  const d = ctx.prefs.current.discount;
  return discountAware && d > 0 && d < 1 ? Math.pow(d, ctx.t) : 1;
}

/** The utility at time t on the agent's own discounted scale: u · δ^t (u where it does not discount). */
export function discountedNow(ctx: StrategyContext, u: number, discountAware: boolean): number {
  return u * roomShare(ctx, discountAware);
}
