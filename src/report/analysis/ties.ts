import { AnalysisContext } from '../../analysis/context.js';
import type { Analysis, FrontierPoint } from '../../analysis/types.js';
import { redLinesCrossed, utilityFor } from '../../core/party.js';
import type { Scenario } from '../../core/scenario.js';
import { formatUtility, wrap } from './format.js';
import { largest, smallest } from '../../core/extremes.js';

/**
 * Utilities are rounded to 9 decimals before solutions are compared, so a sum or product of n
 * of them may differ from an exactly equal one by up to n · 0.5 · 10⁻⁹: scores that close tie.
 */
export function tieTolerance(parties: number): number {
  return parties * 1e-9 + 1e-12;
}

type Scored = { readonly point: FrontierPoint; readonly score: number };

/** The points whose score ties with the best, within the rounding of their utilities. */
export function tiedPoints(
  points: readonly FrontierPoint[],
  score: (u: readonly number[]) => number,
  tolerance: number,
): FrontierPoint[] {
  const scored: Scored[] = points.map((point) => ({ point, score: score(point.utilities) }));
  const best = largest(scored.map((s) => s.score));
  return scored.filter((s) => best - s.score <= tolerance).map((s) => s.point);
}

export interface SolutionTie {
  readonly solution: string;
  readonly points: readonly FrontierPoint[];
}

const sum = (u: readonly number[]) => u.reduce((a, b) => a + b, 0);

/** Acceptable frontier points (red lines kept, at least every reservation value), when computable in time. */
function acceptablePoints(scenario: Scenario, analysis: Analysis): FrontierPoint[] | null {
  const d = analysis.disagreement;
  const rational = (p: FrontierPoint) => p.utilities.every((u, i) => u >= d[i]! - 1e-9);
  if (scenario.parties.every((p) => p.redLines.length === 0)) return analysis.frontier.filter(rational);
  const ctx = new AnalysisContext(scenario, { timeLimit: 5 });
  const result = ctx.acceptableFrontier();
  return result.exact ? result.frontier.map((p) => ctx.point(p)).filter(rational) : null;
}

/** Every solution for which several distinct frontier points tie, with the tied points. */
export function solutionTies(scenario: Scenario, analysis: Analysis): SolutionTie[] {
  const n = scenario.parties.length;
  const tol = tieTolerance(n);
  const d = analysis.disagreement;
  const out: SolutionTie[] = [];
  const add = (solution: string, points: FrontierPoint[]) => {
    const distinct = new Map(points.map((p) => [p.utilities.map((u) => u.toFixed(9)).join(','), p]));
    if (distinct.size > 1) out.push({ solution, points: [...distinct.values()] });
  };
  if (analysis.maxWelfare) add('Max welfare', tiedPoints(analysis.frontier, sum, tol));
  if (analysis.egalitarian)
    add(
      'Egalitarian',
      tiedPoints(analysis.frontier, (u) => Math.min(...u), tol),
    );
  if (analysis.nash || analysis.kalaiSmorodinsky) {
    const acceptable = acceptablePoints(scenario, analysis);
    if (acceptable && acceptable.length) {
      if (analysis.nash)
        add(
          'Nash',
          tiedPoints(acceptable, (u) => u.reduce((prod, x, i) => prod * (x - d[i]!), 1), tol),
        );
      const ideal = scenario.parties.map((_, i) => largest(acceptable.map((p) => p.utilities[i]!)));
      const share = (u: readonly number[]) =>
        Math.min(...u.map((x, i) => (ideal[i]! > d[i]! ? (x - d[i]!) / (ideal[i]! - d[i]!) : 1)));
      if (analysis.kalaiSmorodinsky) add('Kalai–Smorodinsky', tiedPoints(acceptable, share, tol));
    }
  }
  return out;
}

/** What the tie rule picks, in words. */
export const TIE_RULE =
  'the pick shown (and kept in the JSON) is the tie rule’s: the smallest utility vector in party order ' +
  '(the first party’s utility lowest, then the second’s, …), a convention, not a judgement';

/** The ties in words: each solution's tied points as a range per party, and how the pick was made. */
export function tiesText(scenario: Scenario, ties: readonly SolutionTie[], width: number): string {
  if (ties.length === 0) return '';
  const lines = ties.map((t) => {
    const ranges = scenario.parties.map((p, i) => {
      const us = t.points.map((pt) => pt.utilities[i]!);
      const lo = smallest(us);
      const hi = largest(us);
      return `${p.name} ${formatUtility(lo)}${hi > lo ? `–${formatUtility(hi)}` : ''}`;
    });
    return wrap(
      `${t.solution}: ${t.points.length} frontier points tie; across them ${ranges.join(', ')}.`,
      width,
      '  ',
    );
  });
  return `${lines.join('\n')}\n${wrap(`Where points tie, ${TIE_RULE}.`, width, '')}\n`;
}

/** A solution every party could not sign: the red lines it crosses and whose walk-away value it misses. */
export interface SolutionLimit {
  readonly solution: 'Max welfare' | 'Egalitarian';
  readonly redLinesCrossed: readonly { readonly party: string; readonly id: string }[];
  readonly belowWalkAway: readonly string[];
}

/** Red lines crossed and walk-away values missed by max welfare and egalitarian (taken red lines aside). */
export function solutionLimits(scenario: Scenario, analysis: Analysis): SolutionLimit[] {
  const out: SolutionLimit[] = [];
  const check = (solution: SolutionLimit['solution'], point: FrontierPoint | null) => {
    if (!point) return;
    const crossed = scenario.parties.flatMap((p) =>
      redLinesCrossed(p, point.outcome).map((l) => ({ party: p.name, id: l.id })),
    );
    const belowWalkAway = scenario.parties
      .filter((p) => utilityFor(p, point.outcome) < p.reservation - 1e-9)
      .map((p) => p.name);
    if (crossed.length || belowWalkAway.length) out.push({ solution, redLinesCrossed: crossed, belowWalkAway });
  };
  check('Max welfare', analysis.maxWelfare);
  check('Egalitarian', analysis.egalitarian);
  return out;
}

/** The limits in words, one line per solution that not every party could sign. */
export function limitsText(scenario: Scenario, analysis: Analysis, width: number): string {
  const lines = solutionLimits(scenario, analysis).map((limit) => {
    const crossed = limit.redLinesCrossed.map((l) => `${l.party}'s ${l.id}`);
    const parts = [
      ...(crossed.length ? [`crosses ${crossed.length > 1 ? 'red lines' : 'the red line'} ${crossed.join(', ')}`] : []),
      ...(limit.belowWalkAway.length ? [`falls below the walk-away value of ${limit.belowWalkAway.join(', ')}`] : []),
    ];
    return wrap(`${limit.solution} ${parts.join(' and ')}, so not every party could sign it.`, width, '  ');
  });
  return lines.length ? `${lines.join('\n')}\n` : '';
}
