import type { Outcome } from '../../core/domain.js';
import { issueSize, valueAt, type Value } from '../../core/issue.js';
import type { Negotiator } from '../negotiator.js';

export interface AmendOptions {
  /** At most this many issues changed in one answer. */
  readonly maxIssues: number;
  /** How much an estimated loss to the others counts against a gain to oneself. */
  readonly care: number;
}

/**
 * The changes to a text that help this party most: first whatever its red lines require,
 * then, issue by issue, the single change with the best own gain (less `care` times the
 * others' estimated loss), until the text reaches what the strategy would propose now.
 * Null when no change helps.
 */
export function amendmentsFor(text: Outcome, negotiator: Negotiator, options: AmendOptions): Outcome | null {
  const prefs = negotiator.prefs;
  const domain = prefs.domain;
  const changes: Record<string, Value> = {};
  let current: Record<string, Value> = { ...text };
  for (const line of prefs.current.redLines) {
    if (!prefs.crossesRedLines({ [line.issue]: current[line.issue]! } as Outcome)) continue;
    const best = bestValue(current, line.issue, negotiator, 0, true);
    if (best !== null) current = { ...current, [line.issue]: (changes[line.issue] = best) };
  }
  const proposal = negotiator.propose();
  const target = proposal ? prefs.utility(proposal) : prefs.max;
  while (prefs.utility(current) < target - 1e-12 && Object.keys(changes).length < options.maxIssues) {
    let pick: { issue: string; value: Value; score: number } | null = null;
    for (const issue of domain.issues) {
      if (issue.name in changes) continue;
      const value = bestValue(current, issue.name, negotiator, options.care, false);
      if (value === null) continue;
      const score = changeScore(current, issue.name, value, negotiator, options.care);
      if (score > 1e-12 && (!pick || score > pick.score)) pick = { issue: issue.name, value, score };
    }
    if (!pick) break;
    current = { ...current, [pick.issue]: (changes[pick.issue] = pick.value) };
  }
  return Object.keys(changes).length ? changes : null;
}

function changeScore(current: Outcome, issue: string, value: Value, negotiator: Negotiator, care: number): number {
  const prefs = negotiator.prefs;
  const changed = { ...current, [issue]: value };
  const gain = prefs.utility(changed) - prefs.utility(current);
  if (care === 0 || !negotiator.opponents.informed) return gain;
  const loss = estimate(negotiator, current) - estimate(negotiator, changed);
  return gain - care * Math.max(0, loss);
}

function estimate(negotiator: Negotiator, outcome: Outcome): number {
  let least = Infinity;
  for (const p of negotiator.opponents.parties) least = Math.min(least, negotiator.opponents.of(p).predict(outcome));
  return least === Infinity ? 0 : least;
}

/** The value of one issue that scores best; with `withinLines`, only values inside red lines. */
function bestValue(
  current: Outcome,
  issueName: string,
  negotiator: Negotiator,
  care: number,
  withinLines: boolean,
): Value | null {
  const issue = negotiator.prefs.domain.issues.find((i) => i.name === issueName);
  if (!issue) return null;
  let best: Value | null = null;
  let bestScore = -Infinity;
  for (let j = 0; j < issueSize(issue); j++) {
    const v = valueAt(issue, j);
    if (v === current[issueName]) continue;
    const changed = { ...current, [issueName]: v };
    // Within lines: the value must satisfy this issue's own red lines (others may still be
    // crossed by the text, and are fixed issue by issue). Otherwise: add no new crossing.
    if (
      withinLines
        ? negotiator.prefs.crossesRedLines({ [issueName]: v } as Outcome)
        : negotiator.prefs.crossesRedLines(changed) && !negotiator.prefs.crossesRedLines(current)
    )
      continue;
    const score = changeScore(current, issueName, v, negotiator, care);
    if (score > bestScore) {
      best = v;
      bestScore = score;
    }
  }
  return best;
}
