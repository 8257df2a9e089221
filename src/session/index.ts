export { runSession, type SessionOptions, type SessionRun } from './runner.js';
export { SessionCore, setupOf, type SessionCoreOptions, type Applied } from './core.js';
export { replay } from './replay.js';
export {
  writeEventLog,
  readEventLog,
  parseEventLog,
  formatEventLog,
  EVENT_LOG_VERSION,
  type EventLog,
  type LogHeader,
  type LoggedAction,
} from './event-log.js';
export { VirtualClock, WallClock, type Clock, type SteppedClock } from './clock.js';
export { ViewBook, seatOf, actingRoles, roleSeed, type Seat } from './views.js';
export { attempt, seatError, CLOCK_ROLE } from './attempt.js';
export { summarise, type NegotiationResult, type AnalysisChoice } from './result.js';
export {
  partyResults,
  currentParties,
  distancesOf,
  openIssues,
  remainingStickingPoints,
  type PartyResult,
  type ResultDistances,
} from './metrics.js';
export {
  planRun,
  DEFAULT_AGENT,
  DEFAULT_MEDIATOR,
  DEFAULT_ROUNDS,
  type RunPlan,
  type RunRequest,
  type Seating,
} from './plan.js';
export { simulate, agentsOf, finishRun, resultOf, type RunOutcome, type SimulateOptions } from './simulate.js';
