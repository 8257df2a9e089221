/**
 * The coordinator's side of a queue run: puts the missing negotiations on the BullMQ queue
 * in batches (each job carries its scenario) and collects the rows the workers store in
 * Redis. Results already in Redis from an interrupted run count as done.
 */
import { Queue } from 'bullmq';
import { ParleyError } from '../core/errors.js';
import { batchesOf, type TournamentPlan } from './plan.js';
import { connect, QUEUE_NAME, reachable, resultKeys } from './queue-keys.js';
import type { ResultStore, RowLine } from './store.js';
import type { Batch, NegotiationRow } from './types.js';

/** How often the coordinator looks for new rows. */
const POLL_MS = 50;
/** Polls between looks at the queue's failed jobs. */
const FAILURE_EVERY = 10;
/** Results stay in Redis this long after the run (for a coordinator restarted late). */
const KEEP_SECONDS = 24 * 3600;

/** Jobs in the first addition: few, so that the workers start while the rest go on the queue. */
const FIRST_JOBS = 8;
/** Jobs per later addition (each addition is one round trip to Redis). */
const JOBS_PER_ADDITION = 250;

/** Puts the batches on the queue in order; a batch already there (same id) is not added twice. */
async function enqueue(queue: Queue, batches: readonly Batch[]): Promise<void> {
  for (let from = 0; from < batches.length;) {
    const to = from + (from === 0 ? FIRST_JOBS : JOBS_PER_ADDITION);
    await queue.addBulk(
      batches.slice(from, to).map((b) => ({
        name: 'batch',
        data: b,
        opts: {
          jobId: b.id,
          attempts: 3,
          backoff: { type: 'fixed', delay: 500 },
          removeOnComplete: true,
          removeOnFail: { age: KEEP_SECONDS },
        },
      })),
    );
    from = to;
  }
}

/**
 * Finds batches of ours that failed for good (after their retries). Only the size of the
 * queue's failed set is read on each look; its jobs only when it grew, which is rare.
 */
function failureWatch(queue: Queue, ours: ReadonlySet<string>): () => Promise<string | null> {
  let seen = -1;
  return async () => {
    const count = await queue.getFailedCount();
    if (count === seen) return null;
    seen = count;
    const failed = (await queue.getJobs(['failed'])).find((job) => job.id !== undefined && ours.has(job.id));
    return failed ? `negotiation batch ${failed.id} failed on a worker: ${failed.failedReason}` : null;
  };
}

/** Runs the plan's missing negotiations through the queue; resolves to the rows found already in Redis. */
export async function runOnQueue(
  url: string,
  plan: TournamentPlan,
  store: ResultStore,
  record: (rows: readonly RowLine[]) => void,
): Promise<number> {
  const redis = connect(url, 5);
  let queue: Queue | undefined;
  try {
    await reachable(redis, url);
    const keys = resultKeys(plan.id);
    // Rows are stored as the JSON lines the results file takes; each is read only for its id.
    const read = async (from: number): Promise<RowLine[]> =>
      (await redis.lrange(keys.log, from, -1)).map((line) => ({ id: (JSON.parse(line) as NegotiationRow).id, line }));
    const earlier = await read(0);
    const resumed = earlier.filter((r) => !store.has(r.id)).length;
    record(earlier);
    let offset = earlier.length;
    const batches = batchesOf(
      plan,
      plan.negotiations.filter((n) => !store.has(n.id)),
    );
    queue = new Queue(QUEUE_NAME, { connection: redis });
    queue.on('error', () => {
      // A lost connection surfaces as a failed command below.
    });
    const failure = failureWatch(queue, new Set(batches.map((b) => b.id)));
    await enqueue(queue, batches);
    for (let polls = 0; store.done < plan.negotiations.length; polls++) {
      // The failed set is looked at every few polls: a failure is rare, rows are not.
      const failed = polls % FAILURE_EVERY === 0 ? await failure() : null;
      if (failed) throw new ParleyError('PARLEY_E_INTERNAL', failed);
      const rows = await read(offset);
      offset += rows.length;
      if (rows.length) record(rows);
      else await new Promise((r) => setTimeout(r, POLL_MS));
    }
    await redis.expire(keys.rows, KEEP_SECONDS);
    await redis.expire(keys.log, KEEP_SECONDS);
    return resumed;
  } finally {
    await queue?.close();
    redis.disconnect();
  }
}
