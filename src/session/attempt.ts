import type { BaseState } from '../protocols/base.js';
import type { ProtocolEvent } from '../protocols/events.js';
import type { ParleyProtocol } from '../protocols/protocol.js';
import type { Action, InvalidAction } from '../protocols/types.js';

export const CLOCK_ROLE = 'clock';

/** The runner's own checks before the protocol's: a role acts only as itself, only the clock ticks. */
export function seatError(role: string, action: Action): InvalidAction | null {
  if (action.kind === 'tick') {
    return role === CLOCK_ROLE
      ? null
      : { code: 'PARLEY_E_INVALID_ACTION', reason: `${role} cannot move the clock; only the session ticks` };
  }
  if (action.actor !== role)
    return { code: 'PARLEY_E_INVALID_ACTION', reason: `${role} may act only as itself, not as ${action.actor}` };
  return null;
}

export interface Attempt<S> {
  readonly state: S;
  readonly events: ProtocolEvent[];
  readonly rejected?: string;
}

/** One attempt by a role, as the runner makes it and replay repeats it. */
export function attempt<S extends BaseState>(
  protocol: ParleyProtocol<S>,
  state: S,
  role: string,
  action: Action,
): Attempt<S> {
  const error = seatError(role, action) ?? protocol.validate(state, action);
  if (error) {
    const stamped = action.kind === 'tick' ? action : { ...action, actor: role };
    return { ...protocol.reject(state, stamped, error), rejected: error.reason };
  }
  return protocol.apply(state, action);
}
