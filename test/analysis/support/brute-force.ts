/**
 * Analysis by visiting every outcome with the plain core evaluation: the independent
 * reference the property tests compare the fast engine with.
 */
import { outcomeFromIndex, type Outcome } from '../../../src/core/domain.js';
import { issueSize } from '../../../src/core/issue.js';
import { crossesRedLine } from '../../../src/core/party.js';
import type { Scenario } from '../../../src/core/scenario.js';
import { evaluateUtility } from '../../../src/core/utility.js';

export interface BrutePoint {
  utilities: number[];
  outcome: Outcome;
}

const round9 = (x: number) => Math.round(x * 1e9) / 1e9;

/** Every outcome in value order with rounded utilities and whether no red line is crossed. */
export function allOutcomes(scenario: Scenario): (BrutePoint & { allowed: boolean })[] {
  const sizes = scenario.domain.issues.map(issueSize);
  const out: (BrutePoint & { allowed: boolean })[] = [];
  const index = sizes.map(() => 0);
  const lines = scenario.parties.flatMap((p) => p.redLines);
  for (;;) {
    const outcome = outcomeFromIndex(scenario.domain, index);
    out.push({
      outcome,
      utilities: scenario.parties.map((p) => round9(evaluateUtility(p.utility, outcome))),
      allowed: !lines.some((l) => crossesRedLine(l, outcome)),
    });
    let i = sizes.length - 1;
    while (i >= 0 && ++index[i]! === sizes[i]) index[i--] = 0;
    if (i < 0) return out;
  }
}

function dominates(a: readonly number[], b: readonly number[]): boolean {
  return a.every((x, i) => x >= b[i]!) && a.some((x, i) => x > b[i]!);
}

/** Distinct non-dominated vectors, each with its first outcome, sorted descending. */
export function bruteFrontier(points: readonly BrutePoint[]): BrutePoint[] {
  const first = new Map<string, BrutePoint>();
  for (const p of points)
    if (!first.has(p.utilities.join())) first.set(p.utilities.join(), { utilities: p.utilities, outcome: p.outcome });
  const distinct = [...first.values()];
  return distinct
    .filter((p) => !distinct.some((q) => dominates(q.utilities, p.utilities)))
    .sort((a, b) => {
      for (let i = 0; i < a.utilities.length; i++)
        if (a.utilities[i] !== b.utilities[i]) return b.utilities[i]! - a.utilities[i]!;
      return 0;
    });
}

/** Position of an outcome in value order, for tie-breaks. */
export function orderOf(all: readonly BrutePoint[]): (o: Outcome) => number {
  const key = (o: Outcome) => JSON.stringify(o);
  const pos = new Map(all.map((p, k) => [key(p.outcome), k]));
  return (o) => pos.get(key(o))!;
}

/**
 * Highest score (rounded to 9 decimals). Ties between distinct vectors go to the smaller
 * vector in party order when `vectorTies` is set (the rule of bargaining solutions), and
 * otherwise, like ties on one vector, to the first outcome in value order.
 */
export function bruteArgmax(
  points: readonly BrutePoint[],
  score: (u: number[]) => number,
  order: (o: Outcome) => number,
  vectorTies = true,
): BrutePoint | null {
  const scored = points.map((p) => ({ p, s: round9(score(p.utilities)) }));
  if (scored.length === 0) return null;
  const best = Math.max(...scored.map((x) => x.s));
  const smaller = (a: readonly number[], b: readonly number[]) => {
    const i = a.findIndex((x, k) => x !== b[k]);
    return vectorTies && i >= 0 ? a[i]! - b[i]! : 0;
  };
  return scored
    .filter((x) => x.s === best)
    .sort((a, b) => smaller(a.p.utilities, b.p.utilities) || order(a.p.outcome) - order(b.p.outcome))[0]!.p;
}

export function reachesDisagreement(u: readonly number[], d: readonly number[]): boolean {
  return u.every((x, i) => x >= round9(d[i]!));
}
