import { createAgent } from '../agents/index.js';
import { analyze, paretoImprovements } from '../analysis/index.js';
import type { Analysis, FrontierPoint } from '../analysis/types.js';
import type { Party } from '../core/party.js';
import type { Scenario } from '../core/scenario.js';
import type { BaseState } from '../protocols/base.js';
import type { ProtocolEvent } from '../protocols/events.js';
import type { Agent } from '../protocols/agent.js';
import type { SteppedClock } from './clock.js';
import type { EventLog } from './event-log.js';
import { currentParties } from './metrics.js';
import { summarise, type AnalysisChoice, type NegotiationResult } from './result.js';
import { runSession, type SessionOptions, type SessionRun } from './runner.js';
import type { RunPlan } from './plan.js';

/** A finished run with everything the reports draw on. */
export interface RunOutcome {
  readonly plan: RunPlan;
  readonly result: NegotiationResult;
  readonly log: EventLog;
  readonly state: BaseState;
  /** The parties as they stood at the end, after the outside events that fired. */
  readonly parties: readonly Party[];
  /** Analysis with the parties' final preferences; null when skipped. */
  readonly analysis: Analysis | null;
  /** Pareto-improving alternatives every party prefers to the agreement (empty without one). */
  readonly improvements: readonly FrontierPoint[];
}

export interface SimulateOptions {
  readonly onEvent?: (event: ProtocolEvent) => void;
  /** Seconds for the analysis behind distances, plots and improvements (default 10); 0 skips it. */
  readonly analysisTimeLimit?: number;
  /** The virtual clock to run on (default: one starting at 0). */
  readonly clock?: SteppedClock;
}

/** Builds the agent of every seat of the plan. */
export function agentsOf(plan: RunPlan): Agent[] {
  const { scenario } = plan;
  return plan.seats.map((seat) => {
    const self = seat.party === undefined ? undefined : scenario.parties.find((p) => p.name === seat.party);
    return createAgent(seat.spec, seat.role, {
      kind: seat.kind,
      domain: scenario.domain,
      party: seat.party,
      self,
      seed: seat.seed,
    });
  });
}

/** The session a plan describes, with its agents made: what every runner of a plan passes on. */
export function sessionOptionsOf(plan: RunPlan): SessionOptions {
  return {
    scenario: plan.scenario,
    protocol: plan.protocol,
    agents: agentsOf(plan),
    deadline: plan.deadline,
    seed: plan.seed,
    hoursPerRound: plan.hoursPerRound,
    protocolOptions: plan.protocolOptions,
    revealToMediators: plan.revealToMediators,
  };
}

/** Runs the plan on a virtual clock and analyses the result with the parties' final preferences. */
export function simulate(plan: RunPlan, options: SimulateOptions = {}): RunOutcome {
  const run = runSession({ ...sessionOptionsOf(plan), clock: options.clock, onEvent: options.onEvent });
  return finishRun(plan, run.log, run.state, options.analysisTimeLimit ?? 10);
}

/** Measures a finished (or replayed) run: utilities, analysis with the final preferences, improvements. */
export function finishRun(plan: RunPlan, log: EventLog, state: BaseState, analysisTimeLimit: number): RunOutcome {
  const { scenario } = plan;
  const parties = currentParties(scenario, state.effects);
  const current: Scenario = { ...scenario, parties };
  const analysis = analysisTimeLimit > 0 ? analyze(current, { timeLimit: analysisTimeLimit }) : null;
  const result = resultOf(scenario, { log, state }, analysis ?? 'skip', analysisTimeLimit);
  const improvements =
    analysis && result.outcome ? paretoImprovements(current, result.outcome, { timeLimit: analysisTimeLimit }) : [];
  return { plan, result, log, state, parties, analysis, improvements };
}

/** Measures a session run once: `skip` (the default) leaves the distances null, `auto` analyses the final preferences. */
export function resultOf(
  scenario: Scenario,
  run: SessionRun,
  analysis: AnalysisChoice = 'skip',
  analysisTimeLimit = 10,
): NegotiationResult {
  return summarise({
    scenario,
    state: run.state,
    events: run.log.events,
    rejectedActions: run.log.actions.filter((a) => a.rejected !== undefined).length,
    analysis,
    analysisTimeLimit,
  });
}
