/**
 * What the coordinator and the queue workers agree on: the BullMQ queue, the Redis keys of
 * a tournament's results, and the one atomic step that stores a result.
 */
import { Redis } from 'ioredis';
import { ParleyError } from '../core/errors.js';

export const QUEUE_NAME = 'parley-tournament';

/** Results by negotiation id (stored once), and the same rows in the order they were stored. */
export function resultKeys(tournament: string): { readonly rows: string; readonly log: string } {
  return { rows: `parley:tournament:${tournament}:rows`, log: `parley:tournament:${tournament}:log` };
}

/**
 * Stores a row under its id unless one is there, and only then appends it to the log, in
 * one step: a result retried on another worker is neither lost nor stored twice.
 */
export const STORE_ROW_SCRIPT = `
if redis.call('HSETNX', KEYS[1], ARGV[1], ARGV[2]) == 1 then
  redis.call('RPUSH', KEYS[2], ARGV[2])
  return 1
end
return 0`;

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
