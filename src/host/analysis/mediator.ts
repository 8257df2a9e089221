import { estimateAsParty } from './estimated-party.js';
import { currentText, seenTexts } from './texts.js';
import { analyze } from '../../analysis/index.js';
import type { Outcome } from '../../core/domain.js';
import { crossesRedLine, type RedLine } from '../../core/party.js';
import { Random } from '../../core/random.js';
import { bareScenario } from '../../core/scenario.js';
import { rowOf } from '../../agents/mediators/estimates.js';
import { PartyModels } from '../../agents/mediators/party-model.js';
import { bridgingPolicy, hillClimbPolicy, nashPolicy, partyEstimates } from '../../agents/mediators/policies.js';
import { MediationRecord } from '../../agents/mediators/record.js';
import type { AgentView } from '../../protocols/agent.js';
import { byPhase } from '../../protocols/shuttle/state.js';

/** Seconds the frontier search may take for one answer before it settles for an inexact frontier. */
const ANALYSIS_SECONDS = 1;
/** At most this many frontier points in an answer (spread evenly along it). */
const MAX_POINTS = 200;

/** What a mediator knows of one party, and what that makes of the text on the table. */
export interface PartyReading {
  readonly party: string;
  /** `shared`: the preferences the party's delegation shared; `learned`: the model of what it said and did. */
  readonly source: 'shared' | 'learned';
  /** The party's walk-away value as the mediator estimates it. */
  readonly walkAway: number;
  /** The red lines the party has revealed (stated, shared or added by an outside event the mediator saw). */
  readonly redLines: readonly RedLine[];
  /** The text on the table for this party: its estimated worth and the revealed red lines it crosses. */
  readonly current: {
    readonly proposal: string;
    readonly value: number | null;
    readonly crosses: readonly string[];
  } | null;
}

function mediatorModels(view: AgentView): PartyModels {
  const models = new PartyModels(view.domain);
  models.sync(view);
  return models;
}

/** The red lines a party has revealed to this mediator. */
function revealedLines(view: AgentView, models: PartyModels, party: string): RedLine[] {
  const shared = view.revealed[party];
  return shared ? [...shared.redLines] : [...models.of(party).redLines.values()];
}

const spread = <T>(points: readonly T[]): T[] =>
  points.length <= MAX_POINTS
    ? [...points]
    : Array.from({ length: MAX_POINTS }, (_, i) => points[Math.round((i * (points.length - 1)) / (MAX_POINTS - 1))]!);

/**
 * A mediator's analysis from its own seat's view only: the texts it has seen, each party as
 * the mediator knows it (shared preferences, else the model the built-in mediators learn from
 * the party's answers and statements), and the frontier, zone, bargaining points and
 * sticking points of the talks as those estimates draw them. Never a party's true profile.
 */
export function mediatorAnalysis(view: AgentView) {
  const { domain } = view;
  const models = mediatorModels(view);
  const estimates = partyEstimates(view, models);
  const texts = seenTexts(domain, view.events);
  const parties = estimates.map((estimate, i) => {
    const party = view.parties[i]!;
    return { estimate, party, lines: revealedLines(view, models, party) };
  });
  const reading = (p: (typeof parties)[number]): PartyReading => {
    const text = currentText(texts, p.party);
    const row = text && rowOf(domain, text.text);
    return {
      party: p.party,
      source: view.revealed[p.party] ? 'shared' : 'learned',
      walkAway: p.estimate.disagreement,
      redLines: p.lines,
      current: text && {
        proposal: text.proposal,
        value: row ? p.estimate.value(row) : null,
        crosses: p.lines.filter((l) => crossesRedLine(l, text.text)).map((l) => l.id),
      },
    };
  };
  const profiles = parties.map((p) => estimateAsParty(domain, p.estimate, p.lines));
  const estimated = analyze(bareScenario(`${view.role}'s estimate`, domain, profiles), {
    timeLimit: ANALYSIS_SECONDS,
  });
  return {
    texts,
    current: currentText(texts),
    parties: parties.map(reading),
    estimated: {
      exact: estimated.exact,
      disagreement: estimated.disagreement,
      frontierSize: estimated.frontier.length,
      frontier: spread(estimated.frontier),
      nash: estimated.nash,
      zone: estimated.zopa,
      stickingPoints: estimated.stickingPoints,
    },
  };
}

export const SUGGESTION_STRATEGIES = ['nash', 'bridging', 'hill-climb'] as const;
export type SuggestionStrategy = (typeof SUGGESTION_STRATEGIES)[number];

/**
 * The text a built-in mediator would table next from this mediator seat's view: the same
 * policy code `parley run` mediators use, fed only the seat's events and what parties
 * shared with it. Nothing is tabled; the person at the seat decides.
 */
export function suggestion(view: AgentView, strategy: SuggestionStrategy) {
  const record = new MediationRecord(view.domain);
  record.sync(view);
  const policy =
    strategy === 'nash'
      ? nashPolicy('central')
      : strategy === 'bridging'
        ? bridgingPolicy('central')
        : hillClimbPolicy('central');
  const choice = policy.next({ view, record, models: mediatorModels(view), random: new Random(view.seed) });
  const text: Outcome = choice.text;
  return { strategy, text, byPhase: byPhase(view.domain, text), ...(choice.note ? { note: choice.note } : {}) };
}
