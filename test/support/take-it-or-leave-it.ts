import { z } from 'zod';
import type { Outcome } from '../../src/core/domain.js';
import { ParleyError } from '../../src/core/errors.js';
import { endWith, invalid, outcomeError, type BaseState, type EventSink } from '../../src/protocols/base.js';
import { defineProtocol, type ParleyProtocol } from '../../src/protocols/protocol.js';
import { roleMap } from '../../src/protocols/roles.js';
import type { Action, InvalidAction } from '../../src/protocols/types.js';

/**
 * Take it or leave it: one party makes one offer; every other party accepts it or rejects
 * it, and one rejection ends the talks. A protocol written as a user would add one: this
 * file, and one `registerProtocol` line.
 */
export interface TakeItOrLeaveItState extends BaseState {
  readonly proposer: string;
  readonly offer: { readonly proposal: string; readonly outcome: Outcome } | null;
  readonly acceptedBy: readonly string[];
}

type Move = Exclude<Action, { kind: 'tick' }>;

function validate(state: TakeItOrLeaveItState, action: Move): InvalidAction | null {
  const party = roleMap(state.setup).partyOfRole[action.actor];
  if (party === undefined) return invalid(`"${action.actor}" is not a party`);
  if (party === state.proposer) {
    if (action.kind !== 'offer') return invalid(`${action.actor} may only make the offer`);
    return state.offer ? invalid('the offer is made') : outcomeError(state.setup.domain, action.outcome, 'the offer');
  }
  if (action.kind !== 'accept' && action.kind !== 'reject') return invalid(`${action.actor} may accept or reject`);
  if (!state.offer) return invalid('there is no offer yet');
  if (action.proposal !== state.offer.proposal) return invalid(`unknown proposal "${action.proposal}"`);
  return state.acceptedBy.includes(party) ? invalid(`${party} has accepted already`) : null;
}

function apply(state: TakeItOrLeaveItState, action: Move, sink: EventSink): TakeItOrLeaveItState {
  const party = roleMap(state.setup).partyOfRole[action.actor]!;
  if (action.kind === 'offer') {
    sink.push({ kind: 'offer', actor: action.actor, party, proposal: 'offer-1', outcome: action.outcome });
    return { ...state, offer: { proposal: 'offer-1', outcome: action.outcome } };
  }
  if (action.kind === 'reject') {
    sink.push({ kind: 'walk-away', actor: action.actor, party, reason: 'left it' });
    return endWith(state, { reason: 'walk-away', by: party });
  }
  const offer = state.offer!;
  sink.push({ kind: 'accept', actor: action.actor, party, proposal: offer.proposal });
  const acceptedBy = [...state.acceptedBy, party];
  if (acceptedBy.length < state.setup.parties.length - 1) return { ...state, acceptedBy };
  sink.push({ kind: 'agreement', proposal: offer.proposal, outcome: offer.outcome, round: state.round });
  return endWith({ ...state, acceptedBy }, { reason: 'agreement', ...offer });
}

export const takeItOrLeaveIt: ParleyProtocol<TakeItOrLeaveItState> = defineProtocol({
  name: 'take-it-or-leave-it',
  summary: 'one party makes one offer; the others take it or leave it',
  seats: { mediators: 'none', decisionBodies: false, workingGroups: false },
  options: z.strictObject({ proposer: z.string().optional() }),
  events: ['offer', 'accept', 'agreement', 'walk-away'],
  init(base, options) {
    const proposer = options.proposer ?? base.setup.parties[0]!;
    if (!base.setup.parties.includes(proposer))
      throw new ParleyError('PARLEY_E_USAGE', `take-it-or-leave-it: no party "${proposer}" to make the offer`);
    return { ...base, proposer, offer: null, acceptedBy: [] };
  },
  validate,
  apply,
  expected(state) {
    const map = roleMap(state.setup);
    const roleOf = (party: string) => map.delegations[state.setup.parties.indexOf(party)]!;
    if (!state.offer) return [{ role: roleOf(state.proposer), may: ['offer'] }];
    return state.setup.parties
      .filter((p) => p !== state.proposer && !state.acceptedBy.includes(p))
      .map((p) => ({ role: roleOf(p), may: ['accept', 'reject'], proposal: state.offer!.proposal }));
  },
});
