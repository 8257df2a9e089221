import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Redis } from 'ioredis';
import { parley, tempDir } from '../cli/run.js';
import { freePort, startRedis, type RedisServer } from '../support/redis.js';
import { readTournamentFile } from '../../src/tournament/definition.js';
import { planTournament } from '../../src/tournament/plan.js';
import { resultKeys } from '../../src/tournament/queue-keys.js';
import { comparableRows, exited, QUICK, ROOT, SLOW, spawnParley, until, writeDefinition } from './support.js';

let redis: RedisServer;

beforeAll(async () => {
  redis = await startRedis();
});

afterAll(async () => {
  await redis?.stop();
});

/** `parley worker` processes with short locks, so a dead worker's job is taken again within a second or two. */
function startWorkers(count: number) {
  return Array.from({ length: count }, () =>
    spawnParley([
      'worker',
      '--queue',
      redis.url,
      '--threads',
      '1',
      '--lock-duration',
      '1000',
      '--stalled-interval',
      '500',
    ]),
  );
}

async function stopWorkers(workers: ReturnType<typeof startWorkers>): Promise<void> {
  for (const w of workers) if (w.exitCode === null && w.signalCode === null) w.kill('SIGTERM');
  await Promise.all(workers.map(exited));
}

const serialRuns = new Map<string, Promise<string>>();

/** The results folder of a serial run of the definition (run once per file). */
function serialRun(file: string): Promise<string> {
  let run = serialRuns.get(file);
  if (!run) {
    run = (async () => {
      const out = tempDir();
      const r = await parley(['tournament', file, '--workers', '0', '--out', out]);
      expect(r.code, r.stderr).toBe(0);
      return out;
    })();
    serialRuns.set(file, run);
  }
  return run;
}

const slow = writeDefinition(SLOW);
const slowId = async () => (await planTournament(readTournamentFile(slow))).id;

describe('a tournament through BullMQ on Redis', () => {
  it('gives identical results with 2 worker processes as serially', async () => {
    const definition = writeDefinition(QUICK);
    const workers = startWorkers(2);
    try {
      const out = tempDir();
      const r = await parley(['tournament', definition, '--queue', redis.url, '--out', out]);
      expect(r.code, r.stderr + workers.map((w) => w.stderrText()).join('')).toBe(0);
      expect(r.stdout).toContain('on the queue at redis://127.0.0.1:');
      expect(comparableRows(out)).toEqual(comparableRows(await serialRun(definition)));
    } finally {
      await stopWorkers(workers);
    }
    // Both workers stopped cleanly on SIGTERM; between them they ran the 8 batches (72 negotiations by 10; a batch retried after a lock ran out counts twice).
    let batches = 0;
    for (const w of workers) {
      expect(w.exitCode).toBe(0);
      batches += Number(/stopped after (\d+) batch/.exec(w.stderrText())?.[1]);
    }
    expect(batches).toBeGreaterThanOrEqual(8);
  });

  it('loses nothing and stores nothing twice when a worker is killed mid-run', async () => {
    const definition = slow;
    const workers = startWorkers(2);
    const client = new Redis(redis.url);
    try {
      const out = tempDir();
      const run = parley(['tournament', definition, '--queue', redis.url, '--out', out, '--batch', '2']);
      // Kill the first worker once results flow (it is then busy with a batch).
      const plan = await slowId();
      await client.del(resultKeys(plan).rows, resultKeys(plan).log);
      await until(async () => (await client.llen(resultKeys(plan).log)) >= 4, 60_000, 'the first stored results');
      workers[0]!.kill('SIGKILL');
      const r = await run;
      expect(r.code, r.stderr + workers[1]!.stderrText()).toBe(0);
      const rows = comparableRows(out);
      expect(rows).toHaveLength(36);
      expect(new Set(rows.map((row) => row.id)).size).toBe(36);
      expect(await client.hlen(resultKeys(plan).rows)).toBe(36);
      expect(await client.llen(resultKeys(plan).log)).toBe(36);
      expect(rows).toEqual(comparableRows(await serialRun(definition)));
    } finally {
      client.disconnect();
      await stopWorkers(workers);
    }
  });

  it('resumes from the results in Redis when the coordinator is interrupted', async () => {
    const client = new Redis(redis.url);
    const keys = resultKeys(await slowId());
    await client.del(keys.rows, keys.log);
    const workers = startWorkers(1);
    try {
      const out = tempDir();
      const first = spawnParley(['tournament', slow, '--queue', redis.url, '--out', out, '--batch', '2']);
      await until(async () => (await client.llen(keys.log)) >= 4, 60_000, 'the first stored results');
      first.kill('SIGKILL');
      await exited(first);
      // The worker goes on with the queued jobs while no coordinator listens.
      await until(async () => (await client.llen(keys.log)) >= 8, 60_000, 'more results');
      const r = await parley(['tournament', slow, '--queue', redis.url, '--out', out, '--json']);
      expect(r.code, r.stderr).toBe(0);
      expect(JSON.parse(r.stdout).resumed).toBeGreaterThan(0);
      expect(comparableRows(out)).toEqual(comparableRows(await serialRun(slow)));
      expect(await client.hlen(keys.rows)).toBe(36);
    } finally {
      client.disconnect();
      await stopWorkers(workers);
    }
  });

  it('stops with the reason when a batch fails on every try', async () => {
    const definition = writeDefinition({
      'parley-tournament': 1,
      name: 'failing',
      agents: [{ strategy: join(ROOT, 'test/tournament/fixtures/failing-agent.ts'), name: 'failing' }, 'conceder'],
      scenarios: ['anac/2011/Laptop'],
      selfPlay: false,
      rounds: 20,
    });
    const workers = startWorkers(1);
    try {
      const r = await parley(['tournament', definition, '--queue', redis.url, '--out', tempDir()]);
      expect(r.code).toBe(3);
      expect(r.stderr).toMatch(/negotiation batch \w+ failed on a worker: this agent always fails/);
    } finally {
      await stopWorkers(workers);
    }
  });

  it('says so when Redis cannot be reached, or the URL is not a Redis URL', async () => {
    const definition = writeDefinition(QUICK);
    const nobody = `redis://127.0.0.1:${await freePort()}`;
    const r = await parley(['tournament', definition, '--queue', nobody, '--out', tempDir()]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`cannot reach Redis at ${nobody}`);
    const bad = await parley(['tournament', definition, '--queue', 'localhost:6379', '--out', tempDir()]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--queue takes a Redis URL such as redis://host:6379');
  });
});
