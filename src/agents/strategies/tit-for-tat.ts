import type { Outcome } from '../../core/domain.js';
import { type Acceptance, readAcceptance } from '../acceptance.js';
import type { ParamReader } from '../params.js';
import type { Strategy, StrategyContext, StrategyEvent } from '../strategy.js';
import { acceptsBy, outcomeNear } from './targeting.js';
import { concessionTarget } from './time-dependent.js';

/**
 * Relative tit-for-tat: concede, as a share of one's own room (max − floor), the share of
 * its room the opponent has conceded, both measured in one's own utility. A late Boulware
 * curve (`fallbackExponent`) bounds the target so that two mirrors do not stall forever.
 */
export class TitForTatStrategy implements Strategy {
  readonly name = 'tit-for-tat';
  private first: number | null = null;
  private best = -Infinity;

  constructor(
    private readonly factor: number,
    private readonly fallbackExponent: number,
    private readonly acceptance: Acceptance,
    private readonly band: number,
  ) {}

  /** Share of its room the opponent has conceded so far, in [0, 1]. */
  opponentConcession(ctx: StrategyContext): number {
    if (this.first === null) return 0;
    const room = ctx.prefs.max - this.first;
    return room <= 0 ? 1 : Math.min(1, Math.max(0, (this.best - this.first) / room));
  }

  target(ctx: StrategyContext): number {
    const { max, floor } = ctx.prefs;
    const mirrored = max - Math.min(1, this.factor * this.opponentConcession(ctx)) * (max - floor);
    return Math.min(mirrored, concessionTarget(ctx.t, max, floor, this.fallbackExponent));
  }

  propose(ctx: StrategyContext): Outcome | null {
    return outcomeNear(ctx, this.target(ctx), this.band * (ctx.prefs.max - ctx.prefs.floor));
  }

  accepts(offer: Outcome, ctx: StrategyContext): boolean {
    return acceptsBy(this.acceptance, this, offer, ctx);
  }

  observe(event: StrategyEvent, ctx: StrategyContext): void {
    // In mediated talks the texts tabled are the only sign of the other side's movement.
    if (event.kind !== 'received' && event.kind !== 'tabled') return;
    const u = ctx.prefs.utility(event.outcome);
    if (this.first === null) this.first = u;
    if (u > this.best) this.best = u;
  }
}

/** `factor` (how much of the opponent's concession to return), `fallbackExponent`, `band`, acceptance. */
export function titForTat(params: ParamReader): TitForTatStrategy {
  return new TitForTatStrategy(
    params.number('factor', 1, { min: 0 }),
    params.number('fallbackExponent', 0.1, { min: 1e-3, max: 1e3 }),
    readAcceptance(params, 'next'),
    params.number('band', 0.02, { min: 0, max: 1 }),
  );
}
