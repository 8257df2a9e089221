import type { Outcome } from '../core/domain.js';
import { endWith, invalid, outcomeError, type BaseState, type EventSink } from './base.js';
import { applyPrivateMove, validatePrivateMove } from './moves/private.js';
import { defineProtocol, type ParleyProtocol } from './protocol.js';
import { roleMap } from './roles.js';
import type { Action, ActionKind, Expectation, InvalidAction } from './types.js';

/**
 * Stacked alternating offers (SAOP). Parties take turns in party order, party 0 first.
 * On its turn a party offers (replacing the standing offer), accepts the standing offer,
 * or ends the talks. Agreement when every party but the one who made the standing offer
 * has accepted it in turn. A round is one turn of every party. A party may keep private
 * notes at any time, on its turn or not.
 */
export interface SaopState extends BaseState {
  readonly turn: number;
  readonly standing: { readonly proposal: string; readonly party: string; readonly outcome: Outcome } | null;
  readonly acceptedBy: readonly string[];
  readonly offers: number;
}

type Move = Exclude<Action, { kind: 'tick' }>;
const MOVES: readonly ActionKind[] = ['offer', 'accept', 'end', 'note'];

function validate(state: SaopState, action: Move): InvalidAction | null {
  if (!MOVES.includes(action.kind))
    return invalid(
      `saop has no "${action.kind}" action; on its turn a party may offer, accept the standing offer, or end`,
    );
  const map = roleMap(state.setup);
  const party = map.partyOfRole[action.actor];
  // A private note is no turn: a party keeps notes whenever it likes.
  if (action.kind === 'note' && party !== undefined) return validatePrivateMove(state, action);
  if (party === undefined)
    return invalid(
      `"${action.actor}" is not a party in this negotiation (parties act as ${map.delegations.join(', ')})`,
    );
  const current = map.delegations[state.turn]!;
  if (action.actor !== current) return invalid(`it is ${current}'s turn, not ${action.actor}'s`);
  if (action.kind === 'offer') return outcomeError(state.setup.domain, action.outcome, 'the offer');
  if (action.kind === 'accept') {
    if (!state.standing) return invalid('there is no standing offer to accept');
    if (action.proposal !== state.standing.proposal)
      return invalid(`unknown proposal "${action.proposal}": the standing offer is "${state.standing.proposal}"`);
    if (state.standing.party === party) return invalid(`${action.actor} cannot accept its own offer`);
  }
  return null;
}

/** No party has accepted the standing offer yet (shared: states never change an array they hold). */
const NOBODY: readonly string[] = Object.freeze([]);

/**
 * The state after a turn. This runs every turn of every negotiation, so it builds the new
 * state as one literal with every field in a fixed order: every SAOP state then has the same
 * shape, and the copy costs an allocation instead of a generic copy of each property (about
 * a tenth of a whole negotiation with spreads). A field added to the state types must be
 * added here (the compiler insists, as every field is required).
 */
function nextTurn(
  state: SaopState,
  standing: SaopState['standing'],
  acceptedBy: readonly string[],
  offers: number,
): SaopState {
  const turn = (state.turn + 1) % state.setup.parties.length;
  return {
    protocol: state.protocol,
    setup: state.setup,
    seq: state.seq,
    now: state.now,
    round: turn === 0 ? state.round + 1 : state.round,
    deadline: state.deadline,
    fired: state.fired,
    effects: state.effects,
    end: state.end,
    turn,
    standing,
    acceptedBy,
    offers,
  };
}

function apply(state: SaopState, action: Move, sink: EventSink): SaopState {
  const party = roleMap(state.setup).partyOfRole[action.actor]!;
  switch (action.kind) {
    case 'offer': {
      const proposal = `offer-${state.offers + 1}`;
      sink.push({ kind: 'offer', actor: action.actor, party, proposal, outcome: action.outcome });
      return nextTurn(state, { proposal, party, outcome: action.outcome }, NOBODY, state.offers + 1);
    }
    case 'accept': {
      const standing = state.standing!;
      sink.push({ kind: 'accept', actor: action.actor, party, proposal: standing.proposal });
      const acceptedBy = [...state.acceptedBy, party];
      if (acceptedBy.length < state.setup.parties.length - 1)
        return nextTurn(state, state.standing, acceptedBy, state.offers);
      sink.push({
        kind: 'agreement',
        proposal: standing.proposal,
        outcome: standing.outcome,
        round: state.round,
      });
      return endWith(
        { ...state, acceptedBy },
        { reason: 'agreement', proposal: standing.proposal, outcome: standing.outcome },
      );
    }
    case 'end':
      sink.push({ kind: 'walk-away', actor: action.actor, party, reason: action.reason });
      return endWith(state, { reason: 'walk-away', by: party });
    case 'note':
      return applyPrivateMove(state, action, sink);
    default:
      return state;
  }
}

/** What a party may do on its turn (shared: an expectation never changes the lists it holds). */
const MAY_ACCEPT: readonly ActionKind[] = ['offer', 'accept', 'end'];
const MAY_OFFER: readonly ActionKind[] = ['offer', 'end'];
const ALSO: readonly ActionKind[] = ['note'];

/**
 * The last answer of `expected` and what it depends on. The runner asks three times a round
 * and the answer changes only when a turn passes, so the clock's tick and the round's last
 * check reuse it instead of making the same list again.
 */
let lastSetup: SaopState['setup'] | null = null;
let lastTurn = -1;
let lastStanding: SaopState['standing'] = null;
let lastAnswer: readonly Expectation[] = [];

function expected(state: SaopState): readonly Expectation[] {
  if (lastSetup === state.setup && lastTurn === state.turn && lastStanding === state.standing) return lastAnswer;
  const map = roleMap(state.setup);
  const party = state.setup.parties[state.turn]!;
  const canAccept = state.standing !== null && state.standing.party !== party;
  lastAnswer = [
    {
      role: map.delegations[state.turn]!,
      may: canAccept ? MAY_ACCEPT : MAY_OFFER,
      proposal: state.standing?.proposal,
      also: ALSO,
    },
  ];
  lastSetup = state.setup;
  lastTurn = state.turn;
  lastStanding = state.standing;
  return lastAnswer;
}

export const saop: ParleyProtocol<SaopState> = defineProtocol<SaopState>({
  name: 'saop',
  summary: 'stacked alternating offers: parties take turns to offer, accept the standing offer or end',
  seats: { mediators: 'none', decisionBodies: false, workingGroups: false },
  events: ['offer', 'accept', 'agreement', 'walk-away', 'note'],
  init(base) {
    return { ...base, turn: 0, standing: null, acceptedBy: NOBODY, offers: 0 };
  },
  validate,
  apply,
  // A standing offer some parties accepted (with three or more): it lapses with the close.
  lapsesOnClose: (state) => (state.standing && state.acceptedBy.length > 0 ? [state.standing.proposal] : []),
  expected,
});
