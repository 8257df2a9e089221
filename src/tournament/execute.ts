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
import type { Scenario } from '../core/scenario.js';
import { currentParties, planRun, resultFigures, runSession, sessionOptionsOf } from '../session/index.js';
import type { ScenarioPayload } from './scenarios.js';
import type { Batch, NegotiationRow, NegotiationSpec } from './types.js';

/** Seconds the analysis behind the distances may take per scenario. */
const ANALYSIS_TIME_LIMIT = 10;

interface Known {
  readonly scenario: Scenario;
  readonly analysis: Analysis;
}

/** One worker's scenarios and analyses, by content hash. */
export class ScenarioCache {
  private readonly known = new Map<string, Known>();
  private readonly modules = new Set<string>();

  get(payload: ScenarioPayload): Known {
    let k = this.known.get(payload.hash);
    if (!k) {
      const actual = createHash('sha256').update(payload.json).digest('hex').slice(0, 16);
      if (actual !== payload.hash)
        throw new ParleyError('PARLEY_E_INPUT', `scenario ${payload.hash} arrived damaged (its hash is ${actual})`);
      const scenario = JSON.parse(payload.json) as Scenario;
      k = { scenario, analysis: analyze(scenario, { timeLimit: ANALYSIS_TIME_LIMIT }) };
      this.known.set(payload.hash, k);
    }
    return k;
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

  get size(): number {
    return this.known.size;
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
