/**
 * The entry of a local worker thread (piscina): runs one batch per task. The build makes
 * it dist/tournament/thread-worker.js (every `*worker.ts` is an entry); `local.ts` finds it.
 */
import { isParleyError, type ErrorCode, type FilePosition } from '../core/errors.js';
import { runBatch, ScenarioCache } from './execute.js';
import type { Batch, NegotiationRow } from './types.js';

/** A ParleyError as it crosses to the coordinator (an Error copied between threads loses its code). */
export interface ThreadFailure {
  readonly failed: {
    readonly code: ErrorCode;
    readonly message: string;
    readonly position?: FilePosition;
    readonly expected?: string;
  };
}

const cache = new ScenarioCache();

export default async function runTask(batch: Batch): Promise<NegotiationRow[] | ThreadFailure> {
  try {
    return await runBatch(batch, cache);
  } catch (e) {
    if (!isParleyError(e)) throw e;
    return { failed: { code: e.code, message: e.message, position: e.position, expected: e.expected } };
  }
}
