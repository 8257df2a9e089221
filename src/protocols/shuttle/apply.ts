import type { Outcome } from '../../core/domain.js';
import { endWith, type EventSink } from '../base.js';
import { applyHold } from '../moves/hold.js';
import { applyPrivateMove, pushStatement } from '../moves/private.js';
import { asWholeAnswer } from '../moves/responses.js';
import { responseReason } from '../position.js';
import { roleMap, type RoleMap } from '../roles.js';
import type { IssueAnswer } from '../types.js';
import { applyAdjournTalks, sendToConsult } from './moves.js';
import { byPhase, findPackage, replacePackage, type Move, type ShuttlePackage, type ShuttleState } from './state.js';

type Answering = Extract<Move, { kind: 'accept' | 'reject' | 'amend' }>;

function table(
  state: ShuttleState,
  map: RoleMap,
  action: Extract<Move, { kind: 'table' }>,
  sink: EventSink,
): ShuttleState {
  const id = `pkg-${state.packages.length + 1}`;
  const to = action.to.length > 0 ? [...action.to] : [...map.channels[action.actor]!];
  const phased = byPhase(state.setup.domain, action.text);
  for (const party of to) {
    sink.push({
      kind: 'package-tabled',
      actor: action.actor,
      party,
      proposal: id,
      text: action.text,
      byPhase: phased,
      note: action.note,
    });
  }
  referToGroups(map, id, action.text, sink);
  const pkg: ShuttlePackage = {
    id,
    by: action.actor,
    text: action.text,
    to,
    answers: {},
    ratified: [],
    refusedBy: [],
    lapsed: null,
  };
  return { ...state, packages: [...state.packages, pkg] };
}

/** Each working group is asked about the details of its own issues only. */
function referToGroups(map: RoleMap, id: string, text: Outcome, sink: EventSink): void {
  for (const group of map.groups) {
    const issues = map.groupIssues[group]!;
    const details = Object.fromEntries(issues.filter((i) => text[i] !== undefined).map((i) => [i, text[i]!]));
    sink.push({
      kind: 'phase-referred',
      proposal: id,
      group,
      issues,
      details,
    });
  }
}

/** A round ends once every party has answered something since it began. */
function countAnswer(state: ShuttleState, party: string): ShuttleState {
  const answered = state.answeredThisRound.includes(party)
    ? state.answeredThisRound
    : [...state.answeredThisRound, party];
  if (answered.length < state.setup.parties.length) return { ...state, answeredThisRound: answered };
  return { ...state, answeredThisRound: [], round: state.round + 1 };
}

function answer(
  state: ShuttleState,
  map: RoleMap,
  party: string,
  action: Answering,
  sink: EventSink,
  byIssue?: Readonly<Record<string, IssueAnswer>>,
): ShuttleState {
  const pkg = findPackage(state, action.proposal)!;
  const amendments = action.kind === 'amend' ? action.amendments : undefined;
  sink.push({
    kind: 'package-response',
    actor: action.actor,
    party,
    proposal: pkg.id,
    answer: action.kind,
    amendments,
    amendmentsByPhase: amendments ? byPhase(state.setup.domain, amendments) : undefined,
    reason: action.kind === 'reject' ? responseReason(party, action) : undefined,
    position: action.kind === 'accept' ? undefined : action.position,
    byIssue,
  });
  let next = countAnswer(replacePackage(state, { ...pkg, answers: { ...pkg.answers, [party]: action.kind } }), party);
  if (action.kind !== 'accept') return next;
  const body = map.bodyOfParty[party];
  if (body !== undefined) {
    sink.push({
      kind: 'ratification-requested',
      party,
      body,
      proposal: pkg.id,
      text: pkg.text,
    });
    return next;
  }
  // No decision body: the delegation holds full powers and its acceptance binds at once.
  next = ratify(next, action.actor, party, pkg.id, sink);
  return next;
}

function ratify(state: ShuttleState, actor: string, party: string, id: string, sink: EventSink): ShuttleState {
  const pkg = findPackage(state, id)!;
  sink.push({ kind: 'ratified', actor, party, proposal: id });
  const ratified = [...pkg.ratified, party];
  const next = replacePackage(state, { ...pkg, ratified });
  if (!next.setup.parties.every((p) => ratified.includes(p))) return next;
  sink.push({ kind: 'agreement', proposal: id, outcome: pkg.text, round: next.round });
  return endWith(next, { reason: 'agreement', proposal: id, outcome: pkg.text });
}

function refuse(
  state: ShuttleState,
  party: string,
  action: Extract<Move, { kind: 'refuse-ratification' }>,
  sink: EventSink,
): ShuttleState {
  const pkg = findPackage(state, action.proposal)!;
  sink.push({
    kind: 'ratification-refused',
    actor: action.actor,
    party,
    proposal: pkg.id,
    reason: action.reason,
  });
  return replacePackage(state, {
    ...pkg,
    answers: { ...pkg.answers, [party]: 'refused' },
    refusedBy: [...pkg.refusedBy, party],
  });
}

/** Settled details replace the group's issues; earlier answers were to another text, so they are cleared. */
function settle(state: ShuttleState, action: Extract<Move, { kind: 'settle' }>, sink: EventSink): ShuttleState {
  const pkg = findPackage(state, action.proposal)!;
  const text = { ...pkg.text, ...action.details };
  sink.push({
    kind: 'settled',
    actor: action.actor,
    proposal: pkg.id,
    details: action.details,
  });
  for (const party of pkg.to) sink.push({ kind: 'package-revised', party, proposal: pkg.id, text, by: action.actor });
  return replacePackage(state, { ...pkg, text, answers: {}, refusedBy: [] });
}

function adjourn(
  state: ShuttleState,
  map: RoleMap,
  party: string,
  action: Extract<Move, { kind: 'adjourn' }>,
  sink: EventSink,
): ShuttleState {
  sink.push({ kind: 'adjourned', actor: action.actor, party, until: action.until });
  return sendToConsult(state, map, party, action.until, action.reason, sink);
}

export function applyShuttle(state: ShuttleState, action: Move, sink: EventSink): ShuttleState {
  const map = roleMap(state.setup);
  const party = map.partyOfRole[action.actor] ?? map.partyOfBody[action.actor];
  switch (action.kind) {
    case 'table':
      return table(state, map, action, sink);
    case 'relay':
      sink.push({
        kind: 'relayed',
        actor: action.actor,
        to: action.to,
        message: action.message,
        about: action.about,
        binding: action.binding ?? false,
      });
      return state;
    case 'accept':
    case 'reject':
    case 'amend':
      return answer(state, map, party!, action, sink);
    case 'respond':
      return answer(state, map, party!, asWholeAnswer(action), sink, action.issues);
    case 'adjourn-talks':
      return applyAdjournTalks(state, map, action, sink);
    case 'hold':
      // The round passes: it begins again with no answers counted.
      return { ...applyHold(state, action, sink), answeredThisRound: [] };
    case 'note':
    case 'caucus':
    case 'mandate':
    case 'share-preferences':
      return applyPrivateMove(state, action, sink);
    case 'ratify':
      return ratify(state, action.actor, party!, action.proposal, sink);
    case 'refuse-ratification':
      return refuse(state, party!, action, sink);
    case 'settle':
      return settle(state, action, sink);
    case 'adjourn':
      return adjourn(state, map, party!, action, sink);
    case 'return': {
      sink.push({ kind: 'returned', actor: action.actor, party: party! });
      const { [party!]: _, ...rest } = state.adjourned;
      return { ...state, adjourned: rest };
    }
    case 'statement':
      pushStatement(sink, action, party);
      return state;
    case 'end':
      sink.push({ kind: 'walk-away', actor: action.actor, party: party!, reason: action.reason });
      return endWith(state, { reason: 'walk-away', by: party });
    case 'offer':
      return state;
  }
}

/**
 * A delegation that is still away after its stated return time has missed it: the package
 * it was considering when it left lapses for everyone (off the table, answers and
 * ratifications void), and a public `return-missed` event says so. The delegation stays
 * adjourned until it returns.
 */
export function lapseMissedReturns(state: ShuttleState, sink: EventSink): ShuttleState {
  let next = state;
  const map = roleMap(state.setup);
  for (const party of state.setup.parties) {
    const away = next.adjourned[party];
    if (!away || away.missed || next.now <= away.until) continue;
    const pkg = away.considering ? findPackage(next, away.considering) : undefined;
    const lapses = pkg !== undefined && pkg.lapsed === null;
    if (lapses) next = replacePackage(next, { ...pkg, lapsed: { party, at: next.now } });
    next = { ...next, adjourned: { ...next.adjourned, [party]: { ...away, missed: true } } };
    const actor = map.delegations[state.setup.parties.indexOf(party)]!;
    sink.push({
      kind: 'return-missed',
      actor,
      party,
      until: away.until,
      lapsed: lapses ? pkg.id : undefined,
    });
  }
  return next;
}
