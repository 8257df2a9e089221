import type { Outcome } from '../../core/domain.js';
import type { ParamReader } from '../params.js';
import type { Strategy, StrategyContext } from '../strategy.js';

/**
 * Offers a random acceptable outcome each turn and accepts an acceptable offer above a
 * threshold drawn anew at each decision between its floor and its best. A baseline.
 */
export class RandomStrategy implements Strategy {
  readonly name = 'random';
  constructor(private readonly tries: number) {}

  propose(ctx: StrategyContext): Outcome | null {
    const prefs = ctx.prefs;
    const n = prefs.countAtLeast(prefs.floor);
    for (let i = 0; i < this.tries && n > 0; i++) {
      const p = ctx.random.int(n);
      if (prefs.okAt(p)) return prefs.outcomeAt(p);
    }
    const p = prefs.lowestAtLeast(prefs.floor);
    return p < 0 ? null : prefs.outcomeAt(p);
  }

  accepts(offer: Outcome, ctx: StrategyContext): boolean {
    const u = ctx.prefs.utility(offer);
    if (!ctx.prefs.acceptableWith(offer, u)) return false;
    const { max, floor } = ctx.prefs;
    return u >= floor + ctx.random.next() * (max - floor);
  }

  observe(): void {}
}

export function random(params: ParamReader): RandomStrategy {
  return new RandomStrategy(params.number('tries', 32, { min: 1 }));
}
