import type { Outcome } from '../../core/domain.js';
import { crossesRedLine, type RedLine } from '../../core/party.js';
import { renderPosition, type Position, type StatedRedLine } from '../../protocols/position.js';
import type { Negotiator } from '../negotiator.js';
import type { OwnPreferences } from '../preferences.js';

/** A red line as the party states it at the table (its id and what it allows; no wording). */
export function statedLine(line: RedLine): StatedRedLine {
  return {
    id: line.id,
    issue: line.issue,
    ...(line.allowed ? { allowed: line.allowed } : {}),
    ...(line.min !== undefined ? { min: line.min } : {}),
    ...(line.max !== undefined ? { max: line.max } : {}),
  };
}

/** The party's red lines, as they stand now, that the text crosses. */
export function crossedLines(prefs: OwnPreferences, text: Outcome): StatedRedLine[] {
  return prefs.current.redLines.filter((l) => crossesRedLine(l, text)).map(statedLine);
}

/**
 * A party's public position: the values it asks for on the issues that matter most to it
 * (where it stands now), and every red line it holds.
 */
export function statementPosition(negotiator: Negotiator, position: Outcome, issueCount = 3): Position {
  const prefs = negotiator.prefs;
  const ranked = prefs.domain.issues
    .map((issue) => ({ issue: issue.name, stake: stakeOf(negotiator, position, issue.name) }))
    .filter((x) => x.stake > 0)
    .sort((a, b) => b.stake - a.stake)
    .slice(0, issueCount);
  return {
    asks: Object.fromEntries(ranked.map((r) => [r.issue, position[r.issue]!])),
    redLines: prefs.current.redLines.map(statedLine),
  };
}

/** A public statement of a party's position in plain words, rendered from its fields. No adjectives, no blame. */
export function positionStatement(party: string, negotiator: Negotiator, position: Outcome, issueCount = 3): string {
  return renderPosition(party, statementPosition(negotiator, position, issueCount), 'statement');
}

/** How much utility the party would lose at worst by changing this issue alone. */
function stakeOf(negotiator: Negotiator, position: Outcome, issueName: string): number {
  const prefs = negotiator.prefs;
  const issue = prefs.domain.issues.find((i) => i.name === issueName)!;
  const base = prefs.utility(position);
  let worst = 0;
  const n =
    issue.kind === 'discrete'
      ? issue.values.length
      : Math.min(issue.kind === 'integer' ? issue.max - issue.min + 1 : issue.steps + 1, 64);
  for (let j = 0; j < n; j++) {
    const v =
      issue.kind === 'discrete'
        ? issue.values[j]!
        : issue.kind === 'integer'
          ? issue.min + Math.round((j * (issue.max - issue.min)) / Math.max(1, n - 1))
          : issue.min + ((issue.max - issue.min) * j) / Math.max(1, n - 1);
    worst = Math.max(worst, base - prefs.utility({ ...position, [issueName]: v }));
  }
  return worst;
}
