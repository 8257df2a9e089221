import { endWith, invalid, type BaseState, type EventSink } from '../base.js';
import { actingRoles } from '../seats.js';
import type { Action, InvalidAction } from '../types.js';

/** The convenor: the seat that opens hosted talks and may close them; no party, mediator or body. */
export const CONVENOR = 'convenor';

export type CloseAction = Extract<Action, { kind: 'close' }>;

/**
 * The convenor closes the talks at any moment before they have ended, and says why. Closing
 * is no agreement: the talks end with the reason `closed`, and whatever was not yet agreed
 * lapses, also a package accepted by the delegations and still awaiting ratification (an
 * agreement needs every ratification before the close). Only the convenor closes; every
 * other seat that tries is refused like any invalid action.
 */
export function validateClose(state: BaseState, action: CloseAction): InvalidAction | null {
  if (action.actor !== CONVENOR) return invalid(`only the convenor may close the talks; ${action.actor} may not`);
  if (actingRoles(state.setup).includes(CONVENOR))
    return invalid(`a seat of this negotiation is named "${CONVENOR}", so the convenor cannot be told apart from it`);
  if (typeof action.reason !== 'string' || action.reason.trim() === '')
    return invalid('closing the talks needs a reason, which every seat is told');
  return null;
}

/**
 * Ends the talks as closed. `lapsed` lists the proposals some party had accepted that are
 * thereby dropped (each protocol names its own; see `ProtocolRules.lapsesOnClose`).
 */
export function applyClose<S extends BaseState>(
  state: S,
  action: CloseAction,
  lapsed: readonly string[],
  sink: EventSink,
): S {
  sink.push({
    kind: 'closed',
    actor: action.actor,
    reason: action.reason.trim(),
    ...(lapsed.length > 0 ? { lapsed: [...lapsed] } : {}),
  });
  return endWith(state, { reason: 'closed', by: action.actor });
}
