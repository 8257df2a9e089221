export type { Agent, AgentView, RoleKind, VisibleEvent } from './agent-view.js';
export { runSession, setupOf, type SessionOptions, type SessionResult } from './runner.js';
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
export { VirtualClock, type Clock } from './clock.js';
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
