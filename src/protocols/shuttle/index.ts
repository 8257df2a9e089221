import { earliest, justAfter } from '../base.js';
import { defineProtocol, type ParleyProtocol } from '../protocol.js';
import { roleMap } from '../roles.js';
import type { ActionKind, Expectation } from '../types.js';
import { applyShuttle, lapseMissedReturns } from './apply.js';
import { acceptedByAnyone, awaitingRatification, pendingFor, type ShuttleState } from './state.js';
import { validateShuttle } from './validate.js';

export type { ShuttleState, ShuttlePackage, Adjournment, PackageAnswer } from './state.js';
export { byPhase, UNPHASED } from './state.js';

const MEDIATOR_ALSO: readonly ActionKind[] = ['adjourn-talks', 'caucus', 'note'];
const DELEGATION_ALSO: readonly ActionKind[] = ['caucus', 'note', 'share-preferences'];
const AWAY_ALSO: readonly ActionKind[] = ['note', 'share-preferences'];
const BODY_ALSO: readonly ActionKind[] = ['mandate', 'note'];

function delegationExpectation(state: ShuttleState, party: string, role: string): Expectation {
  if (state.adjourned[party]) return { role, may: ['return'], also: AWAY_ALSO };
  const pending = pendingFor(state, party);
  const answers: ActionKind[] = !pending
    ? []
    : pending.refusedBy.includes(party)
      ? ['reject', 'amend', 'respond']
      : ['accept', 'reject', 'amend', 'respond'];
  return { role, may: [...answers, 'adjourn', 'statement', 'end'], proposal: pending?.id, also: DELEGATION_ALSO };
}

function expectedShuttle(state: ShuttleState): Expectation[] {
  const map = roleMap(state.setup);
  const out: Expectation[] = map.mediators.map((role) => ({
    role,
    may: ['table', 'hold', 'relay', 'statement'],
    also: MEDIATOR_ALSO,
  }));
  state.setup.parties.forEach((party, i) => out.push(delegationExpectation(state, party, map.delegations[i]!)));
  for (const party of state.setup.parties) {
    const body = map.bodyOfParty[party];
    if (body === undefined) continue;
    const waiting = awaitingRatification(state, party);
    out.push(
      waiting
        ? { role: body, may: ['ratify', 'refuse-ratification', 'statement'], proposal: waiting.id, also: BODY_ALSO }
        : { role: body, may: ['statement'], also: BODY_ALSO },
    );
  }
  const open = [...state.packages].reverse().find((p) => p.lapsed === null && !acceptedByAnyone(p));
  if (open)
    for (const group of map.groups) out.push({ role: group, may: ['settle'], proposal: open.id, also: ['note'] });
  return out;
}

/**
 * Shuttle talks, the protocol of the Cairo reports: parties speak only to mediators, who
 * table phased packages to parties, relay positions in their own words, and collect
 * answers; delegations adjourn to consult and must return; acceptance binds only once
 * the party's decision body ratifies; agreement when every party ratified one package.
 * Absent delegations follow the same rules: in shuttle talks no one faces the other side.
 * A round ends once every party has answered a package since the round began, or when a
 * mediator with no package awaiting an answer holds (tables nothing new that round).
 * Mediators may also adjourn the talks to a return deadline and caucus with one party;
 * delegations may answer issue by issue and share their preferences with the mediators;
 * decision bodies give their delegation a mandate; every seat keeps private notes.
 */
export const shuttle: ParleyProtocol<ShuttleState> = defineProtocol<ShuttleState>({
  name: 'shuttle',
  summary: 'shuttle talks: mediators table phased packages to parties who never meet, decision bodies ratify',
  seats: { mediators: 'required', decisionBodies: true, workingGroups: true },
  events: [
    'package-tabled',
    'package-response',
    'relayed',
    'phase-referred',
    'settled',
    'package-revised',
    'adjourned',
    'consultation',
    'returned',
    'return-missed',
    'ratification-requested',
    'ratified',
    'ratification-refused',
    'statement',
    'agreement',
    'walk-away',
    'talks-adjourned',
    'held',
    'note',
    'caucus',
    'mandate',
    'preferences-shared',
  ],
  init(base) {
    return { ...base, packages: [], adjourned: {}, answeredThisRound: [] };
  },
  validate: validateShuttle,
  apply: applyShuttle,
  onTick: lapseMissedReturns,
  // A return is missed once the clock is past the stated time, not at it.
  nextDue: (state) =>
    earliest(
      Object.values(state.adjourned)
        .filter((a) => !a.missed)
        .map((a) => justAfter(a.until)),
    ),
  expected: expectedShuttle,
  // Accepted or partly ratified packages: short of every ratification, a close leaves no agreement.
  lapsesOnClose: (state) => state.packages.filter((p) => p.lapsed === null && acceptedByAnyone(p)).map((p) => p.id),
});
