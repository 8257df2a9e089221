import type { Outcome } from '../core/domain.js';
import type { Scenario } from '../core/scenario.js';
import type { Analysis, StickingPoint } from '../analysis/types.js';
import { progressOf, type BaseState } from '../protocols/base.js';
import type { EndReason, ProtocolEvent } from '../protocols/events.js';
import {
  analysisFor,
  currentParties,
  distancesOf,
  openIssues,
  partyResults,
  remainingStickingPoints,
  type ResultDistances,
  type PartyResult,
} from './metrics.js';

/** How a negotiation came out. */
export interface NegotiationResult {
  readonly scenario: string;
  readonly protocol: string;
  readonly seed: number;
  readonly agreement: boolean;
  /** `stalled` when the runner gave up before the protocol ended (no deadline was reached). */
  readonly endReason: EndReason | 'stalled';
  readonly outcome: Outcome | null;
  readonly proposal: string | null;
  /** In party order. */
  readonly parties: readonly PartyResult[];
  /**
   * Rounds as GENIUS and NegMAS report them: the 1-based round in which the agreement was
   * made, or the number of rounds run when there is none (see `reportedRounds`).
   */
  readonly rounds: number;
  readonly time: number;
  readonly progress: number;
  /** Sum of the parties' undiscounted utilities. */
  readonly welfare: number;
  /** Euclidean distances in utility space; null when analysis was skipped. */
  readonly distances: ResultDistances | null;
  /** Issues on which the last positions still differed (empty on agreement). */
  readonly openIssues: readonly string[];
  /** Sticking points that remained (empty on agreement or when analysis was skipped). */
  readonly stickingPoints: readonly StickingPoint[];
  readonly rejectedActions: number;
}

/** `auto` analyses the scenario with the final preferences; `skip` leaves distances null. */
export type AnalysisChoice = 'auto' | 'skip' | Analysis;

export interface SummaryInput {
  readonly scenario: Scenario;
  readonly state: BaseState;
  readonly events: readonly ProtocolEvent[];
  readonly rejectedActions: number;
  readonly analysis: AnalysisChoice;
  readonly analysisTimeLimit: number;
}

/** The figures of a result that need no reading of the log: what a tournament row holds. */
export type ResultFigures = Pick<
  NegotiationResult,
  | 'agreement'
  | 'endReason'
  | 'outcome'
  | 'proposal'
  | 'parties'
  | 'rounds'
  | 'time'
  | 'progress'
  | 'welfare'
  | 'distances'
>;

/** The figures of a result from the final state, measured against `analysis` (null: no distances). */
export function resultFigures(scenario: Scenario, state: BaseState, analysis: Analysis | null): ResultFigures {
  const end = state.end;
  const outcome = end?.reason === 'agreement' ? (end.outcome ?? null) : null;
  const progress = progressOf(state);
  const parties = currentParties(scenario, state.effects);
  const results = partyResults(parties, outcome, progress);
  return {
    agreement: outcome !== null,
    endReason: end?.reason ?? 'stalled',
    outcome,
    proposal: end?.proposal ?? null,
    parties: results,
    rounds: reportedRounds(state),
    time: state.now,
    progress,
    welfare: results.reduce((sum, r) => sum + r.utility, 0),
    distances: analysis ? distancesOf(scenario, parties, analysis, outcome) : null,
  };
}

export function summarise(input: SummaryInput): NegotiationResult {
  const { scenario, state, events } = input;
  const parties = currentParties(scenario, state.effects);
  const analysis =
    input.analysis === 'skip'
      ? null
      : input.analysis === 'auto'
        ? analysisFor(scenario, parties, input.analysisTimeLimit)
        : input.analysis;
  const figures = resultFigures(scenario, state, analysis);
  const open = figures.outcome ? [] : openIssues(events, parties);
  return {
    scenario: scenario.name,
    protocol: state.protocol,
    seed: state.setup.seed,
    ...figures,
    openIssues: open,
    stickingPoints: analysis && !figures.outcome ? remainingStickingPoints(analysis, open) : [],
    rejectedActions: input.rejectedActions,
  };
}

/**
 * The round figure reports give: the round (1-based) in which the talks ended by
 * agreement or walk-away, the full count of completed rounds at a deadline, the completed
 * rounds when the runner stopped them. The protocol's own counter (completed rounds,
 * `state.round`) and the log keep their meaning; only the reported figure is 1-based.
 */
export function reportedRounds(state: BaseState): number {
  const end = state.end;
  if (!end || end.reason === 'deadline') return state.round;
  return end.round + 1;
}
