import { ParleyError } from '../../core/errors.js';
import { assumptions, type Scenario } from '../../core/scenario.js';
import type { Analysis, FrontierPoint } from '../../analysis/types.js';
import type { AnalysisJson, PointJson } from './analysis-schema.js';
import { PARLEY_VERSION } from './version.js';

const point = (p: FrontierPoint): PointJson => ({ utilities: [...p.utilities], outcome: { ...p.outcome } });
const maybePoint = (p: FrontierPoint | null): PointJson | null => (p ? point(p) : null);

/** The `parley analyze --json` object (see schema/analysis.schema.json). */
export function analysisToJson(scenario: Scenario, analysis: Analysis): AnalysisJson {
  if (!analysis.maxWelfare) {
    // Every non-empty outcome space has a max-welfare outcome; formats reject empty issues.
    throw new ParleyError('PARLEY_E_INTERNAL', `analysis of ${scenario.name} has no max-welfare point`);
  }
  return {
    parley: PARLEY_VERSION,
    scenario: scenario.name,
    parties: [...analysis.parties],
    outcomes: analysis.outcomes.toString(),
    exact: analysis.exact,
    frontier: analysis.frontier.map(point),
    nash: maybePoint(analysis.nash),
    kalaiSmorodinsky: maybePoint(analysis.kalaiSmorodinsky),
    maxWelfare: point(analysis.maxWelfare),
    egalitarian: maybePoint(analysis.egalitarian),
    disagreement: [...analysis.disagreement],
    zopa: { size: analysis.zopa.size, estimate: analysis.zopa.estimate, best: analysis.zopa.best.map(point) },
    blockers: analysis.blockers.map((b) => ({
      constraints: [...b.constraints],
      issues: [...b.issues],
      opens: b.opens.map(point),
    })),
    stickingPoints: analysis.stickingPoints.map((s) => ({
      issue: s.issue,
      opposition: s.opposition,
      blocking: s.blocking,
    })),
    assumed: assumptions(scenario).map((n) => ({ path: n.path, reason: n.reason ?? null })),
    seconds: analysis.seconds,
  };
}
