import { ParleyError } from '../../core/errors.js';
import { redLinesCrossed, utilityFor, type Party } from '../../core/party.js';
import { keptPreferences } from '../../protocols/moves/queries.js';
import type { AgentView } from '../../protocols/agent.js';
import { seatOf } from '../../session/views.js';
import { CONVENOR } from '../host.js';
import type { LiveSession } from '../live-session.js';
import { visibleEvents } from '../views.js';
import { mediatorAnalysis, suggestion, type SuggestionStrategy } from './mediator.js';
import { currentText, seenTexts, type SeenText } from './texts.js';

/** The view an analysis starts from: exactly what a `parley run` agent of this seat would see now. */
function seatAgentView(live: LiveSession, role: string): AgentView {
  return live.agentView({ role, may: [] });
}

/** A text's worth to a party by the preferences given, and the red lines of those it crosses. */
function worth(prefs: Party, t: SeenText) {
  return {
    seq: t.seq,
    proposal: t.proposal,
    kind: t.kind,
    by: t.by,
    value: utilityFor(prefs, t.text),
    crosses: redLinesCrossed(prefs, t.text).map((l) => l.id),
  };
}

/**
 * A party's own reading, for its delegation and its decision body: what the current text
 * and every text it has seen are worth to it, beside its walk-away value, by its own
 * profile as it stands now, or, for a delegation that kept edited preferences for itself
 * (`share-preferences` with `to: "self"`), by those. Never another party's.
 */
function ownAnalysis(view: AgentView, events: AgentView['events']) {
  const kept = keptPreferences(events, view.role);
  const prefs = kept ?? view.self!;
  const texts = seenTexts(view.domain, events);
  const current = currentText(texts, view.party);
  return {
    basis: kept ? ('kept-preferences' as const) : ('own-profile' as const),
    texts,
    current,
    own: {
      party: view.party!,
      walkAway: prefs.reservation,
      redLines: prefs.redLines.map((l) => ({ id: l.id, issue: l.issue })),
      current: current && {
        ...worth(prefs, current),
        aboveWalkAway: utilityFor(prefs, current.text) >= prefs.reservation,
      },
      history: texts.map((t) => worth(prefs, t)),
    },
  };
}

/**
 * The analysis a seat may have, from its own view only:
 * - a mediator: the texts it saw and the talks as its model of the parties draws them;
 * - a delegation or decision body: the texts' worth to its own party;
 * - a working group, an observer, the convenor: the texts its view holds, without utilities.
 */
export function seatAnalysis(live: LiveSession, role: string): SeatAnalysis {
  let byRole = cache.get(live);
  if (!byRole) cache.set(live, (byRole = new Map()));
  const cached = byRole.get(role);
  if (cached && cached.head === live.headSeq) return cached.analysis;
  const analysis = analyseSeat(live, role);
  byRole.set(role, { head: live.headSeq, analysis });
  return analysis;
}

export type SeatAnalysis = ReturnType<typeof analyseSeat>;

/** Answers stay valid until the log grows: consoles poll, the frontier search runs once per change. */
const cache = new WeakMap<LiveSession, Map<string, { head: number; analysis: SeatAnalysis }>>();

function analyseSeat(live: LiveSession, role: string) {
  const { state } = live;
  const common = { session: live.id, role, now: state.now, round: state.round, over: live.isOver() };
  if (role === CONVENOR) return { ...common, kind: 'convenor' as const, ...recordOnly(live, role) };
  const seat = seatOf(live.header.setup, role);
  switch (seat.kind) {
    case 'mediator':
      return { ...common, kind: seat.kind, basis: 'revealed' as const, ...mediatorAnalysis(seatAgentView(live, role)) };
    case 'delegation':
    case 'decision-body': {
      const view = seatAgentView(live, role);
      return { ...common, kind: seat.kind, ...ownAnalysis(view, view.events) };
    }
    case 'working-group':
    case 'observer':
      return { ...common, kind: seat.kind, ...recordOnly(live, role) };
  }
}

function recordOnly(live: LiveSession, role: string) {
  const texts = seenTexts(live.header.setup.domain, visibleEvents(live, role));
  return { basis: 'visible-record' as const, texts, current: currentText(texts) };
}

/** A built-in mediator's next text from a mediator seat's view; other seats have none to ask for. */
export function seatSuggestion(live: LiveSession, role: string, strategy: SuggestionStrategy) {
  if (role === CONVENOR || seatOf(live.header.setup, role).kind !== 'mediator')
    throw new ParleyError('PARLEY_E_FORBIDDEN', `suggestions are for mediator seats; ${role} is not one`);
  return suggestion(seatAgentView(live, role), strategy);
}
