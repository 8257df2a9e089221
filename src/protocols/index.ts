import { ParleyError } from '../core/errors.js';
import type { BaseState } from './base.js';
import type { ParleyProtocol, StepResult } from './protocol.js';
import type { Action } from './types.js';
import { saop } from './saop.js';
import { shuttle } from './shuttle/index.js';
import { singleText } from './single-text.js';

export * from './types.js';
export * from './events.js';
export * from './visibility.js';
export type { Agent, AgentView, RoleKind, VisibleEvent } from './agent.js';
export { seatOf, actingRoles, type Seat } from './seats.js';
export { defineProtocol, type ParleyProtocol, type ProtocolRules, type StepResult } from './protocol.js';
export { progressOf, deadlineReached, type BaseState, type Deadline, type Ending } from './base.js';
export { roleMap, type RoleMap } from './roles.js';
export { audienceOf, actorAudience, ALL, MEDIATORS, toParty, type UnaddressedEvent } from './audience.js';
export {
  issueResponsesTo,
  sharedPreferences,
  mandateOf,
  outsideMandate,
  type IssueResponse,
  type Mandate,
} from './moves/queries.js';
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

/** Every protocol by name. */
export const protocols: Readonly<Record<string, ParleyProtocol<BaseState>>> = {
  saop: saop as unknown as ParleyProtocol<BaseState>,
  'single-text': singleText as unknown as ParleyProtocol<BaseState>,
  shuttle: shuttle as unknown as ParleyProtocol<BaseState>,
};

export const PROTOCOL_NAMES = Object.keys(protocols);

export function getProtocol(name: string): ParleyProtocol<BaseState> {
  const found = Object.hasOwn(protocols, name) ? protocols[name] : undefined;
  if (!found)
    throw new ParleyError(
      'PARLEY_E_USAGE',
      `unknown protocol "${name}"; known protocols: ${PROTOCOL_NAMES.join(', ')}`,
    );
  return found;
}

/** Validates then applies: `{ok: false, error}` or `{ok: true, state, events}`. */
export function step<S extends BaseState>(protocol: ParleyProtocol<S>, state: S, action: Action): StepResult<S> {
  return protocol.step(state, action);
}
