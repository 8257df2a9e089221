import { invalid, type BaseState, type EventSink } from '../base.js';
import type { RoleMap } from '../roles.js';
import type { Action, InvalidAction } from '../types.js';

export type HoldMove = Extract<Action, { kind: 'hold' }>;

/**
 * A mediator may hold (table no new text this round) only when it could table one: no
 * party still has a text before it to answer. Holding is the honest move of a mediator
 * with no new text to offer; it never keeps a text from the parties.
 */
export function validateHold(map: RoleMap, action: HoldMove, waiting: readonly string[]): InvalidAction | null {
  if (!map.mediators.includes(action.actor))
    return invalid(`only a mediator may hold a round; "${action.actor}" is not one (${map.mediators.join(', ')})`);
  if (action.reason !== undefined && typeof action.reason !== 'string') return invalid('the reason must be text');
  return waiting.length === 0
    ? null
    : invalid(`a mediator holds only when no text awaits an answer; waiting for ${waiting.join(', ')}`);
}

/** The round passes with no new text; everyone hears that the mediator held, and why when it says. */
export function applyHold<S extends BaseState>(state: S, action: HoldMove, sink: EventSink): S {
  sink.push({ kind: 'held', actor: action.actor, round: state.round, reason: action.reason });
  return { ...state, round: state.round + 1 };
}
