import type { Outcome } from '../core/domain.js';
import { discounted, redLinesCrossed, utilityFor, type Party } from '../core/party.js';
import type { Scenario } from '../core/scenario.js';
import { withEffects, type Effect } from '../core/timeline.js';
import { analyze, distances, distancesFrom } from '../analysis/index.js';
import type { Analysis, StickingPoint } from '../analysis/types.js';
import type { ProtocolEvent } from '../protocols/events.js';
import { amendedIssues, lastText, partyPositions } from '../protocols/log-queries.js';

/** Each party's utility of the result: of the outcome, or its reservation value without one. */
export interface PartyResult {
  readonly party: string;
  readonly utility: number;
  /** u · δ^t with t = progress; equal to `utility` where the profile does not discount. */
  readonly discounted: number;
}

/** How far a negotiation ended from the frontier and from Nash (in utility space). */
export interface ResultDistances {
  readonly frontier: number | null;
  readonly nash: number | null;
}

/** The parties as they stand after the outside events that fired. */
export function currentParties(scenario: Scenario, effects: readonly Effect[]): Party[] {
  return scenario.parties.map((p) => withEffects(p, effects));
}

export function partyResults(parties: readonly Party[], outcome: Outcome | null, progress: number): PartyResult[] {
  return parties.map((p) => {
    const utility = outcome ? utilityFor(p, outcome) : p.reservation;
    return { party: p.name, utility, discounted: discounted(p, utility, progress) };
  });
}

/**
 * Analysis of the scenario with the parties' current preferences; the disagreement point
 * stands in for the outcome when there is no agreement.
 */
export function analysisFor(scenario: Scenario, parties: readonly Party[], timeLimit: number): Analysis {
  return analyze({ ...scenario, parties }, { timeLimit });
}

export function distancesOf(
  scenario: Scenario,
  parties: readonly Party[],
  analysis: Analysis,
  outcome: Outcome | null,
): ResultDistances {
  const d = outcome
    ? distances(outcome, analysis, { ...scenario, parties })
    : distancesFrom(analysis.disagreement, analysis);
  return { frontier: d.frontier, nash: d.nash };
}

/**
 * Issues on which the parties' last stated positions still differ: their last offers, or
 * the texts they accepted or amended (amendments on top). With fewer than two known
 * positions, the issues anyone amended.
 */
/**
 * Issues still open when talks end without agreement: where the parties' last known
 * positions differ, and where the last text on the table crosses a party's red line (a
 * rejection does not say where the objection lies, but the analyst knows the red lines).
 */
export function openIssues(events: readonly ProtocolEvent[], parties: readonly Party[]): string[] {
  const open = new Set(
    openPositions(
      events,
      parties.map((p) => p.name),
    ),
  );
  const last = lastText(events)?.text;
  if (last) for (const party of parties) for (const line of redLinesCrossed(party, last)) open.add(line.issue);
  return [...open];
}

function openPositions(events: readonly ProtocolEvent[], parties: readonly string[]): string[] {
  const positions = partyPositions(events);
  const known = parties.map((p) => positions.get(p)).filter((o): o is Outcome => o !== undefined);
  if (known.length < 2) return amendedIssues(events);
  const issues = Object.keys(known[0]!);
  return issues.filter((i) => known.some((o) => String(o[i]) !== String(known[0]![i])));
}

/** Analysis sticking points on the issues still open (all blocking ones if none is known open). */
export function remainingStickingPoints(analysis: Analysis, open: readonly string[]): StickingPoint[] {
  const relevant = analysis.stickingPoints.filter((s) =>
    open.length > 0 ? open.includes(s.issue) : s.blocking || s.opposition > 0,
  );
  return [...relevant].sort((a, b) => b.opposition - a.opposition);
}
