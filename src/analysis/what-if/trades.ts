import { issueSize, valueAt, type Value } from '../../core/issue.js';
import type { Outcome } from '../../core/domain.js';
import { redLinesCrossed, utilityFor } from '../../core/party.js';
import type { Scenario } from '../../core/scenario.js';

export interface Trade {
  /** The issues changed and their new values. */
  readonly changes: Readonly<Record<string, Value>>;
  /** Each party's gain (party order), none negative, one positive. */
  readonly gains: readonly number[];
}

/**
 * Trades on a package: changes of one or two issues that leave no party worse off, make at
 * least one better off and cross no red line the package did not already cross. A trade on
 * two issues where each change alone hurts someone is a logroll: each party gives on what
 * matters less to it. Largest total gain first.
 */
export function tradesOn(scenario: Scenario, outcome: Outcome, limit = 10): Trade[] {
  const parties = scenario.parties;
  const base = parties.map((p) => utilityFor(p, outcome));
  const crossedBefore = parties.map((p) => new Set(redLinesCrossed(p, outcome).map((l) => l.id)));
  const issues = scenario.domain.issues;
  const alternatives = issues.map((issue) =>
    Array.from({ length: issueSize(issue) }, (_, j) => valueAt(issue, j)).filter(
      (v) => String(v) !== String(outcome[issue.name]),
    ),
  );
  const out: Trade[] = [];
  const consider = (changes: Record<string, Value>) => {
    const next = { ...outcome, ...changes };
    const gains = parties.map((p, i) => utilityFor(p, next) - base[i]!);
    if (gains.some((g) => g < -1e-12) || !gains.some((g) => g > 1e-9)) return;
    if (parties.some((p, i) => redLinesCrossed(p, next).some((l) => !crossedBefore[i]!.has(l.id)))) return;
    out.push({ changes, gains });
  };
  issues.forEach((a, i) => {
    for (const va of alternatives[i]!) {
      consider({ [a.name]: va });
      for (let k = i + 1; k < issues.length; k++)
        for (const vb of alternatives[k]!) consider({ [a.name]: va, [issues[k]!.name]: vb });
    }
  });
  const total = (t: Trade) => t.gains.reduce((s, g) => s + g, 0);
  return out.sort((x, y) => total(y) - total(x)).slice(0, limit);
}
