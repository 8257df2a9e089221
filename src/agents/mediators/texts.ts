import type { Domain, Outcome } from '../../core/domain.js';
import { indexOfValue, type Issue, issueSize, valueAt, type Value } from '../../core/issue.js';
import type { Random } from '../../core/random.js';
import type { TabledRound } from './record.js';
import { largest, smallest } from '../../core/extremes.js';

/** The middle value of every issue: a starting text that leans to no side by construction. */
export function centralText(domain: Domain): Outcome {
  return Object.fromEntries(domain.issues.map((i) => [i.name, valueAt(i, Math.floor((issueSize(i) - 1) / 2))]));
}

export function randomText(domain: Domain, random: Random): Outcome {
  return Object.fromEntries(domain.issues.map((i) => [i.name, valueAt(i, random.int(issueSize(i)))]));
}

/** Position of a value in its issue's order; off-grid real values go to the nearest step. */
export function positionOf(issue: Issue, value: Value): number {
  const p = indexOfValue(issue, value);
  if (p >= 0 || issue.kind !== 'real') return p;
  const step =
    issue.steps === 0 ? 0 : Math.round(((Number(value) - issue.min) / (issue.max - issue.min)) * issue.steps);
  return Math.min(issue.steps, Math.max(0, step));
}

/** The value halfway (in value order) between the values asked for; the first on a tie. */
export function middleValue(issue: Issue, values: readonly Value[]): Value {
  const positions = values.map((v) => positionOf(issue, v)).filter((p) => p >= 0);
  if (positions.length === 0) return values[0]!;
  const lo = smallest(positions);
  const hi = largest(positions);
  return valueAt(issue, Math.floor((lo + hi) / 2));
}

/** Values asked for each issue in one round's amendments, by party. */
export function askedValues(round: TabledRound): Map<string, Map<string, Value>> {
  const asked = new Map<string, Map<string, Value>>();
  for (const r of round.responses.values()) {
    if (r.answer !== 'amend' || !r.amendments) continue;
    for (const [issue, v] of Object.entries(r.amendments)) {
      if (!asked.has(issue)) asked.set(issue, new Map());
      asked.get(issue)!.set(r.party, v);
    }
  }
  return asked;
}

/**
 * A revision that takes in every amendment of a round: an issue only one party asked to
 * change takes its value; where parties ask for different values, the middle of them.
 */
export function mergeAmendments(domain: Domain, round: TabledRound): Record<string, Value> {
  const text: Record<string, Value> = { ...round.text };
  for (const [issueName, byParty] of askedValues(round)) {
    const issue = domain.issues.find((i) => i.name === issueName);
    if (!issue) continue;
    const values = [...new Set(byParty.values())];
    text[issueName] = values.length === 1 ? values[0]! : middleValue(issue, [...values, round.text[issueName]!]);
  }
  return text;
}

/** A copy of the text with one random issue moved by one step in value order. */
export function nudge(domain: Domain, text: Outcome, random: Random): Outcome {
  return domain.issues.length === 0 ? text : nudgeIssue(domain.issues[random.int(domain.issues.length)]!, text, random);
}

/** A copy of the text with this issue moved one step up or down its value order, at random. */
export function nudgeIssue(issue: Issue, text: Outcome, random: Random): Outcome {
  const size = issueSize(issue);
  if (size < 2) return text;
  const p = positionOf(issue, text[issue.name]!);
  const q = p <= 0 ? 1 : p >= size - 1 ? size - 2 : p + (random.next() < 0.5 ? -1 : 1);
  return { ...text, [issue.name]: valueAt(issue, q) };
}
