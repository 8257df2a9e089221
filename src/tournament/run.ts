/**
 * The coordinator: plans the tournament, opens the results folder (resuming what is
 * there), has the missing negotiations run locally or through the queue, and writes the
 * report.
 */
import { resolve } from 'node:path';
import { outcomeCount } from '../core/domain.js';
import { readTournamentFile } from './definition.js';
import { runLocal } from './local.js';
import { batchesOf, DEFAULT_BATCH_SIZE, planTournament, type TournamentPlan } from './plan.js';
import { writeTournamentReport, type TournamentReport } from './report.js';
import { ResultStore, type RowLine } from './store.js';
import type { NegotiationRow } from './types.js';

export interface TournamentOptions {
  readonly out: string;
  /** Worker threads (0: in this thread); ignored with `queue`. */
  readonly workers: number;
  /** A Redis URL: put the negotiations on the queue for `parley worker` processes. */
  readonly queue?: string;
  readonly batchSize?: number;
  /** Approximate megabytes of scenarios each worker thread keeps (`ScenarioCache`; default 64). */
  readonly scenarioCacheMegabytes?: number;
  /** Discard earlier results in `out` instead of resuming. */
  readonly fresh?: boolean;
  /** Told once the plan is known: negotiations in all, and how many earlier runs already finished. */
  readonly onStart?: (info: { readonly plan: TournamentPlan; readonly done: number }) => void | Promise<void>;
  /** Called after each batch's rows are recorded. */
  readonly onProgress?: (done: number, total: number) => void;
}

export interface TournamentOutcome {
  readonly plan: TournamentPlan;
  readonly rows: readonly NegotiationRow[];
  readonly report: TournamentReport;
  /** Negotiations found finished in `out` (or in Redis) before this run. */
  readonly resumed: number;
  /** Wall-clock seconds of running the negotiations (planning and the report excluded). */
  readonly seconds: number;
}

export async function runTournament(definitionFile: string, options: TournamentOptions): Promise<TournamentOutcome> {
  const def = readTournamentFile(definitionFile);
  const plan = await planTournament(def, options.batchSize ?? DEFAULT_BATCH_SIZE);
  const out = resolve(options.out);
  const store = ResultStore.open(out, plan, resolve(definitionFile), options.fresh);
  const resumedFromFile = store.done;
  await options.onStart?.({ plan, done: store.done });
  const total = plan.negotiations.length;
  const record = (rows: readonly RowLine[]) => {
    store.addLines(rows);
    options.onProgress?.(store.done, total);
  };
  const started = performance.now();
  let resumed = resumedFromFile;
  try {
    if (options.queue) {
      const { runOnQueue } = await import('./queue.js');
      resumed += await runOnQueue(options.queue, plan, store, record);
    } else {
      const pending = plan.negotiations.filter((n) => !store.has(n.id));
      const outcomes = new Map(plan.scenarios.map((s) => [s.payload.hash, Number(outcomeCount(s.scenario.domain))]));
      await runLocal(batchesOf(plan, pending), {
        workers: options.workers,
        onRows: record,
        outcomes,
        scenarioCacheMegabytes: options.scenarioCacheMegabytes,
      });
    }
  } finally {
    store.close();
  }
  const seconds = (performance.now() - started) / 1000;
  const rows = store.finish();
  const report = await writeTournamentReport(out, plan, rows);
  return { plan, rows, report, resumed, seconds };
}
