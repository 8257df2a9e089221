import { Random } from '../../core/random.js';
import type { RowEvaluator } from './evaluator.js';

/** How a large space is sampled: uniform rows for the low and middle range, climbs for the top. */
export interface SampleBudget {
  readonly uniform: number;
  readonly climbs: number;
  /** Failed moves in a row after which a climb stops. */
  readonly patience: number;
  readonly maxRows: number;
}

export const DEFAULT_SAMPLE_BUDGET: SampleBudget = { uniform: 8_000, climbs: 600, patience: 60, maxRows: 60_000 };

/**
 * A spread of distinct rows over a space too large to enumerate. Uniform rows alone sit in
 * the middle of the utility range, where a negotiator spends little time; first-improvement
 * climbs from random starts add rows all the way up to near-best ones, each step recorded.
 * Seeded with a fixed seed so every agent on the same profile sees the same sample.
 */
export function sampleRows(
  evaluator: RowEvaluator,
  budget: SampleBudget = DEFAULT_SAMPLE_BUDGET,
  seed = 0x5eed,
): Int32Array {
  const k = evaluator.issueCount;
  const sizes = evaluator.sizes;
  const rng = new Random(seed);
  const seen = new Set<string>();
  const out: number[] = [];
  const row = new Int32Array(k);
  const keep = (r: Int32Array) => {
    if (out.length / k >= budget.maxRows) return;
    const key = r.join(',');
    if (seen.has(key)) return;
    seen.add(key);
    for (let i = 0; i < k; i++) out.push(r[i]!);
  };
  for (let s = 0; s < budget.uniform; s++) {
    for (let i = 0; i < k; i++) row[i] = rng.int(sizes[i]!);
    keep(row);
  }
  for (let c = 0; c < budget.climbs; c++) climb(evaluator, rng, budget.patience, keep);
  keep(greedyBest(evaluator));
  return Int32Array.from(out);
}

function climb(evaluator: RowEvaluator, rng: Random, patience: number, keep: (r: Int32Array) => void): void {
  const k = evaluator.issueCount;
  const row = new Int32Array(k);
  for (let i = 0; i < k; i++) row[i] = rng.int(evaluator.sizes[i]!);
  let u = evaluator.evaluate(row, 0);
  let failures = 0;
  while (failures < patience) {
    const i = rng.int(k);
    const old = row[i]!;
    row[i] = rng.int(evaluator.sizes[i]!);
    const v = evaluator.evaluate(row, 0);
    if (v > u) {
      u = v;
      failures = 0;
      keep(row);
    } else {
      row[i] = old;
      failures++;
    }
  }
  keep(row);
}

/** Coordinate ascent from the first row: exact for additive utilities, a good start otherwise. */
function greedyBest(evaluator: RowEvaluator): Int32Array {
  const k = evaluator.issueCount;
  const row = new Int32Array(k);
  let u = evaluator.evaluate(row, 0);
  for (let pass = 0, improved = true; improved && pass < 5; pass++) {
    improved = false;
    for (let i = 0; i < k; i++) {
      let bestJ = row[i]!;
      for (let j = 0; j < evaluator.sizes[i]!; j++) {
        row[i] = j;
        const v = evaluator.evaluate(row, 0);
        if (v > u) {
          u = v;
          bestJ = j;
          improved = true;
        }
      }
      row[i] = bestJ;
    }
  }
  return row;
}
