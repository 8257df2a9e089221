import { issueSize, valueAt, type Value } from '../../core/issue.js';
import type { Outcome } from '../../core/domain.js';
import { redLinesCrossed, utilityFor, type RedLine } from '../../core/party.js';
import type { Scenario } from '../../core/scenario.js';

/** Outcomes visited one by one up to this many; larger spaces are searched from a sample. */
const VISIT_LIMIT = 300_000;

export interface NearMiss {
  readonly outcome: Outcome;
  readonly crossed: readonly { readonly party: string; readonly line: RedLine }[];
  /** How far each party falls short of its walk-away value (0 when it does not). */
  readonly shortfall: readonly number[];
  readonly utilities: readonly number[];
}

function forEachOutcome(scenario: Scenario, visit: (o: Outcome) => void): void {
  const issues = scenario.domain.issues;
  const total = issues.reduce((n, i) => n * issueSize(i), 1);
  const index = new Array<number>(issues.length).fill(0);
  let seed = 0x9e3779b9;
  const sample = total > VISIT_LIMIT;
  for (let k = 0; k < Math.min(total, VISIT_LIMIT); k++) {
    if (sample)
      for (let i = 0; i < issues.length; i++) {
        seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0;
        index[i] = seed % issueSize(issues[i]!);
      }
    const o: Record<string, Value> = {};
    issues.forEach((issue, i) => (o[issue.name] = valueAt(issue, index[i]!)));
    visit(o);
    if (!sample)
      for (let i = 0; i < issues.length; i++) {
        if (++index[i]! < issueSize(issues[i]!)) break;
        index[i] = 0;
      }
  }
}

/**
 * Where no package is acceptable to every party, the packages that come closest: fewest red
 * lines crossed first, then the smallest total shortfall below the walk-away values. Spaces
 * larger than the visit limit are searched from a fixed sample.
 */
export function nearMisses(scenario: Scenario, count = 5): NearMiss[] {
  const best: NearMiss[] = [];
  const rank = (m: NearMiss) => [m.crossed.length, m.shortfall.reduce((a, b) => a + b, 0)] as const;
  const worse = (a: NearMiss, b: NearMiss) => {
    const [ca, sa] = rank(a);
    const [cb, sb] = rank(b);
    return ca !== cb ? ca > cb : sa > sb + 1e-12;
  };
  forEachOutcome(scenario, (outcome) => {
    const utilities = scenario.parties.map((p) => utilityFor(p, outcome));
    const miss: NearMiss = {
      outcome,
      crossed: scenario.parties.flatMap((p) => redLinesCrossed(p, outcome).map((line) => ({ party: p.name, line }))),
      shortfall: scenario.parties.map((p, i) => Math.max(0, p.reservation - utilities[i]!)),
      utilities,
    };
    if (best.length === count && !worse(best[best.length - 1]!, miss)) return;
    best.push(miss);
    best.sort((a, b) => (worse(a, b) ? 1 : worse(b, a) ? -1 : 0));
    if (best.length > count) best.pop();
  });
  return best;
}
