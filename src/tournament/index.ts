/**
 * Tournaments: a definition expanded into negotiations, run on worker threads or through a
 * BullMQ queue on Redis, scored ANAC-style with 95% confidence intervals. The queue's modules
 * (bullmq, ioredis) load only when a queue is used.
 */
export {
  parseTournamentText,
  readTournamentFile,
  tournamentFileSchema,
  tournamentJsonSchema,
  TOURNAMENT_FORMAT_VERSION,
  type TournamentDefinition,
  type TournamentFile,
} from './definition.js';
export { planTournament, batchesOf, assignments, DEFAULT_BATCH_SIZE, type TournamentPlan } from './plan.js';
export { runTournament, type TournamentOptions, type TournamentOutcome } from './run.js';
export { runBatch, runNegotiation, ScenarioCache } from './execute.js';
export { agentScores, mediatorScores, headToHead, type AgentScore, type MediatorScore } from './scores.js';
export { estimate, tQuantile975, type Estimate } from './stats.js';
export type { Batch, NegotiationRow, NegotiationSpec, Player } from './types.js';

/** Starts a queue worker (`parley worker`) in this process; loads bullmq on first use. */
export async function startQueueWorker(
  ...args: Parameters<typeof import('./queue-worker.js').startQueueWorker>
): ReturnType<typeof import('./queue-worker.js').startQueueWorker> {
  return (await import('./queue-worker.js')).startQueueWorker(...args);
}
