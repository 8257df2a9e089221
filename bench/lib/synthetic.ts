/**
 * Seeded synthetic multi-party domains for the frontier benchmarks: independent additive
 * profiles over discrete issues. "random": weights uniform then normalised, value scores
 * uniform in [0, 1]. "opposed": the same weights, but on each issue every party scores the
 * values with its own random permutation of one shared list of scores.
 */
import type { Domain } from '../../src/core/domain.js';
import type { Party } from '../../src/core/party.js';
import { Random } from '../../src/core/random.js';
import { bareScenario, type Scenario } from '../../src/core/scenario.js';
import type { AdditiveUtility } from '../../src/core/utility.js';

export type Preferences = 'random' | 'opposed';

export interface SyntheticShape {
  readonly parties: number;
  /** Values per issue. */
  readonly sizes: readonly number[];
  readonly preferences: Preferences;
  readonly seed: number;
  /** Every party's reservation value (default 0). */
  readonly reservation?: number;
}

export function syntheticScenario(shape: SyntheticShape): Scenario {
  const random = new Random(shape.seed);
  const domain: Domain = {
    name: `synthetic-${shape.parties}p-${shape.preferences}`,
    issues: shape.sizes.map((n, i) => ({
      kind: 'discrete' as const,
      name: `i${i}`,
      values: Array.from({ length: n }, (_, v) => `v${v}`),
    })),
    phases: [],
  };
  const shared = shape.sizes.map((n) => Array.from({ length: n }, () => random.next()));
  const parties = Array.from({ length: shape.parties }, (_, p): Party => {
    const raw = shape.sizes.map(() => random.next());
    const total = raw.reduce((a, b) => a + b, 0);
    const scores = shape.sizes.map((n, i) =>
      shape.preferences === 'opposed'
        ? permuted(shared[i] ?? [], random)
        : Array.from({ length: n }, () => random.next()),
    );
    const utility: AdditiveUtility = {
      kind: 'additive',
      weights: Object.fromEntries(domain.issues.map((issue, i) => [issue.name, (raw[i] ?? 0) / total])),
      values: Object.fromEntries(
        domain.issues.map((issue, i) => [
          issue.name,
          {
            kind: 'table' as const,
            utilities: Object.fromEntries(
              (issue.kind === 'discrete' ? issue.values : []).map((v, j) => [v, scores[i]?.[j] ?? 0]),
            ),
          },
        ]),
      ),
    };
    return { name: `p${p}`, utility, reservation: shape.reservation ?? 0, discount: 1, redLines: [] };
  });
  return bareScenario(domain.name, domain, parties);
}

/** A Fisher–Yates shuffle of a copy. */
function permuted(list: readonly number[], random: Random): number[] {
  const out = [...list];
  for (let i = out.length - 1; i > 0; i--) {
    const j = random.int(i + 1);
    [out[i], out[j]] = [out[j] ?? 0, out[i] ?? 0];
  }
  return out;
}
