/**
 * A queue worker (`parley worker --queue redis://…`): takes batches from the BullMQ queue,
 * runs them (in this thread, or on a pool of worker threads), and stores each row in Redis
 * once. A worker that dies mid-batch holds its job's lock no longer than `lockDuration`;
 * another worker's stalled-job check then puts the job back on the queue.
 */
import { Worker, type Job } from 'bullmq';
import { runBatch, ScenarioCache } from './execute.js';
import { rowsOf, startThreadPool } from './local.js';
import { connect, QUEUE_NAME, reachable, resultKeys, STORE_ROW_SCRIPT } from './queue-keys.js';
import type { Batch, NegotiationRow } from './types.js';

export interface QueueWorkerOptions {
  /** Batches run at once: 1 in this thread, more on that many worker threads. */
  readonly threads: number;
  /** Milliseconds a job's lock lasts without renewal (BullMQ default 30,000). */
  readonly lockDuration?: number;
  /** Milliseconds between checks for jobs whose worker died (BullMQ default 30,000). */
  readonly stalledInterval?: number;
  /** Called after each batch's rows are stored. */
  readonly onBatch?: (batch: Batch, stored: number) => void;
  /** Called with connection and job errors (the worker keeps going: BullMQ retries the job). */
  readonly onError?: (error: Error) => void;
}

export interface QueueWorker {
  /** Stops taking jobs, lets running ones finish, and disconnects. */
  close(): Promise<void>;
}

export async function startQueueWorker(url: string, options: QueueWorkerOptions): Promise<QueueWorker> {
  const onError = options.onError ?? (() => {});
  const redis = connect(url, 'forever', onError);
  await reachable(redis, url);
  const cache = new ScenarioCache();
  const pool = options.threads > 1 ? await startThreadPool(options.threads) : undefined;
  const store = async (batch: Batch, rows: readonly NegotiationRow[]): Promise<number> => {
    const keys = resultKeys(batch.tournament);
    const pipeline = redis.pipeline();
    for (const row of rows) pipeline.eval(STORE_ROW_SCRIPT, 2, keys.rows, keys.log, row.id, JSON.stringify(row));
    const replies = (await pipeline.exec()) ?? [];
    for (const [error] of replies) if (error) throw error;
    return replies.filter(([, stored]) => stored === 1).length;
  };
  const work = async (job: Job<Batch>): Promise<number> => {
    const batch = job.data;
    const rows = pool ? rowsOf(await pool.run(batch)) : await runBatch(batch, cache);
    const stored = await store(batch, rows);
    options.onBatch?.(batch, stored);
    return stored;
  };
  const worker = new Worker<Batch, number>(QUEUE_NAME, work, {
    connection: redis,
    concurrency: Math.max(1, options.threads),
    lockDuration: options.lockDuration ?? 30_000,
    stalledInterval: options.stalledInterval ?? 30_000,
    // A batch whose workers keep dying is tried again a few times before it counts as failed.
    maxStalledCount: 5,
  });
  worker.on('error', onError);
  worker.on('failed', (_job, error) => onError(error));
  await worker.waitUntilReady();
  return {
    async close() {
      await worker.close();
      await pool?.destroy();
      redis.disconnect();
    },
  };
}
