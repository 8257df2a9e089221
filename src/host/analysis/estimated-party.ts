import type { Domain } from '../../core/domain.js';
import { issueSize, valueAt } from '../../core/issue.js';
import type { Party, RedLine } from '../../core/party.js';
import type { ValueFunction } from '../../core/utility.js';
import type { Estimate } from '../../agents/mediators/estimates.js';

const clamp01 = (x: number) => Math.min(1, Math.max(0, x));

/**
 * A mediator's additive estimate of a party (src/agents/mediators/estimates.ts) written as
 * a profile, so that the analysis engine can draw its frontier and zone. The estimate is
 * read only through its value function: each issue's contribution is measured from a base
 * text, then rescaled to weights summing to 1 and values in [0, 1]. Rescaling by a positive
 * factor and a shift, with the estimated walk-away value moved alike, keeps every
 * comparison the estimate makes (who prefers what, what beats walking away).
 */
export function estimateAsParty(domain: Domain, estimate: Estimate, redLines: readonly RedLine[]): Party {
  const base = new Int32Array(domain.issues.length);
  const start = estimate.value(base);
  const gains = domain.issues.map((issue, i) => {
    const row = base.slice();
    return Array.from({ length: issueSize(issue) }, (_, j) => {
      row[i] = j;
      return estimate.value(row) - start;
    });
  });
  const lows = gains.map((g) => Math.min(...g));
  const ranges = gains.map((g, i) => Math.max(...g) - lows[i]!);
  const total = ranges.reduce((a, b) => a + b, 0);
  const floor = start + lows.reduce((a, b) => a + b, 0);
  const weights: Record<string, number> = {};
  const values: Record<string, ValueFunction> = {};
  domain.issues.forEach((issue, i) => {
    weights[issue.name] = total > 0 ? ranges[i]! / total : 1 / domain.issues.length;
    const scaled = gains[i]!.map((g) => (ranges[i]! > 0 ? (g - lows[i]!) / ranges[i]! : 0));
    values[issue.name] =
      issue.kind === 'discrete'
        ? { kind: 'table', utilities: Object.fromEntries(issue.values.map((v, j) => [v, scaled[j]!])) }
        : { kind: 'piecewise', points: scaled.map((u, j) => [Number(valueAt(issue, j)), u] as const) };
  });
  const reservation = total > 0 ? clamp01((estimate.disagreement - floor) / total) : 0;
  return { name: estimate.party, utility: { kind: 'additive', weights, values }, reservation, discount: 1, redLines };
}
