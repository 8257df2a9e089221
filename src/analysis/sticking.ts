import type { Scenario } from '../core/scenario.js';
import { issueSize, valueAt } from '../core/issue.js';
import { evaluateValue, type AdditiveUtility } from '../core/utility.js';
import type { Blocker, StickingPoint } from './types.js';

/**
 * Opposition on each issue: over pairs of additive parties, min(w_a, w_b) · (1 − ρ)/2 with ρ
 * the Spearman rank correlation of their value functions over the issue's values. Where a
 * party is indifferent between all values (constant function) ρ is undefined and the pair
 * adds no opposition (0); non-additive parties take no part. Issues in a smallest blocking
 * set come first, then by opposition, highest first.
 */
export function stickingPointsOf(scenario: Scenario, blockers: readonly Blocker[]): StickingPoint[] {
  const blocking = new Set(blockers.flatMap((b) => b.issues));
  const additive = scenario.parties.map((p) => p.utility).filter((u): u is AdditiveUtility => u.kind === 'additive');
  const points = scenario.domain.issues.map((issue) => {
    const values = Array.from({ length: issueSize(issue) }, (_, k) => valueAt(issue, k));
    const profiles = additive.map((u) => {
      const vf = u.values[issue.name];
      return { weight: u.weights[issue.name] ?? 0, utilities: values.map((v) => (vf ? evaluateValue(vf, v) : 0)) };
    });
    let opposition = 0;
    for (let a = 0; a < profiles.length; a++) {
      for (let b = a + 1; b < profiles.length; b++) {
        const rho = spearman(profiles[a]!.utilities, profiles[b]!.utilities);
        if (rho === null) continue;
        opposition = Math.max(opposition, (Math.min(profiles[a]!.weight, profiles[b]!.weight) * (1 - rho)) / 2);
      }
    }
    return { issue: issue.name, opposition, blocking: blocking.has(issue.name) };
  });
  return points.sort((x, y) => Number(y.blocking) - Number(x.blocking) || y.opposition - x.opposition);
}

/** Spearman's ρ with average ranks for ties; null when either side is constant. */
export function spearman(x: readonly number[], y: readonly number[]): number | null {
  const rx = ranks(x);
  const ry = ranks(y);
  const n = x.length;
  const mx = rx.reduce((a, b) => a + b, 0) / n;
  const my = ry.reduce((a, b) => a + b, 0) / n;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < n; i++) {
    sxy += (rx[i]! - mx) * (ry[i]! - my);
    sxx += (rx[i]! - mx) ** 2;
    syy += (ry[i]! - my) ** 2;
  }
  if (sxx === 0 || syy === 0) return null;
  return sxy / Math.sqrt(sxx * syy);
}

function ranks(x: readonly number[]): number[] {
  const order = x.map((v, i) => [v, i] as const).sort((a, b) => a[0] - b[0]);
  const r = new Array<number>(x.length);
  for (let s = 0; s < order.length;) {
    let e = s;
    while (e + 1 < order.length && order[e + 1]![0] === order[s]![0]) e++;
    for (let k = s; k <= e; k++) r[order[k]![1]] = (s + e) / 2 + 1;
    s = e + 1;
  }
  return r;
}
