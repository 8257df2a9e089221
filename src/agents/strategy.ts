import type { Outcome } from '../core/domain.js';
import type { Random } from '../core/random.js';
import type { OpponentModels } from './opponent-model.js';
import type { OwnPreferences } from './preferences.js';

/**
 * A negotiation strategy in utility space, independent of any protocol. Protocol adapters
 * turn offers, tabled texts and amendments into these calls.
 */
export interface StrategyContext {
  /** Normalised time: 0 at the start, 1 at the deadline. */
  readonly t: number;
  readonly prefs: OwnPreferences;
  readonly opponents: OpponentModels;
  readonly random: Random;
  /**
   * What the strategy proposes now, computed once per decision by the caller; acceptance
   * conditions comparing with the next offer use it so that they judge the offer it will make.
   */
  readonly next?: () => Outcome | null;
}

export type StrategyEvent =
  /** Another party offered (or proposed) a full outcome. */
  | { readonly kind: 'received'; readonly from: string; readonly outcome: Outcome; readonly t: number }
  /** A mediator put a full text on the table (in mediated talks, the other side's movement shows only here). */
  | { readonly kind: 'tabled'; readonly from: string; readonly outcome: Outcome; readonly t: number }
  /** Another party asked for these changes to a text. */
  | { readonly kind: 'amended'; readonly from: string; readonly amendments: Outcome; readonly t: number }
  /** This agent made an offer. */
  | { readonly kind: 'sent'; readonly outcome: Outcome; readonly t: number };

/** What a strategy's clock reads from a view. */
export interface ClockView {
  /** Completed rounds (0 during the first round). */
  readonly round: number;
  readonly now: number;
  readonly deadline: { readonly rounds?: number; readonly time?: number };
  /** The protocol's fraction of the deadline used (completed rounds / N, or now / time). */
  readonly progress: number;
}

export interface Strategy {
  readonly name: string;
  /**
   * Normalised time from a view, for strategies that define it as their source does
   * (GENIUS, NegMAS); without it the strategy sees the protocol's `progress`.
   */
  time?(view: ClockView): number;
  /**
   * What to offer now, always within own red lines and reservation; null when nothing is
   * acceptable. A query: it does not advance the strategy (`observe` a `sent` event does).
   */
  propose(ctx: StrategyContext): Outcome | null;
  /** Whether to accept this outcome now (only ever true for acceptable outcomes). */
  accepts(offer: Outcome, ctx: StrategyContext): boolean;
  observe(event: StrategyEvent, ctx: StrategyContext): void;
}
