import type { Outcome } from '../core/domain.js';
import { endWith, invalid, outcomeError, packageError, type BaseState, type EventSink } from './base.js';
import type { Answer } from './events.js';
import { applyHold, validateHold } from './moves/hold.js';
import { applyPrivateMove, bindingError, pushStatement, isPrivateMove, validatePrivateMove } from './moves/private.js';
import { asWholeAnswer, respondError } from './moves/responses.js';
import { actionPositionError, responseReason } from './position.js';
import { defineProtocol, type ParleyProtocol } from './protocol.js';
import { roleMap, type RoleMap } from './roles.js';
import type { Action, ActionKind, InvalidAction, IssueAnswer } from './types.js';

/**
 * Mediated single negotiating text. A mediator tables a full text to every party; each
 * party accepts, rejects or proposes amendments (seen by the mediators only); once all
 * have answered, the mediator revises and tables again. Agreement when every party
 * accepts the same text. A round is one text answered by every party, or one round a
 * mediator holds with no new text (`hold`). A hold opens the floor: until the mediator's
 * next move the parties are asked first, and may restate where they stand (`statement`)
 * or let the turn pass, so that a party whose position moved can say so when no new text
 * would have shown it. A mediator's statement in its turn (no text awaiting an answer)
 * opens the floor the same way without passing the round: a consultation, as before the
 * last text of the talks. Parties may answer
 * issue by issue (`respond`), share their preferences with the mediators and caucus with
 * one mediator; every seat keeps private notes.
 */
export interface SingleTextState extends BaseState {
  readonly texts: number;
  readonly current: { readonly proposal: string; readonly by: string; readonly text: Outcome } | null;
  /** Answers to the current text, by party. */
  readonly responses: Readonly<Record<string, Answer>>;
  /** A mediator held or spoke and has not tabled since: the parties have the floor to restate their positions. */
  readonly floor: boolean;
}

type Move = Exclude<Action, { kind: 'tick' }>;
const MOVES: readonly ActionKind[] = [
  'table',
  'hold',
  'accept',
  'reject',
  'amend',
  'respond',
  'end',
  'statement',
  'caucus',
  'note',
  'share-preferences',
];
const MEDIATOR_ALSO: readonly ActionKind[] = ['caucus', 'note'];
const PARTY_ALSO: readonly ActionKind[] = ['caucus', 'note', 'share-preferences'];

/** The parties that still owe an answer to the text on the table (none when there is no text). */
const awaiting = (s: SingleTextState): readonly string[] =>
  s.current === null ? [] : s.setup.parties.filter((p) => s.responses[p] === undefined);

const allAnswered = (s: SingleTextState) => s.current !== null && awaiting(s).length === 0;

function validateTable(
  state: SingleTextState,
  map: RoleMap,
  action: Extract<Move, { kind: 'table' }>,
): InvalidAction | null {
  if (!map.mediators.includes(action.actor))
    return invalid(`only a mediator may table a text; ${action.actor} is not one (${map.mediators.join(', ')})`);
  const everyone = state.setup.parties;
  if (action.to.length > 0 && !(action.to.length === everyone.length && everyone.every((p) => action.to.includes(p)))) {
    return invalid(`a single text goes to every party (${everyone.join(', ')}), not to ${action.to.join(', ')}`);
  }
  const waiting = awaiting(state);
  if (state.current && waiting.length > 0) {
    return invalid(
      `${state.current.proposal} is still being answered (waiting for ${waiting.join(', ')}); revise once every party has answered`,
    );
  }
  return outcomeError(state.setup.domain, action.text, 'the text');
}

function validate(state: SingleTextState, action: Move): InvalidAction | null {
  if (!MOVES.includes(action.kind))
    return invalid(
      `single-text has no "${action.kind}" action; a mediator tables texts or holds, parties accept, reject, amend or end`,
    );
  const map = roleMap(state.setup);
  if (action.kind === 'table') return validateTable(state, map, action);
  if (action.kind === 'hold') return validateHold(map, action, awaiting(state));
  const positionError = actionPositionError(state, action);
  if (positionError) return positionError;
  if (isPrivateMove(action)) return validatePrivateMove(state, action);
  const party = map.partyOfRole[action.actor];
  if (action.kind === 'statement') {
    if (party === undefined && !map.mediators.includes(action.actor))
      return invalid(`"${action.actor}" has no seat in this negotiation`);
    return bindingError(action.binding);
  }
  if (party === undefined)
    return invalid(
      `"${action.actor}" is not a party in this negotiation (parties act as ${map.delegations.join(', ')})`,
    );
  if (action.kind === 'end') return null;
  if (action.kind === 'respond') {
    const onTable = state.current?.proposal === action.proposal ? state.current.text : null;
    const byIssue = onTable ? respondError(state.setup.domain, onTable, action) : null;
    return byIssue ?? validate(state, asWholeAnswer(action));
  }
  if (action.kind !== 'accept' && action.kind !== 'reject' && action.kind !== 'amend') return null;
  if (!state.current) return invalid('no text has been tabled yet');
  if (action.proposal !== state.current.proposal)
    return invalid(`unknown proposal "${action.proposal}": the text on the table is "${state.current.proposal}"`);
  if (state.responses[party] !== undefined)
    return invalid(`${party} has already answered ${state.current.proposal} (${state.responses[party]})`);
  if (action.kind === 'amend') return packageError(state.setup.domain, action.amendments, null, 'the amendment');
  return null;
}

function answer(
  state: SingleTextState,
  action: Extract<Move, { kind: 'accept' | 'reject' | 'amend' }>,
  party: string,
  sink: EventSink,
  byIssue?: Readonly<Record<string, IssueAnswer>>,
): SingleTextState {
  const current = state.current!;
  sink.push({
    kind: 'text-response',
    actor: action.actor,
    party,
    proposal: current.proposal,
    answer: action.kind,
    amendments: action.kind === 'amend' ? action.amendments : undefined,
    reason: action.kind === 'reject' ? responseReason(party, action) : undefined,
    position: action.kind === 'accept' ? undefined : action.position,
    byIssue,
  });
  const next = { ...state, responses: { ...state.responses, [party]: action.kind } };
  if (!allAnswered(next)) return next;
  if (next.setup.parties.every((p) => next.responses[p] === 'accept')) {
    sink.push({
      kind: 'agreement',
      proposal: current.proposal,
      outcome: current.text,
      round: next.round,
    });
    return endWith(next, { reason: 'agreement', proposal: current.proposal, outcome: current.text });
  }
  return { ...next, round: next.round + 1 };
}

function apply(state: SingleTextState, action: Move, sink: EventSink): SingleTextState {
  const party = roleMap(state.setup).partyOfRole[action.actor];
  switch (action.kind) {
    case 'table': {
      const proposal = `text-${state.texts + 1}`;
      sink.push({
        kind: 'text-tabled',
        actor: action.actor,
        proposal,
        text: action.text,
        note: action.note,
      });
      return {
        ...state,
        texts: state.texts + 1,
        current: { proposal, by: action.actor, text: action.text },
        responses: {},
        floor: false,
      };
    }
    case 'hold':
      return { ...applyHold(state, action, sink), floor: true };
    case 'accept':
    case 'reject':
    case 'amend':
      return answer(state, action, party!, sink);
    case 'respond':
      return answer(state, asWholeAnswer(action), party!, sink, action.issues);
    case 'note':
    case 'caucus':
    case 'share-preferences':
      return applyPrivateMove(state, action, sink);
    case 'end':
      sink.push({ kind: 'walk-away', actor: action.actor, party: party!, reason: action.reason });
      return endWith(state, { reason: 'walk-away', by: party });
    case 'statement':
      pushStatement(sink, action, party);
      // A mediator speaking in its turn consults the parties: they have the floor, the round goes on.
      return party === undefined && awaiting(state).length === 0 ? { ...state, floor: true } : state;
    default:
      return state;
  }
}

export const singleText: ParleyProtocol<SingleTextState> = defineProtocol<SingleTextState>({
  name: 'single-text',
  summary: 'mediated single negotiating text: a mediator tables texts, parties accept, reject or amend',
  seats: { mediators: 'required', decisionBodies: false, workingGroups: false },
  events: [
    'text-tabled',
    'text-response',
    'held',
    'statement',
    'agreement',
    'walk-away',
    'note',
    'caucus',
    'preferences-shared',
  ],
  init(base) {
    return { ...base, texts: 0, current: null, responses: {}, floor: false };
  },
  validate,
  apply,
  // A text some parties accepted but not all: it lapses with the close.
  lapsesOnClose: (state) =>
    state.current && Object.values(state.responses).includes('accept') ? [state.current.proposal] : [],
  expected(state) {
    const map = roleMap(state.setup);
    if (!state.current || allAnswered(state)) {
      const mediators = map.mediators.map((role) => ({
        role,
        may: ['table', 'hold', 'statement'] as ActionKind[],
        also: MEDIATOR_ALSO,
      }));
      // After a hold the parties speak first (a statement, or nothing), then the mediator moves.
      const floor = state.floor
        ? map.delegations.map((role) => ({ role, may: ['statement', 'end'] as ActionKind[], also: PARTY_ALSO }))
        : [];
      return [...floor, ...mediators];
    }
    return state.setup.parties
      .map((p, i) => ({ p, role: map.delegations[i]! }))
      .filter(({ p }) => state.responses[p] === undefined)
      .map(({ role }) => ({
        role,
        may: ['accept', 'reject', 'amend', 'respond', 'end', 'statement'] as ActionKind[],
        proposal: state.current!.proposal,
        also: PARTY_ALSO,
      }));
  },
});
