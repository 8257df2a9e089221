import type { Outcome } from '../core/domain.js';
import type { IndexedPoint } from './vectors.js';

/** A utility vector (party order) and the first outcome, in domain value order, that reaches it. */
export interface FrontierPoint {
  readonly utilities: readonly number[];
  readonly outcome: Outcome;
}

/**
 * A frontier and whether the search proved it complete: what every frontier method returns,
 * with points as value positions inside analysis and as outcomes outside.
 */
export interface FrontierResult<P extends FrontierPoint | IndexedPoint = FrontierPoint> {
  /** Distinct non-dominated utility vectors, sorted by utilities in party order, each descending. */
  readonly frontier: P[];
  /** False when the time limit ran out before the frontier was proven complete. */
  readonly exact: boolean;
}

export interface StickingPoint {
  readonly issue: string;
  /** max over party pairs of min(w_a, w_b) · (1 − ρ)/2; 0 where not defined (non-additive). */
  readonly opposition: number;
  /** Part of a smallest set of red lines / reservation values whose relaxation opens the zone. */
  readonly blocking: boolean;
}

/** A smallest set of constraints whose relaxation would open an empty zone. */
export interface Blocker {
  /** e.g. `red-line:Israel/permanent-ceasefire` or `reservation:Hamas`. */
  readonly constraints: readonly string[];
  readonly issues: readonly string[];
  /** Frontier points of the zone that opens when these are relaxed (best few). */
  readonly opens: readonly FrontierPoint[];
}

export interface Zopa {
  /** Outcomes acceptable to all, as a decimal string; null when not counted exactly in time. */
  readonly size: string | null;
  /**
   * Where `size` is null: the count estimated from a seeded sample of random outcomes (the
   * time limit ran out, or the space is too large to count); null when `size` is exact.
   */
  readonly estimate: string | null;
  /** Each party's best point in the zone, in party order; empty when the zone is empty. */
  readonly best: readonly FrontierPoint[];
}

export interface AnalysisOptions {
  /** Seconds before the frontier search gives up exactness (default 60). */
  readonly timeLimit?: number;
  /** Called now and then with the fraction done, for progress bars. */
  readonly onProgress?: (fraction: number) => void;
}

export interface Analysis {
  readonly parties: readonly string[];
  readonly outcomes: bigint;
  readonly exact: boolean;
  /** Disagreement point: reservation values. */
  readonly disagreement: readonly number[];
  /** Sorted by utilities in party order, each descending. */
  readonly frontier: readonly FrontierPoint[];
  readonly nash: FrontierPoint | null;
  readonly kalaiSmorodinsky: FrontierPoint | null;
  readonly maxWelfare: FrontierPoint | null;
  readonly egalitarian: FrontierPoint | null;
  readonly zopa: Zopa;
  readonly blockers: readonly Blocker[];
  readonly stickingPoints: readonly StickingPoint[];
  /** Wall-clock seconds the analysis took. */
  readonly seconds: number;
}
