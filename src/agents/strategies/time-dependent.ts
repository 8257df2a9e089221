import type { Outcome } from '../../core/domain.js';
import { type Acceptance, readAcceptance } from '../acceptance.js';
import type { ParamReader } from '../params.js';
import type { Strategy, StrategyContext } from '../strategy.js';
import { acceptsBy, outcomeNear } from './targeting.js';

export const DEFAULT_EXPONENTS = { boulware: 0.2, linear: 1, conceder: 2 } as const;
export type TimeDependentName = keyof typeof DEFAULT_EXPONENTS;

/**
 * The utility a time-dependent negotiator aims at: max − (max − min) · t^(1/e).
 * e < 1 holds out until late (Boulware), e = 1 concedes linearly, e > 1 concedes early.
 */
export function concessionTarget(t: number, max: number, min: number, exponent: number): number {
  const tt = Math.min(1, Math.max(0, t));
  return max - (max - min) * Math.pow(tt, 1 / exponent);
}

export class TimeDependentStrategy implements Strategy {
  constructor(
    readonly name: string,
    readonly exponent: number,
    private readonly acceptance: Acceptance,
    /** Width of the band above the target the opponent model may pick from. */
    private readonly band: number,
  ) {}

  target(ctx: StrategyContext): number {
    return concessionTarget(ctx.t, ctx.prefs.max, ctx.prefs.floor, this.exponent);
  }

  propose(ctx: StrategyContext): Outcome | null {
    const span = ctx.prefs.max - ctx.prefs.floor;
    return outcomeNear(ctx, this.target(ctx), this.band * span);
  }

  accepts(offer: Outcome, ctx: StrategyContext): boolean {
    return acceptsBy(this.acceptance, this, offer, ctx);
  }

  observe(): void {}
}

/** `exponent` (e), `band` and the acceptance parameters; defaults by name. */
export function timeDependent(name: TimeDependentName, params: ParamReader): TimeDependentStrategy {
  const exponent = params.number('exponent', DEFAULT_EXPONENTS[name], { min: 1e-3, max: 1e3 });
  const band = params.number('band', 0.02, { min: 0, max: 1 });
  return new TimeDependentStrategy(name, exponent, readAcceptance(params, 'next'), band);
}
