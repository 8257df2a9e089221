import { type Domain, type Outcome, outcomeCount } from '../../core/domain.js';
import { issueSize, valueAt } from '../../core/issue.js';
import type { Party } from '../../core/party.js';
import { Random } from '../../core/random.js';
import { redLineMasks } from '../../analysis/compile.js';
import { compileEvaluator } from '../space/evaluator.js';
import { ENUMERATION_LIMIT, enumerateRows, outcomeSpace } from '../space/outcome-space.js';
import type { FrequencyModel } from '../opponent-model.js';

/** One party's utility as a mediator knows it: revealed exactly, or estimated from answers. */
export interface PartyScorer {
  readonly party: string;
  readonly disagreement: number;
  evaluate(rows: Int32Array, offset: number): number;
  /** Whether the row stays inside the party's (revealed) red lines. */
  allows(rows: Int32Array, offset: number): boolean;
}

export function revealedScorer(domain: Domain, party: Party): PartyScorer {
  const evaluator = compileEvaluator(domain, party.utility);
  const masks = redLineMasks(domain, party.redLines);
  const k = domain.issues.length;
  return {
    party: party.name,
    disagreement: party.reservation,
    evaluate: (rows, offset) => evaluator.evaluate(rows, offset),
    allows: (rows, offset) => {
      if (!masks) return true;
      for (let i = 0; i < k; i++) if (masks[i]![rows[offset + i]!] === 0) return false;
      return true;
    },
  };
}

export function estimatedScorer(party: string, model: FrequencyModel): PartyScorer {
  return { party, disagreement: 0, evaluate: (rows, offset) => model.predictRow(rows, offset), allows: () => true };
}

/** Rows to search: the whole space when small, else the revealed parties' samples and a uniform one. */
function candidateRows(domain: Domain, revealed: readonly Party[]): Int32Array[] {
  const sizes = Int32Array.from(domain.issues.map(issueSize));
  if (outcomeCount(domain) <= BigInt(ENUMERATION_LIMIT)) return [enumerateRows(sizes)];
  const sets = revealed.map((p) => outcomeSpace(domain, p.utility).rows);
  const random = new Random(0x4a5b);
  const k = domain.issues.length;
  const uniform = new Int32Array(20_000 * k);
  for (let r = 0; r < 20_000; r++) {
    for (let i = 0; i < k; i++) uniform[r * k + i] = random.int(sizes[i]!);
  }
  return [...sets, uniform];
}

/**
 * The outcome maximising the Nash product Π (u_i − d_i) over the outcomes every party
 * (as far as known) can accept; when none is, the one whose worst-off party falls least
 * short. Null when no party is known at all.
 */
export function nashOutcome(
  domain: Domain,
  scorers: readonly PartyScorer[],
  revealed: readonly Party[],
): Outcome | null {
  if (scorers.length === 0) return null;
  const k = domain.issues.length;
  let best: { rows: Int32Array; offset: number; product: number; shortfall: number } | null = null;
  for (const rows of candidateRows(domain, revealed)) {
    const n = k === 0 ? 0 : rows.length / k;
    for (let r = 0; r < n; r++) {
      const offset = r * k;
      let product = 1;
      let shortfall = 0;
      for (const s of scorers) {
        const gain = s.evaluate(rows, offset) - s.disagreement;
        if (gain < 0) shortfall -= gain;
        if (!s.allows(rows, offset)) shortfall += 1;
        product *= Math.max(0, gain);
      }
      if (
        !best ||
        shortfall < best.shortfall - 1e-12 ||
        (Math.abs(shortfall - best.shortfall) <= 1e-12 && product > best.product)
      ) {
        best = { rows, offset, product, shortfall };
      }
    }
  }
  if (!best) return null;
  const { rows, offset } = best;
  return Object.fromEntries(domain.issues.map((issue, i) => [issue.name, valueAt(issue, rows[offset + i]!)]));
}
