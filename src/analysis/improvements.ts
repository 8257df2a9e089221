import type { Outcome } from '../core/domain.js';
import { evaluateUtility } from '../core/utility.js';
import type { AnalysisContext } from './context.js';
import { nashProduct } from './solutions.js';
import { compareIndex, round9, type IndexedPoint } from './vectors.js';

/** Acceptable frontier points that Pareto-improve on the agreement, best Nash product first. */
export function improvementsOver(ctx: AnalysisContext, agreement: Outcome): IndexedPoint[] {
  const base = ctx.scenario.parties.map((p) => round9(evaluateUtility(p.utility, agreement)));
  const d = ctx.disagreement;
  return ctx
    .acceptableFrontier()
    .frontier.filter((p) => p.utilities.every((u, i) => u >= base[i]!) && p.utilities.some((u, i) => u > base[i]!))
    .map((p) => ({ p, score: nashProduct(p, d) }))
    .sort((a, b) => b.score - a.score || compareIndex(a.p.index, b.p.index))
    .map((x) => x.p);
}
