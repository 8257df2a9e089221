/**
 * Runs batches on this machine: in the calling thread (`workers: 0`) or on a pool of
 * worker threads (piscina). The thread entry is src/tournament/thread-worker.ts, or
 * dist/tournament/thread-worker.js in the build; TypeScript is started through tsx's loader.
 */
import { ParleyError } from '../core/errors.js';
import { ownModuleFile, RUNS_FROM_BUILD } from '../core/package-root.js';
import { ScenarioAffinity } from './affinity.js';
import { runBatch, ScenarioCache } from './execute.js';
import { rowLine, type RowLine } from './store.js';
import type { ThreadData, ThreadFailure } from './thread-worker.js';
import type { Batch } from './types.js';
import { tuneTiering } from './v8-tuning.js';

/** The worker entry beside this module, and how to start it. */
export function workerEntry(): { filename: string; execArgv: string[] } {
  return {
    filename: ownModuleFile('tournament/thread-worker'),
    execArgv: RUNS_FROM_BUILD ? [] : ['--import', 'tsx'],
  };
}

export interface LocalOptions {
  /** Worker threads; 0 runs every batch in the calling thread. */
  readonly workers: number;
  /** Called with each batch's rows, as JSON lines, as the batch ends. */
  readonly onRows: (rows: readonly RowLine[]) => void;
  /** Each scenario's number of outcomes, by content hash: threads take the largest first (`ScenarioAffinity`). */
  readonly outcomes?: ReadonlyMap<string, number>;
  /** Approximate megabytes of scenarios each thread keeps (`ScenarioCache`; default 64). */
  readonly scenarioCacheMegabytes?: number;
}

/** The part of a piscina pool the runner uses. */
export interface ThreadPool {
  run(task: unknown): Promise<unknown>;
  destroy(): Promise<void>;
}

/**
 * Young generation of each worker thread, in MB: four times V8's default. A negotiation leaves
 * megabytes of short-lived objects (states, events, views), while what survives a scavenge is
 * about the same whatever the nursery's size, so a larger nursery means fewer scavenges for the
 * same work: on the ANAC 10,908 on one thread, 727 scavenges (2.25 s paused) at 96 MB, 421
 * (1.44 s) at 192, and less work for V8's helper threads, which share the cores with the other
 * worker threads. It costs about 64 MB more resident memory per thread than 96 MB.
 */
export const THREAD_YOUNG_GENERATION_MB = 192;

/**
 * Batches a local thread holds at once: the one it runs and the next, already in its port.
 * With one at a time a thread idles from the end of each batch until the coordinator's
 * thread has read the rows and sent the next batch; when every core runs a worker, the
 * coordinator first waits for a core, so two threads idled far longer per batch than one
 * (on a busy 2-core machine: 1.3–2.6 ms per batch on 1 thread, 6–8 ms on 2; holding the
 * next batch cut that to 0.8–1.8 and 1.8–3.3 ms).
 */
export const BATCHES_PER_THREAD = 2;

/** Starts `threads` worker threads on the tournament's thread entry, each holding `tasksPerThread` batches at once. */
export async function startThreadPool(threads: number, tasksPerThread = 1, data: ThreadData = {}): Promise<ThreadPool> {
  const { Piscina } = await import('piscina');
  return new Piscina({
    ...workerEntry(),
    workerData: data,
    minThreads: threads,
    maxThreads: threads,
    concurrentTasksPerWorker: tasksPerThread,
    idleTimeout: 1000,
    resourceLimits: { maxYoungGenerationSizeMb: THREAD_YOUNG_GENERATION_MB },
  });
}

/** A thread's answer to `batch`: its rows' JSON lines, or the ParleyError it met, rebuilt with its code. */
export function rowsOf(answer: unknown, batch: Batch): RowLine[] {
  const failure = answer as Partial<ThreadFailure>;
  if (failure.failed) {
    const { code, message, position, expected } = failure.failed;
    throw new ParleyError(code, message, { position, expected });
  }
  const lines = answer as string[];
  if (lines.length !== batch.negotiations.length)
    throw new ParleyError('PARLEY_E_INTERNAL', `batch ${batch.id} came back with ${lines.length} rows`);
  // The thread answers in the batch's order.
  return lines.map((line, i) => ({ id: batch.negotiations[i]!.id, line }));
}

/**
 * Runs every batch; resolves when all have ended, rejects on the first failure. Threads take
 * batches scenario by scenario (`ScenarioAffinity`), so each builds only its scenarios' spaces,
 * and each holds BATCHES_PER_THREAD batches at once (one lane per batch held).
 */
export async function runLocal(batches: readonly Batch[], options: LocalOptions): Promise<void> {
  if (options.workers <= 0) {
    const cache = new ScenarioCache({ maxMegabytes: options.scenarioCacheMegabytes });
    for (const batch of batches) {
      options.onRows((await runBatch(batch, cache)).map(rowLine));
      // Let timers (the progress bar) and signals through between batches.
      await new Promise((r) => setImmediate(r));
    }
    return;
  }
  // Before the threads start: their isolates take V8's flags from the process.
  const untune = tuneTiering(options.workers);
  try {
    await runOnThreads(batches, options);
  } finally {
    untune();
  }
}

/** `runLocal` on `options.workers` threads. */
async function runOnThreads(batches: readonly Batch[], options: LocalOptions): Promise<void> {
  // One pool of one thread per worker, so that the runner decides which thread gets which batch.
  const threads = await Promise.all(
    Array.from({ length: options.workers }, () =>
      startThreadPool(1, BATCHES_PER_THREAD, { scenarioCacheMegabytes: options.scenarioCacheMegabytes }),
    ),
  );
  const affinity = new ScenarioAffinity(batches, options.outcomes);
  let failed = false;
  const lane = async (pool: ThreadPool, thread: number) => {
    try {
      for (let batch = affinity.take(thread); batch && !failed; batch = affinity.take(thread))
        options.onRows(rowsOf(await pool.run(batch), batch));
    } catch (e) {
      failed = true;
      throw e;
    }
  };
  try {
    await Promise.all(
      threads.flatMap((pool, thread) => Array.from({ length: BATCHES_PER_THREAD }, () => lane(pool, thread))),
    );
  } finally {
    await Promise.all(threads.map((pool) => pool.destroy()));
  }
}
