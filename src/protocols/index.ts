import type { BaseState } from './base.js';
import type { ParleyProtocol, StepResult } from './protocol.js';
import type { Action } from './types.js';

export * from './types.js';
export * from './events.js';
export * from './visibility.js';
export type { Agent, AgentView, RoleKind, VisibleEvent } from './agent.js';
export { seatOf, actingRoles, type Seat } from './seats.js';
export {
  defineProtocol,
  COMMON_EVENT_KINDS,
  type ParleyProtocol,
  type ProtocolRules,
  type SeatNeeds,
  type StepResult,
} from './protocol.js';
export { registerProtocol, getProtocol, protocolNames, registeredProtocols, isProtocolName } from './registry.js';
export { progressOf, deadlineReached, type BaseState, type Deadline, type Ending } from './base.js';
export { roleMap, type RoleMap } from './roles.js';
export {
  lastText,
  textOf,
  positionsOf,
  partyPositions,
  amendedIssues,
  answersTo,
  type TableText,
  type Position,
  type ProposalAnswer,
} from './log-queries.js';
export { audienceOf, actorAudience, ALL, MEDIATORS, toParty, type UnaddressedEvent } from './audience.js';
export {
  issueResponsesTo,
  sharedPreferences,
  keptPreferences,
  mandateOf,
  outsideMandate,
  type IssueResponse,
  type Mandate,
} from './log-queries.js';
export { profileProblems } from './moves/preferences.js';
export { saop, type SaopState } from './saop.js';
export { singleText, type SingleTextState } from './single-text.js';
export {
  shuttle,
  byPhase,
  UNPHASED,
  type ShuttleState,
  type ShuttlePackage,
  type Adjournment,
  type PackageAnswer,
} from './shuttle/index.js';

/** Validates then applies: `{ok: false, error}` or `{ok: true, state, events}`. */
export function step<S extends BaseState>(protocol: ParleyProtocol<S>, state: S, action: Action): StepResult<S> {
  return protocol.step(state, action);
}
