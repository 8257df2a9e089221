import { invalid, outcomeError, packageError } from '../base.js';
import { validateHold } from '../moves/hold.js';
import { bindingError, isPrivateMove } from '../moves/private.js';
import { asWholeAnswer, respondError } from '../moves/responses.js';
import { roleMap, type RoleMap } from '../roles.js';
import { actionPositionError } from '../position.js';
import type { InvalidAction } from '../types.js';
import { validateAdjournTalks, validatePrivateShuttleMove } from './moves.js';
import {
  acceptedByAnyone,
  findPackage,
  pendingFor,
  type Move,
  type ShuttlePackage,
  type ShuttleState,
} from './state.js';

const DIRECT = 'parties talk only to mediators in shuttle talks';

function lapsedReason(pkg: ShuttlePackage): string {
  return `${pkg.id} lapsed at time ${pkg.lapsed!.at} when ${pkg.lapsed!.party}'s delegation missed its return`;
}

function validateMediatorMove(
  state: ShuttleState,
  map: RoleMap,
  action: Extract<Move, { kind: 'table' | 'relay' }>,
): InvalidAction | null {
  if (!map.mediators.includes(action.actor)) {
    const party = map.partyOfRole[action.actor];
    if (party !== undefined) {
      const to = action.kind === 'relay' ? action.to : action.to.join(', ') || 'the other parties';
      return invalid(`${DIRECT}: ${action.actor} cannot send to ${to} directly; ask a mediator to ${action.kind} it`);
    }
    return invalid(`only a mediator may ${action.kind}; "${action.actor}" is not one (${map.mediators.join(', ')})`);
  }
  const channels = map.channels[action.actor]!;
  const targets = action.kind === 'relay' ? [action.to] : action.to;
  for (const t of targets) {
    if (!state.setup.parties.includes(t)) return invalid(`"${t}" is not a party (${state.setup.parties.join(', ')})`);
    if (!channels.includes(t))
      return invalid(`mediator ${action.actor} has no channel to ${t} (its channels: ${channels.join(', ')})`);
  }
  if (action.kind === 'relay') {
    const label = bindingError(action.binding);
    if (label) return label;
    if (action.about !== undefined && !findPackage(state, action.about))
      return invalid(`unknown proposal "${action.about}"`);
    return action.message.trim() === '' ? invalid('a relay needs a message') : null;
  }
  return outcomeError(state.setup.domain, action.text, 'the package');
}

function validateAnswer(
  state: ShuttleState,
  party: string,
  action: Extract<Move, { kind: 'accept' | 'reject' | 'amend' }>,
): InvalidAction | null {
  const pkg = findPackage(state, action.proposal);
  if (!pkg) return invalid(`unknown proposal "${action.proposal}"`);
  if (!pkg.to.includes(party)) return invalid(`${pkg.id} was not tabled to ${party}`);
  if (pkg.lapsed) return invalid(lapsedReason(pkg));
  const previous = pkg.answers[party];
  if (previous !== undefined && previous !== 'refused')
    return invalid(`${party} has already answered ${pkg.id} (${previous})`);
  if (action.kind === 'accept' && pkg.refusedBy.includes(party)) {
    return invalid(
      `${party}'s decision body refused to ratify ${pkg.id}; its delegation may reject or amend it, not accept it again`,
    );
  }
  if (action.kind === 'amend') return packageError(state.setup.domain, action.amendments, null, 'the amendment');
  return null;
}

function validateRatification(
  state: ShuttleState,
  map: RoleMap,
  action: Extract<Move, { kind: 'ratify' | 'refuse-ratification' }>,
): InvalidAction | null {
  const party = map.partyOfBody[action.actor];
  if (party === undefined) return invalid(`only a party's decision body may ratify; "${action.actor}" is not one`);
  const pkg = findPackage(state, action.proposal);
  if (!pkg) return invalid(`unknown proposal "${action.proposal}"`);
  if (pkg.lapsed) return invalid(lapsedReason(pkg));
  if (pkg.ratified.includes(party)) return invalid(`${action.actor} has already ratified ${pkg.id}`);
  if (pkg.answers[party] !== 'accept')
    return invalid(`${party}'s delegation has not accepted ${pkg.id}; there is nothing to ratify`);
  return null;
}

function validateSettle(
  state: ShuttleState,
  map: RoleMap,
  action: Extract<Move, { kind: 'settle' }>,
): InvalidAction | null {
  const issues = map.groupIssues[action.actor];
  if (!issues) return invalid(`only a working group may settle details; "${action.actor}" is not one`);
  const pkg = findPackage(state, action.proposal);
  if (!pkg) return invalid(`unknown proposal "${action.proposal}"`);
  if (pkg.lapsed) return invalid(lapsedReason(pkg));
  if (acceptedByAnyone(pkg))
    return invalid(`the details of ${pkg.id} can no longer change: a delegation has accepted it`);
  return packageError(state.setup.domain, action.details, issues, `${action.actor}'s details`);
}

function validateDelegationMove(state: ShuttleState, party: string, action: Move): InvalidAction | null {
  const away = state.adjourned[party];
  if (away && action.kind !== 'return') {
    return invalid(
      `${action.actor} is adjourned until time ${away.until} to consult; it cannot ${action.kind} until it returns`,
    );
  }
  switch (action.kind) {
    case 'accept':
    case 'reject':
    case 'amend':
      return validateAnswer(state, party, action);
    case 'respond': {
      const pkg = findPackage(state, action.proposal);
      const byIssue = pkg ? respondError(state.setup.domain, pkg.text, action) : null;
      return byIssue ?? validateAnswer(state, party, asWholeAnswer(action));
    }
    case 'adjourn':
      return action.until > state.now
        ? null
        : invalid(`an adjournment must end after now (${state.now}), got ${action.until}`);
    case 'return':
      return away ? null : invalid(`${action.actor} is not adjourned`);
    case 'end':
    case 'statement':
      return null;
    default:
      return invalid(`a delegation may not ${action.kind} in shuttle talks`);
  }
}

export function validateShuttle(state: ShuttleState, action: Move): InvalidAction | null {
  const map = roleMap(state.setup);
  const positionError = actionPositionError(state, action);
  if (positionError) return positionError;
  if (isPrivateMove(action)) return validatePrivateShuttleMove(state, map, action);
  if (action.kind === 'statement' && bindingError(action.binding)) return bindingError(action.binding);
  switch (action.kind) {
    case 'adjourn-talks':
      return validateAdjournTalks(state, map, action);
    case 'hold':
      return validateHold(
        map,
        action,
        state.setup.parties.filter((p) => pendingFor(state, p) !== undefined),
      );
    case 'offer':
      return invalid(
        'shuttle talks have no direct offers: a mediator tables packages and parties answer them (accept, reject, amend)',
      );
    case 'table':
    case 'relay':
      return validateMediatorMove(state, map, action);
    case 'ratify':
    case 'refuse-ratification':
      return validateRatification(state, map, action);
    case 'settle':
      return validateSettle(state, map, action);
    case 'statement':
      if (map.partyOfRole[action.actor] !== undefined)
        return validateDelegationMove(state, map.partyOfRole[action.actor]!, action);
      if (
        map.mediators.includes(action.actor) ||
        map.partyOfBody[action.actor] !== undefined ||
        map.groups.includes(action.actor)
      )
        return null;
      return invalid(`"${action.actor}" has no seat in these talks and cannot make statements`);
    default: {
      const party = map.partyOfRole[action.actor];
      if (party === undefined)
        return invalid(
          `only a delegation may ${action.kind}; "${action.actor}" is not one (${map.delegations.join(', ')})`,
        );
      return validateDelegationMove(state, party, action);
    }
  }
}
