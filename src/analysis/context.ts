import type { Scenario } from '../core/scenario.js';
import type { RedLine } from '../core/party.js';
import { outcomeCount, outcomeFromIndex } from '../core/domain.js';
import type { AnalysisOptions, FrontierPoint, FrontierResult } from './types.js';
import { compileParties, fullSpace, restrictedSpace, type CompiledUtility, type Space } from './compile.js';
import { spaceFrontier } from './frontier.js';
import type { IndexedPoint } from './vectors.js';

export const DEFAULT_TIME_LIMIT = 60;

/** One analysis run: compiled utilities, the deadline, and frontiers computed once. */
export class AnalysisContext {
  readonly fns: CompiledUtility[];
  readonly deadline: number;
  readonly disagreement: number[];
  readonly redLines: RedLine[];
  private full?: FrontierResult<IndexedPoint>;
  private acceptable?: FrontierResult<IndexedPoint>;

  constructor(
    readonly scenario: Scenario,
    readonly options: AnalysisOptions = {},
  ) {
    this.fns = compileParties(scenario.parties, scenario.domain);
    this.deadline = Date.now() + (options.timeLimit ?? DEFAULT_TIME_LIMIT) * 1000;
    this.disagreement = scenario.parties.map((p) => p.reservation ?? 0);
    this.redLines = scenario.parties.flatMap((p) => p.redLines);
  }

  /** The frontier of the whole outcome space. */
  fullFrontier(progress?: (f: number) => void): FrontierResult<IndexedPoint> {
    this.full ??= spaceFrontier(fullSpace(this.scenario.domain), this.fns, {
      deadline: this.deadline,
      onProgress: progress,
    });
    return this.full;
  }

  /** The frontier of the outcomes no red line rules out. */
  acceptableFrontier(progress?: (f: number) => void): FrontierResult<IndexedPoint> {
    if (this.redLines.length === 0) return this.fullFrontier(progress);
    this.acceptable ??= this.frontierWithout(this.redLines, progress);
    return this.acceptable;
  }

  acceptableSpace(): Space {
    return restrictedSpace(this.scenario.domain, this.redLines);
  }

  frontierWithout(lines: readonly RedLine[], progress?: (f: number) => void): FrontierResult<IndexedPoint> {
    return spaceFrontier(restrictedSpace(this.scenario.domain, lines), this.fns, {
      deadline: this.deadline,
      onProgress: progress,
    });
  }

  outcomeCount(): bigint {
    return outcomeCount(this.scenario.domain);
  }

  point(p: IndexedPoint): FrontierPoint {
    return { utilities: p.utilities, outcome: outcomeFromIndex(this.scenario.domain, p.index) };
  }

  pointOrNull(p: IndexedPoint | null): FrontierPoint | null {
    return p ? this.point(p) : null;
  }
}
