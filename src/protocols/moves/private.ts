import { issueByName } from '../../core/domain.js';
import { isValueOf } from '../../core/issue.js';
import { invalid, type BaseState, type EventSink } from '../base.js';
import { roleMap, type RoleMap } from '../roles.js';
import { actingRoles } from '../seats.js';
import type { Action, ActionKind, InvalidAction } from '../types.js';
import { profileProblems } from './preferences.js';

/**
 * Moves that change nothing on the table but who knows what: a private note, a caucus
 * between one mediator and one party, a decision body's mandate to its delegation, a
 * delegation's preferences told to the mediators (or kept for its own seat). Their events carry the audience
 * `audienceOf` gives them; the protocol state does not change. Each protocol says which
 * of them it has (`PRIVATE_MOVES` for mediated talks) and checks its own conditions
 * (turns, adjournments) before these.
 */
export type PrivateMove = Extract<Action, { kind: 'note' | 'caucus' | 'mandate' | 'share-preferences' }>;

export const PRIVATE_MOVES: readonly ActionKind[] = ['note', 'caucus', 'mandate', 'share-preferences'];

export function isPrivateMove(action: Action): action is PrivateMove {
  return PRIVATE_MOVES.includes(action.kind);
}

const filled = (text: unknown): boolean => typeof text === 'string' && text.trim() !== '';

/** A message's label: binding or not, false when not given. */
export function bindingError(binding: unknown): InvalidAction | null {
  return binding === undefined || typeof binding === 'boolean'
    ? null
    : invalid(`binding must be true or false, got ${JSON.stringify(binding)}`);
}

/** The mediator and the party of a caucus, whichever side opened it. */
export function caucusSides(map: RoleMap, action: Extract<PrivateMove, { kind: 'caucus' }>) {
  return map.mediators.includes(action.actor)
    ? { mediator: action.actor, party: action.with }
    : { mediator: action.with, party: map.partyOfRole[action.actor]! };
}

function validateCaucus(
  state: BaseState,
  map: RoleMap,
  action: Extract<PrivateMove, { kind: 'caucus' }>,
): InvalidAction | null {
  if (!filled(action.message)) return invalid('a caucus needs a message');
  const label = bindingError(action.binding);
  if (label) return label;
  const fromMediator = map.mediators.includes(action.actor);
  if (!fromMediator && map.partyOfRole[action.actor] === undefined)
    return invalid(`only a mediator and a party's delegation may meet in caucus; "${action.actor}" is neither`);
  const { mediator, party } = caucusSides(map, action);
  if (fromMediator && !state.setup.parties.includes(party))
    return invalid(`a mediator caucuses with a party; "${party}" is not one (${state.setup.parties.join(', ')})`);
  if (!fromMediator && !map.mediators.includes(mediator))
    return invalid(
      `a delegation caucuses with a mediator; "${mediator}" is not one (${map.mediators.join(', ') || 'there are none'})`,
    );
  if (!map.channels[mediator]!.includes(party))
    return invalid(
      `mediator ${mediator} has no channel to ${party} (its channels: ${map.channels[mediator]!.join(', ')})`,
    );
  return null;
}

function validateMandate(
  state: BaseState,
  map: RoleMap,
  action: Extract<PrivateMove, { kind: 'mandate' }>,
): InvalidAction | null {
  if (map.partyOfBody[action.actor] === undefined)
    return invalid(`only a party's decision body may give its delegation a mandate; "${action.actor}" is not one`);
  if (!filled(action.instructions)) return invalid('a mandate needs instructions');
  if (action.limits === undefined) return null;
  const entries = typeof action.limits === 'object' && action.limits !== null ? Object.entries(action.limits) : [];
  if (entries.length === 0) return invalid('a mandate\u2019s limits name no issue; leave them out instead');
  const problems: string[] = [];
  for (const [name, values] of entries) {
    const issue = issueByName(state.setup.domain, name);
    if (!issue) problems.push(`"${name}" is not an issue of the domain`);
    else if (!Array.isArray(values) || values.length === 0) problems.push(`${name} needs at least one value`);
    else for (const v of values) if (!isValueOf(issue, v)) problems.push(`"${String(v)}" is not a value of ${name}`);
  }
  return problems.length === 0 ? null : invalid(`the mandate's limits: ${problems.join('; ')}`);
}

function validateShare(
  state: BaseState,
  map: RoleMap,
  action: Extract<PrivateMove, { kind: 'share-preferences' }>,
): InvalidAction | null {
  const party = map.partyOfRole[action.actor];
  if (party === undefined)
    return invalid(`only a party's delegation may share its preferences; "${action.actor}" is not one`);
  const to = action.to ?? 'mediators';
  if (to !== 'mediators' && to !== 'self')
    return invalid(`preferences go to "mediators" or to the delegation's own seat ("self"), not ${JSON.stringify(to)}`);
  if (to === 'mediators' && map.mediators.length === 0)
    return invalid('there are no mediators to share preferences with');
  const given = action.preferences as unknown;
  if (typeof given !== 'object' || given === null) return invalid('the preferences are missing');
  if (action.preferences.name !== party)
    return invalid(`${action.actor} shares ${party}'s preferences, not "${String(action.preferences.name)}"'s`);
  const problems = profileProblems(state.setup.domain, action.preferences);
  return problems.length === 0 ? null : invalid(`the shared preferences are not valid: ${problems.join('; ')}`);
}

/** Why a private move is refused, or null. */
export function validatePrivateMove(state: BaseState, action: PrivateMove): InvalidAction | null {
  const map = roleMap(state.setup);
  switch (action.kind) {
    case 'note':
      if (!actingRoles(state.setup).includes(action.actor))
        return invalid(`"${action.actor}" has no seat in these talks and cannot keep notes`);
      if (action.about !== undefined && !filled(action.about))
        return invalid('a note is about a proposal id, or nothing');
      return filled(action.text) ? null : invalid('a note needs a text');
    case 'caucus':
      return validateCaucus(state, map, action);
    case 'mandate':
      return validateMandate(state, map, action);
    case 'share-preferences':
      return validateShare(state, map, action);
  }
}

/** Records a valid private move; the table does not change. */
export function applyPrivateMove<S extends BaseState>(state: S, action: PrivateMove, sink: EventSink): S {
  const map = roleMap(state.setup);
  switch (action.kind) {
    case 'note':
      sink.push({ kind: 'note', actor: action.actor, text: action.text, about: action.about });
      break;
    case 'caucus': {
      const { mediator, party } = caucusSides(map, action);
      const binding = action.binding ?? false;
      sink.push({ kind: 'caucus', actor: action.actor, mediator, party, message: action.message, binding });
      break;
    }
    case 'mandate': {
      const party = map.partyOfBody[action.actor]!;
      sink.push({
        kind: 'mandate',
        actor: action.actor,
        party,
        instructions: action.instructions,
        limits: action.limits,
      });
      break;
    }
    case 'share-preferences': {
      const party = map.partyOfRole[action.actor]!;
      const to = action.to ?? 'mediators';
      sink.push({ kind: 'preferences-shared', actor: action.actor, party, preferences: action.preferences, to });
      break;
    }
  }
  return state;
}

/** A public statement as both mediated protocols record it (unlabelled statements are non-binding). */
export function pushStatement(
  sink: EventSink,
  action: Extract<Action, { kind: 'statement' }>,
  party: string | undefined,
): void {
  sink.push({
    kind: 'statement',
    actor: action.actor,
    text: action.text,
    binding: action.binding ?? false,
    party,
    position: action.position,
  });
}
