/** The data a tournament passes between coordinator and workers: plain JSON, nothing else. */
import type { Outcome } from '../core/domain.js';
import type { AgentSpec } from '../core/scenario.js';
import type { ScenarioPayload } from './scenarios.js';

/** A player as it appears in the results: a unique label and the spec that builds it. */
export interface Player {
  readonly label: string;
  readonly spec: AgentSpec;
}

/** One negotiation to run; `id` is a hash of everything that decides its result. */
export interface NegotiationSpec {
  readonly id: string;
  /** Position in the tournament's fixed order (results are reported in this order). */
  readonly index: number;
  readonly scenario: string;
  readonly scenarioHash: string;
  readonly protocol: string;
  /** One per party, in party order. */
  readonly agents: readonly Player[];
  readonly mediator: Player | null;
  readonly seed: number;
  readonly deadline: { readonly rounds?: number; readonly time?: number };
}

/** What a worker receives: negotiations on one scenario, and the scenario itself. */
export interface Batch {
  readonly id: string;
  readonly tournament: string;
  readonly scenario: ScenarioPayload;
  readonly negotiations: readonly NegotiationSpec[];
}

/** One negotiation's result: a row of negotiations.csv / negotiations.jsonl. */
export interface NegotiationRow {
  readonly id: string;
  readonly index: number;
  readonly scenario: string;
  readonly protocol: string;
  /** In party order. */
  readonly parties: readonly string[];
  /** The agent label of each party, in party order. */
  readonly agents: readonly string[];
  readonly mediator: string | null;
  readonly seed: number;
  readonly agreement: boolean;
  readonly endReason: string;
  readonly outcome: Outcome | null;
  /** Undiscounted utilities; the reservation value without agreement. */
  readonly utilities: readonly number[];
  /** Discounted utilities (u·δ^t), equal to `utilities` where no profile discounts. */
  readonly discounted: readonly number[];
  readonly welfare: number;
  readonly rounds: number;
  /** Virtual time at the end. */
  readonly time: number;
  readonly frontierDistance: number | null;
  readonly nashDistance: number | null;
  /** Wall-clock seconds the negotiation took (the one column that varies between runs). */
  readonly seconds: number;
}

/** Columns that depend on the machine, not on the tournament. */
export const WALL_CLOCK_COLUMNS = ['seconds'] as const;
