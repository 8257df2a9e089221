import type { Domain, Outcome } from '../../core/domain.js';
import type { Party } from '../../core/party.js';
import { RowCodec, compileEvaluator } from '../space/evaluator.js';
import type { PartyKnowledge } from './party-model.js';
import { largest, smallest } from '../../core/extremes.js';

/** A party's utility as a mediator estimates it, over rows of value positions. */
export interface Estimate {
  readonly party: string;
  /** Estimated utility of no agreement: the most a text it called worse than walking away was worth. */
  readonly disagreement: number;
  value(row: Int32Array): number;
}

/**
 * An additive estimate from what the party showed, in the spirit of frequency opponent
 * models: a value it asked for costs it little, a value it objected to while the text held
 * it costs it more, an unknown one half; the estimated utility is one less the summed costs,
 * scaled to [0, 1]. Issues need no separate weights: a party objects most often to the
 * values of the issues that matter most to it, so their costs grow fastest.
 */
export function learnedEstimate(domain: Domain, k: PartyKnowledge): Estimate {
  const costs = domain.issues.map((_, i) => {
    const likes = k.likes[i]!;
    const dislikes = k.dislikes[i]!;
    return Array.from(likes, (l, j) => (dislikes[j]! + 0.5) / (l + dislikes[j]! + 1));
  });
  const floor = costs.reduce((sum, c) => sum + smallest(c), 0);
  const span = costs.reduce((sum, c) => sum + largest(c), 0) - floor || 1;
  const value = (row: Int32Array) => {
    let cost = 0;
    for (let i = 0; i < costs.length; i++) cost += costs[i]![row[i]!]!;
    return 1 - (cost - floor) / span;
  };
  const codec = new RowCodec(domain);
  const scratch = new Int32Array(domain.issues.length);
  let disagreement = 0;
  for (const text of k.belowWalkAway)
    if (codec.encode(text, scratch)) disagreement = Math.max(disagreement, value(scratch) + 1e-6);
  return { party: k.party, disagreement: Math.min(disagreement, 0.99), value };
}

/** A party's exact utility, for a mediator the party chose to reveal its preferences to. */
export function revealedEstimate(domain: Domain, party: Party): Estimate {
  const evaluator = compileEvaluator(domain, party.utility);
  return { party: party.name, disagreement: party.reservation, value: (row) => evaluator.evaluate(row, 0) };
}

/** How a mediator ranks texts from the estimates: the Nash product, or the worst-off party first. */
export type Objective = 'nash' | 'max-min';

export function objectiveScore(objective: Objective, estimates: readonly Estimate[], row: Int32Array): number {
  if (objective === 'nash') {
    let log = 0;
    for (const e of estimates) log += Math.log(Math.max(1e-6, e.value(row) - e.disagreement));
    return log;
  }
  let least = Infinity;
  let sum = 0;
  for (const e of estimates) {
    const gain = e.value(row) - e.disagreement;
    least = Math.min(least, gain);
    sum += gain;
  }
  return least + 1e-3 * sum;
}

/** The row of an outcome, or null when a value is not on the domain's grid. */
export function rowOf(domain: Domain, outcome: Outcome): Int32Array | null {
  const row = new Int32Array(domain.issues.length);
  return new RowCodec(domain).encode(outcome, row) ? row : null;
}
