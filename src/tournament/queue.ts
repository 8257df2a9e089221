/**
 * The coordinator's side of a queue run: puts the missing negotiations on the BullMQ queue
 * in batches (each job carries its scenario) and collects the rows the workers store in
 * Redis. Results already in Redis from an interrupted run count as done.
 */
import { Queue, QueueEvents } from 'bullmq';
import type { Redis } from 'ioredis';
import { ParleyError } from '../core/errors.js';
import { batchesOf, type TournamentPlan } from './plan.js';
import { connect, QUEUE_NAME, reachable, resultKeys } from './queue-keys.js';
import type { ResultStore } from './store.js';
import type { Batch, NegotiationRow } from './types.js';

/** How often the coordinator looks for new rows. */
const POLL_MS = 50;
/** Results stay in Redis this long after the run (for a coordinator restarted late). */
const KEEP_SECONDS = 24 * 3600;

/** Puts the batches on the queue; a batch already there (same id) is not added twice. */
async function enqueue(queue: Queue, batches: readonly Batch[]): Promise<void> {
  await queue.addBulk(
    batches.map((b) => ({
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
}

/** Listens for batches of ours that failed for good (after their retries). */
async function failures(
  connection: Redis,
  ours: ReadonlySet<string>,
): Promise<{ events: QueueEvents; first: () => string | null }> {
  let failure: string | null = null;
  const events = new QueueEvents(QUEUE_NAME, { connection });
  events.on('error', () => {
    // Connection trouble: the coordinator's own reads report it when Redis stays away.
  });
  events.on('failed', ({ jobId, failedReason }) => {
    if (ours.has(jobId)) failure ??= `negotiation batch ${jobId} failed on a worker: ${failedReason}`;
  });
  await events.waitUntilReady();
  return { events, first: () => failure };
}

/** Runs the plan's missing negotiations through the queue; resolves to the rows found already in Redis. */
export async function runOnQueue(
  url: string,
  plan: TournamentPlan,
  store: ResultStore,
  record: (rows: readonly NegotiationRow[]) => void,
): Promise<number> {
  const redis = connect(url, 5);
  let listening: Redis | undefined;
  let queue: Queue | undefined;
  let events: QueueEvents | undefined;
  try {
    await reachable(redis, url);
    // QueueEvents blocks on its own connection; BullMQ leaves a connection it was given open.
    listening = redis.duplicate();
    listening.on('error', () => {
      // As for the events below: the coordinator's own reads report a lost Redis.
    });
    const keys = resultKeys(plan.id);
    const read = async (from: number): Promise<NegotiationRow[]> =>
      (await redis.lrange(keys.log, from, -1)).map((t) => JSON.parse(t) as NegotiationRow);
    const earlier = await read(0);
    const resumed = earlier.filter((r) => !store.has(r.id)).length;
    record(earlier);
    let offset = earlier.length;
    const batches = batchesOf(
      plan,
      plan.negotiations.filter((n) => !store.has(n.id)),
    );
    const failed = await failures(listening, new Set(batches.map((b) => b.id)));
    events = failed.events;
    queue = new Queue(QUEUE_NAME, { connection: redis });
    queue.on('error', () => {
      // As above: a lost connection surfaces as a failed command.
    });
    await enqueue(queue, batches);
    while (store.done < plan.negotiations.length) {
      const failure = failed.first();
      if (failure) throw new ParleyError('PARLEY_E_INTERNAL', failure);
      const rows = await read(offset);
      offset += rows.length;
      if (rows.length) record(rows);
      else await new Promise((r) => setTimeout(r, POLL_MS));
    }
    await redis.expire(keys.rows, KEEP_SECONDS);
    await redis.expire(keys.log, KEEP_SECONDS);
    return resumed;
  } finally {
    await events?.close();
    await queue?.close();
    listening?.disconnect();
    redis.disconnect();
  }
}
