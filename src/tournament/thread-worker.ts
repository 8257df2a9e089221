/**
 * The entry of a local worker thread (piscina): runs one batch per task. The build makes
 * it dist/tournament/thread-worker.js (every `*worker.ts` is an entry); `local.ts` finds it.
 */
import { runBatch, ScenarioCache } from './execute.js';
import type { Batch, NegotiationRow } from './types.js';

const cache = new ScenarioCache();

export default async function runTask(batch: Batch): Promise<NegotiationRow[]> {
  return runBatch(batch, cache);
}
