export { runSession, type SessionOptions, type SessionRun } from './runner.js';
export { SessionCore, setupOf, type SessionCoreOptions, type Applied } from './core.js';
export { replay } from './replay.js';
export {
  writeEventLog,
  readEventLog,
  readEventLogText,
  parseEventLog,
  parseEventLogLines,
  formatEventLog,
  logRecords,
  EVENT_LOG_VERSION,
  READABLE_EVENT_LOG_VERSIONS,
  type EventLog,
  type LogHeader,
  type LoggedAction,
  type FormatOptions,
  type ParsedEventLog,
} from './event-log.js';
export {
  lineHash,
  chainRecord,
  sealRecord,
  checkLink,
  linkProblem,
  verifyChain,
  type ChainLink,
  type LogIntegrity,
  type VerifyChainOptions,
} from './log-chain.js';
export { verifyLog, replayMatches, type VerifiedLog } from './verify-log.js';
export { VirtualClock, WallClock, type Clock, type SteppedClock } from './clock.js';
export { ViewBook, seatOf, actingRoles, roleSeed, type Seat } from './views.js';
export { attempt, seatError, CLOCK_ROLE } from './attempt.js';
export { summarise, resultFigures, type NegotiationResult, type AnalysisChoice, type ResultFigures } from './result.js';
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
export {
  simulate,
  agentsOf,
  sessionOptionsOf,
  finishRun,
  resultOf,
  type RunOutcome,
  type SimulateOptions,
} from './simulate.js';
