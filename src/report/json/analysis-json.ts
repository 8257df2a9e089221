import { ParleyError } from '../../core/errors.js';
import { assumptions, type Scenario } from '../../core/scenario.js';
import type { Analysis, FrontierPoint } from '../../analysis/types.js';
import type { AnalysisJson, PointJson } from './analysis-schema.js';
import { PARLEY_VERSION } from './version.js';
import { nearMisses } from '../../analysis/what-if/near-misses.js';
import type { SensitivityResult } from '../../analysis/what-if/sensitivity.js';
import { largest, smallest } from '../../core/extremes.js';
import { solutionLimits, solutionTies, TIE_RULE } from '../analysis/ties.js';

const point = (p: FrontierPoint): PointJson => ({ utilities: [...p.utilities], outcome: { ...p.outcome } });
const maybePoint = (p: FrontierPoint | null): PointJson | null => (p ? point(p) : null);

/** What `analyze` may add beyond the analysis: the what-if changes made, and a sensitivity run. */
export interface AnalysisJsonExtras {
  readonly changes?: readonly string[];
  readonly sensitivity?: SensitivityResult;
}

function tiesJson(scenario: Scenario, analysis: Analysis): AnalysisJson['ties'] {
  return solutionTies(scenario, analysis).map((t) => ({
    solution: t.solution,
    points: t.points.map(point),
    ranges: scenario.parties.map((p, i) => {
      const us = t.points.map((pt) => pt.utilities[i]!);
      return { party: p.name, min: smallest(us), max: largest(us) };
    }),
  }));
}

function nearMissesJson(scenario: Scenario, analysis: Analysis): AnalysisJson['nearMisses'] {
  if (analysis.zopa.best.length > 0) return null;
  return nearMisses(scenario).map((m) => ({
    outcome: { ...m.outcome },
    utilities: [...m.utilities],
    redLinesCrossed: m.crossed.map((c) => ({ party: c.party, id: c.line.id })),
    shortfall: [...m.shortfall],
  }));
}

function sensitivityJson(result: SensitivityResult): NonNullable<AnalysisJson['sensitivity']> {
  return {
    samples: result.samples,
    spread: result.spread,
    seed: result.seed,
    moved: [...result.moved],
    conclusions: result.conclusions.map((c) => ({
      label: c.label,
      holds: c.holds,
      share: result.samples ? c.holds / result.samples : 0,
    })),
  };
}

/** The `parley analyze --json` object (see schema/analysis.schema.json). */
export function analysisToJson(scenario: Scenario, analysis: Analysis, extras: AnalysisJsonExtras = {}): AnalysisJson {
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
    whatIf: [...(extras.changes ?? [])],
    ties: tiesJson(scenario, analysis),
    tieRule: TIE_RULE,
    limits: solutionLimits(scenario, analysis).map((l) => ({
      solution: l.solution,
      redLinesCrossed: [...l.redLinesCrossed],
      belowWalkAway: [...l.belowWalkAway],
    })),
    nearMisses: nearMissesJson(scenario, analysis),
    ...(extras.sensitivity ? { sensitivity: sensitivityJson(extras.sensitivity) } : {}),
  };
}
