/**
 * Runs negotiations where a worker is: the same code in the coordinator (serial runs), in a
 * worker thread and in a queue worker on another machine. Each worker keeps the scenarios it
 * has seen by content hash, with their analysis, so the frontier is built once per worker.
 */
import { createHash } from 'node:crypto';
import { isModulePath, loadAgentModule } from '../agents/index.js';
import { analyze } from '../analysis/index.js';
import type { Analysis } from '../analysis/types.js';
import { ParleyError } from '../core/errors.js';
import { outcomeCount } from '../core/domain.js';
import { ENUMERATION_LIMIT } from '../analysis/compile.js';
import { DEFAULT_SAMPLE_BUDGET } from '../agents/space/sample.js';
import type { Scenario } from '../core/scenario.js';
import { currentParties, planRun, resultFigures, runSession, sessionOptionsOf } from '../session/index.js';
import type { ScenarioPayload } from './scenarios.js';
import type { Batch, NegotiationRow, NegotiationSpec } from './types.js';

/** Seconds the analysis behind the distances may take per scenario. */
const ANALYSIS_TIME_LIMIT = 10;

/**
 * Megabytes of scenarios (with their analyses and the agents' outcome spaces) one worker
 * keeps by default. The 101 ANAC 2010–2013 domains take about 200 MB in all; runs hand a
 * worker one scenario's batches after another, so a few recent ones are all it needs.
 */
export const DEFAULT_SCENARIO_CACHE_MB = 64;

interface Known {
  readonly scenario: Scenario;
  readonly analysis: Analysis;
  /** Approximate bytes it keeps alive (`approximateBytes`). */
  readonly bytes: number;
}

export interface ScenarioCacheOptions {
  /** Approximate megabytes of scenarios to keep; the least recently used go first (default 64). */
  readonly maxMegabytes?: number;
}

/**
 * Approximate memory a cached scenario keeps alive: its parsed form, each party's sorted
 * outcome space (a row of value positions and a utility per outcome, built by the agents
 * on first use, enumerated up to ENUMERATION_LIMIT outcomes, else sampled) and the frontier.
 */
export function approximateBytes(payload: ScenarioPayload, scenario: Scenario, analysis: Analysis): number {
  const issues = scenario.domain.issues.length;
  const outcomes = outcomeCount(scenario.domain);
  const rows = outcomes <= BigInt(ENUMERATION_LIMIT) ? Number(outcomes) : DEFAULT_SAMPLE_BUDGET.maxRows;
  const spaces = scenario.parties.length * rows * (4 * issues + 8);
  const frontier = analysis.frontier.length * (8 * scenario.parties.length + 32 * issues + 64);
  return 4 * payload.json.length + spaces + frontier;
}

/**
 * One worker's scenarios and analyses, by content hash, the least recently used dropped
 * first once they take more than `maxMegabytes` (the one in use always stays). The agents'
 * outcome spaces are cached by the scenario's utility objects (weakly), so they go with it.
 */
export class ScenarioCache {
  /** In order of use, the most recent last. */
  private readonly known = new Map<string, Known>();
  private readonly modules = new Set<string>();
  private readonly maxBytes: number;
  private bytes = 0;

  constructor(options: ScenarioCacheOptions = {}) {
    const mb = options.maxMegabytes ?? DEFAULT_SCENARIO_CACHE_MB;
    if (!(mb >= 0)) throw new ParleyError('PARLEY_E_USAGE', `scenario cache size must be 0 or more MB, got ${mb}`);
    this.maxBytes = mb * 2 ** 20;
  }

  get(payload: ScenarioPayload): Known {
    let k = this.known.get(payload.hash);
    if (k) {
      // Most recently used last: Map keeps insertion order.
      this.known.delete(payload.hash);
      this.known.set(payload.hash, k);
      return k;
    }
    const actual = createHash('sha256').update(payload.json).digest('hex').slice(0, 16);
    if (actual !== payload.hash)
      throw new ParleyError('PARLEY_E_INPUT', `scenario ${payload.hash} arrived damaged (its hash is ${actual})`);
    const scenario = JSON.parse(payload.json) as Scenario;
    const analysis = analyze(scenario, { timeLimit: ANALYSIS_TIME_LIMIT });
    k = { scenario, analysis, bytes: approximateBytes(payload, scenario, analysis) };
    this.known.set(payload.hash, k);
    this.bytes += k.bytes;
    this.evict();
    return k;
  }

  /** Drops the least recently used scenarios while over the budget, never the last one used. */
  private evict(): void {
    for (const [hash, k] of this.known) {
      if (this.bytes <= this.maxBytes || this.known.size <= 1) return;
      this.known.delete(hash);
      this.bytes -= k.bytes;
    }
  }

  /** Loads the users' agent modules a batch names, once per worker. */
  async loadModules(batch: Batch): Promise<void> {
    for (const n of batch.negotiations)
      for (const p of [...n.agents, ...(n.mediator ? [n.mediator] : [])])
        if (isModulePath(p.spec.strategy) && !this.modules.has(p.spec.strategy)) {
          await loadAgentModule(p.spec.strategy);
          this.modules.add(p.spec.strategy);
        }
  }

  /** Scenarios held now. */
  get size(): number {
    return this.known.size;
  }

  /** Approximate bytes held now (`approximateBytes` of each). */
  get approximateSize(): number {
    return this.bytes;
  }

  /** Whether the scenario with this content hash is held now. */
  has(hash: string): boolean {
    return this.known.has(hash);
  }
}

/** Runs one negotiation on a virtual clock and measures it against the cached analysis. */
export function runNegotiation(spec: NegotiationSpec, known: Known): NegotiationRow {
  const started = performance.now();
  const plan = planRun(known.scenario, {
    protocol: spec.protocol,
    agents: spec.agents.map((a) => a.spec),
    mediators: spec.mediator ? [spec.mediator.spec] : undefined,
    rounds: spec.deadline.rounds,
    time: spec.deadline.time,
    seed: spec.seed,
  });
  const run = runSession(sessionOptionsOf(plan));
  // Outside events may change preferences mid-run: then the cached analysis no longer applies.
  const analysis =
    run.state.effects.length === 0
      ? known.analysis
      : analyze(
          { ...known.scenario, parties: currentParties(known.scenario, run.state.effects) },
          { timeLimit: ANALYSIS_TIME_LIMIT },
        );
  // The row's figures only: what stayed open in talks without agreement is not a column.
  const result = resultFigures(plan.scenario, run.state, analysis);
  return {
    id: spec.id,
    index: spec.index,
    scenario: spec.scenario,
    protocol: spec.protocol,
    parties: known.scenario.parties.map((p) => p.name),
    agents: spec.agents.map((a) => a.label),
    mediator: spec.mediator?.label ?? null,
    seed: spec.seed,
    agreement: result.agreement,
    endReason: result.endReason,
    outcome: result.outcome,
    utilities: result.parties.map((p) => p.utility),
    discounted: result.parties.map((p) => p.discounted),
    welfare: result.welfare,
    rounds: result.rounds,
    time: result.time,
    frontierDistance: result.distances?.frontier ?? null,
    nashDistance: result.distances?.nash ?? null,
    seconds: (performance.now() - started) / 1000,
  };
}

/** Runs a batch in order, calling `onRow` as each negotiation ends. */
export async function runBatch(
  batch: Batch,
  cache: ScenarioCache,
  onRow?: (row: NegotiationRow) => void,
): Promise<NegotiationRow[]> {
  await cache.loadModules(batch);
  const known = cache.get(batch.scenario);
  return batch.negotiations.map((n) => {
    const row = runNegotiation(n, known);
    onRow?.(row);
    return row;
  });
}
