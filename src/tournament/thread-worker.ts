/**
 * The entry of a local worker thread (piscina): runs one batch per task. The build makes
 * it dist/tournament/thread-worker.js (every `*worker.ts` is an entry); `local.ts` finds it.
 * It answers with each row's JSON line, in the batch's order: the coordinator appends text
 * to the results file as it is, instead of copying row objects between threads and writing
 * them out again on its own thread, which shares the cores with the workers.
 */
import { workerData } from 'node:worker_threads';
import { isParleyError, type ErrorCode, type FilePosition } from '../core/errors.js';
import { runBatch, ScenarioCache } from './execute.js';
import type { Batch } from './types.js';

/** A ParleyError as it crosses to the coordinator (an Error copied between threads loses its code). */
export interface ThreadFailure {
  readonly failed: {
    readonly code: ErrorCode;
    readonly message: string;
    readonly position?: FilePosition;
    readonly expected?: string;
  };
}

/** What `startThreadPool` tells each thread (piscina hands its `workerData` on as the thread's). */
export interface ThreadData {
  readonly scenarioCacheMegabytes?: number;
}

const cache = new ScenarioCache({ maxMegabytes: (workerData as ThreadData | undefined)?.scenarioCacheMegabytes });

export default async function runTask(batch: Batch): Promise<string[] | ThreadFailure> {
  // A thread may hold two batches (see BATCHES_PER_THREAD in local.ts). Each runs in its own
  // turn of the event loop, so that the first one's rows leave before the second one starts.
  await new Promise((resolve) => setImmediate(resolve));
  try {
    return (await runBatch(batch, cache)).map((row) => JSON.stringify(row));
  } catch (e) {
    if (!isParleyError(e)) throw e;
    return { failed: { code: e.code, message: e.message, position: e.position, expected: e.expected } };
  }
}
