import type { Domain, Outcome } from '../../core/domain.js';
import { issueSize, valueAt } from '../../core/issue.js';
import { redLinesCrossed, type Party } from '../../core/party.js';
import { redLineMasks } from '../../analysis/compile.js';
import type { ProtocolEvent } from '../../protocols/events.js';
import { answersTo, lastText, type ProposalAnswer } from '../../protocols/log-queries.js';
import { constraintText } from '../analysis/findings.js';
import { packageText, who } from './narrate.js';
import type { RunOutcome } from '../../session/simulate.js';

export function answerText(a: ProposalAnswer): string {
  if (a.answer === 'amend') return `${who(a.actor)} asked for ${packageText(a.amendments ?? {})}`;
  return `${who(a.actor)} ${a.answer === 'reject' ? 'rejected it' : a.answer === 'accept' ? 'accepted it' : a.answer}${a.reason ? ` (${a.reason.replace(/\.$/, '')})` : ''}`;
}

/** Which red lines of which party the package crosses, in words. */
export function crossedLines(parties: readonly Party[], text: Outcome): string[] {
  return parties.flatMap((p) =>
    redLinesCrossed(p, text).map(
      (l) => `${p.name}'s red line on ${l.issue}${l.description ? ` (${l.description.replace(/\.$/, '')})` : ''}`,
    ),
  );
}

/**
 * Issues on which the parties' red lines leave no value every party allows, each with what
 * each party allows: the plainest reason no package can be signed.
 */
export function clashingRedLines(parties: readonly Party[], domain: Domain): string[] {
  const out: string[] = [];
  const masks = new Map(parties.map((p) => [p, redLineMasks(domain, p.redLines)]));
  for (const [i, issue] of domain.issues.entries()) {
    const values = Array.from({ length: issueSize(issue) }, (_, j) => valueAt(issue, j));
    const limited = parties.filter((p) => p.redLines.some((l) => l.issue === issue.name));
    if (limited.length < 2) continue;
    const allowedBy = (p: Party) => values.filter((_, j) => masks.get(p)?.[i]?.[j] !== 0);
    if (values.some((v) => limited.every((p) => allowedBy(p).includes(v)))) continue;
    out.push(
      `${issue.name} (${limited.map((p) => `${p.name} allows only ${allowedBy(p).map(String).join(' or ') || 'nothing'}`).join('; ')})`,
    );
  }
  return out;
}

/**
 * Why the talks ended as they did, in a few sentences: the package that was agreed and who
 * ratified it, or the end reason, the red lines that block every package, the sticking
 * points that remained and what the last package crossed.
 */
export function whyText(run: RunOutcome): string[] {
  const { result, log, analysis, parties, plan } = run;
  const events = log.events;
  if (result.agreement && result.outcome) {
    const ratifiers = events
      .filter((e) => e.kind === 'ratified' && e.proposal === result.proposal)
      .map((e) => (e.kind === 'ratified' ? who(e.actor) : ''));
    const lines = [
      `Deal: ${result.proposal} was agreed${ratifiers.length ? ` and ratified by ${ratifiers.join(' and ')}` : ` by ${result.parties.map((p) => p.party).join(', ')}`}, in round ${result.rounds}.`,
    ];
    if (run.improvements.length)
      lines.push(
        `${run.improvements.length} other package${run.improvements.length > 1 ? 's' : ''} would leave every party at least as well off and one better (see the improvements).`,
      );
    return lines;
  }
  const ending =
    result.endReason === 'deadline'
      ? 'the deadline came without agreement'
      : result.endReason === 'walk-away'
        ? 'a party walked away'
        : result.endReason === 'closed'
          ? closedText(events)
          : 'the talks stalled';
  const lines = [`Impasse: ${ending} after ${result.rounds} rounds.`];
  const zoneEmpty = analysis !== null && analysis.zopa.best.length === 0;
  const clashes = clashingRedLines(parties, plan.scenario.domain);
  if (clashes.length)
    lines.push(
      `The parties' red lines exclude each other on ${clashes.join('; ')}: no package can satisfy every party.`,
    );
  else if (zoneEmpty && analysis.blockers.length) {
    const scenario = { ...plan.scenario, parties };
    const first = analysis.blockers[0]!;
    lines.push(
      `No package meets every party's red lines and reservation values: it would take relaxing ${first.constraints.map((c) => constraintText(scenario, c)).join(' and ')} to open a zone of agreement.`,
    );
  } else if (zoneEmpty) lines.push('No package is acceptable to every party.');
  if (result.stickingPoints.length)
    lines.push(`Sticking points that remained: ${result.stickingPoints.map((s) => s.issue).join(', ')}.`);
  else if (result.openIssues.length) lines.push(`Issues still open: ${result.openIssues.join(', ')}.`);
  const closest = partlyRatified(events);
  if (closest) lines.push(closest);
  const last = lastText(events);
  if (last) {
    const crossed = crossedLines(parties, last.text);
    if (crossed.length) lines.push(`The last package on the table, ${last.proposal}, crosses ${crossed.join('; ')}.`);
  }
  return lines;
}

/** Who closed the talks, why, and what lapsed with the close. */
function closedText(events: readonly ProtocolEvent[]): string {
  const closed = events.find((e) => e.kind === 'closed');
  if (closed?.kind !== 'closed') return 'the talks were closed';
  const lapsed = closed.lapsed?.length ? `; ${closed.lapsed.join(', ')}, accepted but not yet agreed, lapsed` : '';
  return `the convenor closed the talks (“${closed.reason}”)${lapsed}`;
}

/** A package some parties ratified and the others did not: how close the talks came. */
function partlyRatified(events: readonly ProtocolEvent[]): string | null {
  const ratified = events.filter((e) => e.kind === 'ratified');
  const last = ratified[ratified.length - 1];
  if (!last || last.kind !== 'ratified') return null;
  const others = answersTo(events, last.proposal).filter((a) => a.answer !== 'ratified' && a.answer !== 'accept');
  const by = ratified
    .filter((e) => e.kind === 'ratified' && e.proposal === last.proposal)
    .map((e) => (e.kind === 'ratified' ? who(e.actor) : ''));
  return `Closest: ${last.proposal} was ratified by ${by.join(' and ')}${others.length ? `, but ${[...new Set(others.map(answerText))].join('; ')}` : ''}.`;
}
