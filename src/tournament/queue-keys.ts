/**
 * What the coordinator and the queue workers agree on: the BullMQ queue, the Redis keys of
 * a tournament's results, and the one atomic step that stores a result.
 */
import { Redis } from 'ioredis';
import { ParleyError } from '../core/errors.js';
import type { RowLine } from './store.js';

export const QUEUE_NAME = 'parley-tournament';

/** Results by negotiation id (stored once), and the same rows in the order they were stored. */
export function resultKeys(tournament: string): { readonly rows: string; readonly log: string } {
  return { rows: `parley:tournament:${tournament}:rows`, log: `parley:tournament:${tournament}:log` };
}

/**
 * Stores a batch's rows, each under its id unless one is there, and only then appends it to
 * the log, in one step: a result retried on another worker is neither lost nor stored twice.
 * KEYS: the rows hash and the log; ARGV: id, row, id, row, …; answers how many were new.
 */
export const STORE_ROWS_SCRIPT = `
local stored = 0
for i = 1, #ARGV, 2 do
  if redis.call('HSETNX', KEYS[1], ARGV[i], ARGV[i + 1]) == 1 then
    redis.call('RPUSH', KEYS[2], ARGV[i + 1])
    stored = stored + 1
  end
end
return stored`;

/**
 * Stores rows through STORE_ROWS_SCRIPT: one call per batch, the script sent once per
 * connection and named by its hash after that (ioredis's defined commands).
 */
export function rowStorer(redis: Redis): (tournament: string, rows: readonly RowLine[]) => Promise<number> {
  redis.defineCommand('parleyStoreRows', { numberOfKeys: 2, lua: STORE_ROWS_SCRIPT });
  const call = (redis as unknown as { parleyStoreRows: (...args: string[]) => Promise<number> }).parleyStoreRows;
  return (tournament, rows) => {
    const keys = resultKeys(tournament);
    return call.call(redis, keys.rows, keys.log, ...rows.flatMap((r) => [r.id, r.line]));
  };
}

/** A Redis URL with any password hidden, for messages. */
export function safeUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return url;
  }
}

/**
 * A connection for BullMQ and our keys; an unusable URL is a usage error. Connection
 * errors go to `onError` (ioredis keeps reconnecting meanwhile), not to an unhandled event.
 */
export function connect(url: string, retries: 'forever' | number, onError: (e: Error) => void = () => {}): Redis {
  if (!/^rediss?:\/\//.test(url))
    throw new ParleyError('PARLEY_E_USAGE', `--queue takes a Redis URL such as redis://host:6379, got "${url}"`);
  const redis = new Redis(url, {
    maxRetriesPerRequest: null,
    retryStrategy: (times) => (retries === 'forever' || times <= retries ? Math.min(times * 200, 2000) : null),
  });
  redis.on('error', onError);
  return redis;
}

/** Waits for the first answer from Redis; a clear error when there is none. */
export async function reachable(redis: Redis, url: string): Promise<void> {
  try {
    await redis.ping();
  } catch (cause) {
    throw new ParleyError('PARLEY_E_USAGE', `cannot reach Redis at ${safeUrl(url)}: ${(cause as Error).message}`, {
      cause,
    });
  }
}
