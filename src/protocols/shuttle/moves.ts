import { invalid, type EventSink } from '../base.js';
import { caucusSides, validatePrivateMove, type PrivateMove } from '../moves/private.js';
import type { RoleMap } from '../roles.js';
import type { InvalidAction } from '../types.js';
import { pendingFor, type Move, type ShuttleState } from './state.js';

type AdjournTalks = Extract<Move, { kind: 'adjourn-talks' }>;

/** The parties a mediator's adjournment sends away: those it names, else all it has a channel to. */
export function adjournedParties(map: RoleMap, action: AdjournTalks): readonly string[] {
  return Array.isArray(action.parties) && action.parties.length > 0 ? action.parties : map.channels[action.actor]!;
}

/**
 * A mediator may adjourn the talks for parties it has a channel to and that are at the
 * table, to a return deadline after now; from then on each is held to it exactly as if its
 * delegation had adjourned itself (a missed return lapses the package it was considering).
 */
export function validateAdjournTalks(state: ShuttleState, map: RoleMap, action: AdjournTalks): InvalidAction | null {
  if (!map.mediators.includes(action.actor))
    return invalid(`only a mediator may adjourn the talks; "${action.actor}" is not one (${map.mediators.join(', ')})`);
  if (typeof action.until !== 'number' || !Number.isFinite(action.until) || action.until <= state.now)
    return invalid(`the return deadline must be a time after now (${state.now}), got ${String(action.until)}`);
  if (action.reason !== undefined && typeof action.reason !== 'string') return invalid('the reason must be text');
  const channels = map.channels[action.actor]!;
  for (const party of adjournedParties(map, action)) {
    if (!state.setup.parties.includes(party))
      return invalid(`"${party}" is not a party (${state.setup.parties.join(', ')})`);
    if (!channels.includes(party))
      return invalid(`mediator ${action.actor} has no channel to ${party} (its channels: ${channels.join(', ')})`);
    const away = state.adjourned[party];
    if (away) return invalid(`${party}'s delegation is already adjourned until time ${away.until}`);
  }
  return null;
}

/** Sends a party away to consult until `until`, telling its decision body what it is to consider. */
export function sendToConsult(
  state: ShuttleState,
  map: RoleMap,
  party: string,
  until: number,
  reason: string | undefined,
  sink: EventSink,
): ShuttleState {
  const considering = pendingFor(state, party)?.id ?? null;
  const body = map.bodyOfParty[party];
  if (body !== undefined) sink.push({ kind: 'consultation', party, body, proposal: considering ?? undefined, reason });
  return { ...state, adjourned: { ...state.adjourned, [party]: { until, considering, missed: false } } };
}

export function applyAdjournTalks(
  state: ShuttleState,
  map: RoleMap,
  action: AdjournTalks,
  sink: EventSink,
): ShuttleState {
  const parties = [...adjournedParties(map, action)];
  sink.push({ kind: 'talks-adjourned', actor: action.actor, parties, until: action.until, reason: action.reason });
  let next = state;
  for (const party of parties) next = sendToConsult(next, map, party, action.until, action.reason, sink);
  return next;
}

/** The private moves of shuttle talks; a caucus waits for an adjourned delegation's return. */
export function validatePrivateShuttleMove(
  state: ShuttleState,
  map: RoleMap,
  action: PrivateMove,
): InvalidAction | null {
  const error = validatePrivateMove(state, action);
  if (error || action.kind !== 'caucus') return error;
  const { party } = caucusSides(map, action);
  const away = state.adjourned[party];
  return away ? invalid(`${party}'s delegation is away until time ${away.until}; a caucus waits for its return`) : null;
}
