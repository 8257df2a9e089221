/**
 * parley's analysis engine: Pareto frontier (exact where proven), bargaining solutions,
 * the zone of possible agreement, blockers and sticking points, for any number of parties.
 */
import type { Outcome } from '../core/domain.js';
import type { Scenario } from '../core/scenario.js';
import type { Analysis, AnalysisOptions, FrontierPoint, FrontierResult, StickingPoint, Zopa } from './types.js';
import { AnalysisContext } from './context.js';
import { enumerateIndexedFrontier } from './enumerate.js';
import { findBlockers } from './blockers.js';
import { stickingPointsOf } from './sticking.js';
import { countZone } from './zone-count.js';
import {
  bestForEach,
  egalitarianOf,
  individuallyRational,
  kalaiSmorodinskyOf,
  maxWelfareOf,
  nashOf,
} from './solutions.js';
import { improvementsOver } from './improvements.js';

export type {
  Analysis,
  AnalysisOptions,
  Blocker,
  FrontierPoint,
  FrontierResult,
  StickingPoint,
  Zopa,
} from './types.js';
export { distances, distancesFrom, distanceToFrontier, type Distances } from './distances.js';

/** Everything analysis knows about a scenario. */
export function analyze(scenario: Scenario, options: AnalysisOptions = {}): Analysis {
  const started = performance.now();
  const ctx = new AnalysisContext(scenario, options);
  const progress = options.onProgress;
  const full = ctx.fullFrontier((f) => progress?.(0.6 * f));
  const acceptable = ctx.acceptableFrontier((f) => progress?.(0.6 + 0.3 * f));
  const d = ctx.disagreement;
  const zone = individuallyRational(acceptable.frontier, d);
  const search =
    zone.length === 0 && scenario.domain.issues.length > 0 ? findBlockers(ctx) : { blockers: [], complete: true };
  progress?.(1);
  return {
    parties: scenario.parties.map((p) => p.name),
    outcomes: ctx.outcomeCount(),
    exact: full.exact && acceptable.exact,
    disagreement: d,
    frontier: full.frontier.map((p) => ctx.point(p)),
    nash: ctx.pointOrNull(nashOf(acceptable.frontier, d)),
    kalaiSmorodinsky: ctx.pointOrNull(kalaiSmorodinskyOf(acceptable.frontier, d)),
    maxWelfare: ctx.pointOrNull(maxWelfareOf(full.frontier)),
    egalitarian: ctx.pointOrNull(egalitarianOf(full.frontier)),
    zopa: zopaOf(ctx),
    blockers: search.blockers,
    stickingPoints: stickingPointsOf(scenario, search.blockers),
    seconds: (performance.now() - started) / 1000,
  };
}

export function paretoFrontier(scenario: Scenario, options: AnalysisOptions = {}): FrontierResult {
  const ctx = new AnalysisContext(scenario, options);
  const full = ctx.fullFrontier(options.onProgress);
  return { frontier: full.frontier.map((p) => ctx.point(p)), exact: full.exact };
}

/** The frontier by visiting every outcome: slow, the reference for the fast algorithms. */
export function enumerateFrontier(scenario: Scenario): FrontierPoint[] {
  const ctx = new AnalysisContext(scenario);
  return enumerateIndexedFrontier(scenario).map((p) => ctx.point(p));
}

export function nashPoint(scenario: Scenario, options: AnalysisOptions = {}): FrontierPoint | null {
  const ctx = new AnalysisContext(scenario, options);
  return ctx.pointOrNull(nashOf(ctx.acceptableFrontier().frontier, ctx.disagreement));
}

export function kalaiSmorodinskyPoint(scenario: Scenario, options: AnalysisOptions = {}): FrontierPoint | null {
  const ctx = new AnalysisContext(scenario, options);
  return ctx.pointOrNull(kalaiSmorodinskyOf(ctx.acceptableFrontier().frontier, ctx.disagreement));
}

export function zopa(scenario: Scenario, options: AnalysisOptions = {}): Zopa {
  return zopaOf(new AnalysisContext(scenario, options));
}

function zopaOf(ctx: AnalysisContext): Zopa {
  const zone = individuallyRational(ctx.acceptableFrontier().frontier, ctx.disagreement);
  const { size, estimate } = countZone(ctx.acceptableSpace(), ctx.fns, ctx.disagreement, ctx.deadline);
  return {
    size,
    // A sample can miss a small zone; its frontier points are outcomes known to be in it.
    estimate: estimate === null ? null : String(BigInt(estimate) > BigInt(zone.length) ? estimate : zone.length),
    best: bestForEach(zone, ctx.scenario.parties.length).map((p) => ctx.point(p)),
  };
}

export function stickingPoints(scenario: Scenario, options: AnalysisOptions = {}): StickingPoint[] {
  const ctx = new AnalysisContext(scenario, options);
  const empty = individuallyRational(ctx.acceptableFrontier().frontier, ctx.disagreement).length === 0;
  return stickingPointsOf(scenario, empty ? findBlockers(ctx).blockers : []);
}

/**
 * After a settlement: frontier points of the acceptable space that every party weakly
 * prefers to the agreement and at least one strictly, greatest Nash product first.
 */
export function paretoImprovements(
  scenario: Scenario,
  agreement: Outcome,
  options: AnalysisOptions = {},
): FrontierPoint[] {
  const ctx = new AnalysisContext(scenario, options);
  return improvementsOver(ctx, agreement).map((p) => ctx.point(p));
}
