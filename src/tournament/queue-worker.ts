/**
 * A queue worker (`parley worker --queue redis://…`): takes batches from the BullMQ queue,
 * runs them on a pool of worker threads (one thread too: the threads are set up as a local
 * run's, and this thread stays free to renew the jobs' locks), and stores each row in Redis
 * once. A worker that dies mid-batch holds its job's lock no longer than `lockDuration`;
 * another worker's stalled-job check then puts the job back on the queue.
 */
import { Worker, type Job } from 'bullmq';
import { BATCHES_PER_THREAD, rowsOf, startThreadPool } from './local.js';
import { connect, QUEUE_NAME, reachable, rowStorer } from './queue-keys.js';
import type { Batch } from './types.js';
import { tuneTiering } from './v8-tuning.js';

export interface QueueWorkerOptions {
  /** Worker threads; each runs one batch at a time and holds the next. */
  readonly threads: number;
  /** Milliseconds a job's lock lasts without renewal (BullMQ default 30,000). */
  readonly lockDuration?: number;
  /** Milliseconds between checks for jobs whose worker died (BullMQ default 30,000). */
  readonly stalledInterval?: number;
  /** Approximate megabytes of scenarios each thread keeps (`ScenarioCache`; default 64). */
  readonly scenarioCacheMegabytes?: number;
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
  const threads = Math.max(1, options.threads);
  // A queue worker is there to keep its machine busy (one per core, or several processes of a
  // few threads): its cores run negotiations whatever its own thread count, and it warms up once.
  const untune = tuneTiering(Infinity);
  // Each thread holds its next batch while it runs one, as in a local run (BATCHES_PER_THREAD).
  const pool = await startThreadPool(threads, BATCHES_PER_THREAD, {
    scenarioCacheMegabytes: options.scenarioCacheMegabytes,
  });
  const store = rowStorer(redis);
  const work = async (job: Job<Batch>): Promise<number> => {
    const batch = job.data;
    const rows = rowsOf(await pool.run(batch), batch);
    const stored = await store(batch.tournament, rows);
    options.onBatch?.(batch, stored);
    return stored;
  };
  const worker = new Worker<Batch, number>(QUEUE_NAME, work, {
    connection: redis,
    concurrency: threads * BATCHES_PER_THREAD,
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
      await pool.destroy();
      untune();
      redis.disconnect();
    },
  };
}
