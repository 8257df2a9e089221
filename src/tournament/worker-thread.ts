/**
 * The entry of a local worker thread (piscina): runs one batch per task. The build must
 * include this file (dist/tournament/worker-thread.js); `local.ts` resolves it beside itself.
 */
import { runBatch, ScenarioCache } from './execute.js';
import type { Batch, NegotiationRow } from './types.js';

const cache = new ScenarioCache();

export default async function runTask(batch: Batch): Promise<NegotiationRow[]> {
  return runBatch(batch, cache);
}
