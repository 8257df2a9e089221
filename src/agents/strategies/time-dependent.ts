import type { Outcome } from '../../core/domain.js';
import { type Acceptance, readAcceptance } from '../acceptance.js';
import type { ParamReader } from '../params.js';
import type { Strategy, StrategyContext } from '../strategy.js';
import { roomShare } from './field-time.js';
import { GeniusTimeDependent } from './genius-tactic.js';
import { NegmasTimeDependent } from './negmas-tactic.js';
import { acceptsBy, outcomeNear } from './targeting.js';

/** Concession exponents e (target falls with t^(1/e)), parley's and GENIUS's. */
export const DEFAULT_EXPONENTS = { boulware: 0.2, linear: 1, conceder: 2 } as const;
export type TimeDependentName = keyof typeof DEFAULT_EXPONENTS;
/** NegMAS's curves 1 − t^4, 1 − t, 1 − t^0.25, as exponents e of t^(1/e). */
export const NEGMAS_EXPONENTS = { boulware: 0.25, linear: 1, conceder: 4 } as const;

/**
 * Whose definition of the tactic an agent follows: parley's own (opponent-model choice
 * near the target, protocol progress as time), GENIUS's or NegMAS's.
 */
export const TACTIC_MODES = ['parley', 'genius', 'negmas'] as const;
export type TacticMode = (typeof TACTIC_MODES)[number];

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
    private readonly discountAware = true,
  ) {}

  target(ctx: StrategyContext): number {
    const { max, floor } = ctx.prefs;
    const target = concessionTarget(ctx.t, max, floor, this.exponent);
    const share = roomShare(ctx, this.discountAware);
    return share === 1 ? target : floor + (target - floor) * share;
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

/**
 * `mode` (parley, genius or negmas), `exponent` (e), `discount` (discount-aware decisions,
 * on by default), and in parley's mode `band` and the acceptance parameters; the exponent's
 * default depends on the name and the mode.
 */
export function timeDependent(name: TimeDependentName, params: ParamReader): Strategy {
  const mode = params.string('mode', 'parley', TACTIC_MODES) as TacticMode;
  const defaults = mode === 'negmas' ? NEGMAS_EXPONENTS : DEFAULT_EXPONENTS;
  const exponent = params.number('exponent', defaults[name], { min: 1e-3, max: 1e3 });
  const discount = params.boolean('discount', true);
  if (mode === 'genius') return new GeniusTimeDependent(name, exponent, discount);
  if (mode === 'negmas') return new NegmasTimeDependent(name, exponent, discount);
  const band = params.number('band', 0.02, { min: 0, max: 1 });
  return new TimeDependentStrategy(name, exponent, readAcceptance(params, 'next'), band, discount);
}
