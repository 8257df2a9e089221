/**
 * Tournament benchmark: negotiations per second, every metric computed, on 1 and 2 local
 * worker threads and on 2 BullMQ worker processes (a real redis-server on a loopback port).
 *
 * - Round robin: the six built-in agents, every ordered pair, on CameraB (2012), Laptop (2011)
 *   and Icecream (2013), seeds 1 and 2, 1,000 rounds: 216 negotiations.
 * - ANAC: all 101 ANAC 2010–2013 domains × the 36 ordered pairs × seeds 1–3, 1,000 rounds:
 *   10,908 negotiations.
 *
 * Batches of 10 negotiations per job, the same for local and queue runs. Everything runs the
 * built command (dist/, built first when the sources changed), as users run it: worker threads
 * under tsx run the negotiations about half as fast as the build's. Local times include
 * starting the thread pool; the two queue workers are started and warmed on the round robin
 * before the clock starts, as long-running workers are. Writes bench/RESULTS-tournament.md.
 * `npx tsx bench/tournament.bench.ts --quick` runs a reduced ANAC tournament (10 domains, one
 * seed, one round) to check that the benchmark works (about a minute on a busy 2-core machine).
 * The full run plays the 10,908 in three rounds of three runs (1 thread, 2 threads, queue) in
 * turn and records each column's median: on a shared virtual machine the time of the same run
 * drifts by 10% within minutes, which one run of each would put on the speed-up. About 3
 * minutes on a quiet 2-core machine at 2.5 ms per negotiation, several times that on a busy
 * one; `PARLEY_BENCH_TOURNAMENT_REPEATS` sets the rounds. Each run's CPU-seconds
 * (bash's `times` for the command, /proc for the queue workers) are recorded beside the times:
 * they show how well 2 threads scale even when other load makes the wall-clock times noisy.
 * Before each round the host probe (bench/lib/host-probe.ts) records what two threads of a
 * computing and of an allocating load give on the machine at that moment.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import { stringify } from 'yaml';
import { STRATEGY_NAMES } from '../src/agents/index.js';
import ensureBuilt from '../test/package/ensure-built.js';
import { startRedis } from '../test/support/redis.js';
import { anacDomains } from '../test/support/anac.js';
import { probeHost, type HostProbe } from './lib/host-probe.js';
import { describeMachine, machineLines } from './lib/machine.js';
import { median } from './lib/timing.js';

const quick = process.argv.includes('--quick');
const BATCH = 10;
const ROUNDS = 1000;
const work = mkdtempSync(join(tmpdir(), 'parley-bench-tournament-'));

interface Workload {
  readonly name: string;
  readonly file: string;
  readonly negotiations: number;
}

function workload(name: string, scenarios: readonly string[], seeds: readonly number[]): Workload {
  const file = join(work, `${name.replace(/\W+/g, '-')}.yaml`);
  const definition = { 'parley-tournament': 1, name, agents: [...STRATEGY_NAMES], scenarios, seeds, rounds: ROUNDS };
  writeFileSync(file, stringify(definition));
  return { name, file, negotiations: scenarios.length * STRATEGY_NAMES.length ** 2 * seeds.length };
}

const anac = anacDomains(['y2010', 'y2011', 'y2012', 'y2013']).map((d) => `anac/${d}`);
const workloads = [
  workload('Round robin', ['anac/2012/CameraB', 'anac/2011/Laptop', 'anac/2013/Icecream'], [1, 2]),
  quick
    ? workload('ANAC 2010–2013 (reduced: 10 domains, 1 seed)', anac.slice(0, 10), [1])
    : workload('ANAC 2010–2013', anac, [1, 2, 3]),
];

ensureBuilt();
const BIN = new URL('../bin/parley.js', import.meta.url).pathname;

/** CPU-seconds (user + system) a running process has used so far, from /proc (clock ticks of 1/100 s). */
function processCpu(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

/** Children's CPU-seconds as bash's `times` prints them on its second line ("0m1.250s 0m0.030s"). */
function childrenCpu(times: string): number {
  const line = times.trim().split('\n').at(-1)!;
  return [...line.matchAll(/(\d+)m([\d.]+)s/g)].reduce((sum, m) => sum + Number(m[1]) * 60 + Number(m[2]), 0);
}

interface Timing {
  /** Seconds `parley tournament` reports for running the negotiations (`--json`). */
  readonly seconds: number;
  /** CPU-seconds of the whole command (planning and report included), plus the queue workers' during it. */
  readonly cpu: number;
}

/** Rounds of the three runs per workload (`PARLEY_BENCH_TOURNAMENT_REPEATS`); the tables give each column's median. */
const REPEATS = Number(process.env.PARLEY_BENCH_TOURNAMENT_REPEATS ?? (quick ? 1 : 3));

interface Round {
  readonly one: Timing;
  readonly two: Timing;
  readonly queue: Timing;
}
/** A round as run: the host probed just before it. */
interface ProbedRound extends Round {
  readonly host: HostProbe;
}
interface Row extends Round {
  readonly w: Workload;
  readonly rounds: readonly ProbedRound[];
}

/** "1.83×" and "+8%": how much faster 2 threads are than one, how much slower the queue is than 2 threads. */
const speedUp = ({ one, two }: Round) => `${(one.seconds / two.seconds).toFixed(2)}×`;
const queueOver = ({ two, queue }: Round) => `${(((queue.seconds - two.seconds) / two.seconds) * 100).toFixed(0)}%`;

/** Each column's median over the rounds, seconds and CPU-seconds apart. */
function medianRound(rounds: readonly Round[]): Round {
  const of = (pick: (r: Round) => Timing): Timing => ({
    seconds: median(rounds.map((r) => pick(r).seconds)),
    cpu: median(rounds.map((r) => pick(r).cpu)),
  });
  return { one: of((r) => r.one), two: of((r) => r.two), queue: of((r) => r.queue) };
}

let runs = 0;
async function timed(w: Workload, where: { workers: number } | { queue: string }): Promise<Timing> {
  const out = join(work, `out-${runs++}`);
  // A queue run must not find the results of the previous one in Redis (it would resume them).
  if ('queue' in where) {
    const client = new Redis(where.queue);
    await client.flushall();
    client.disconnect();
  }
  const placement = 'queue' in where ? ['--queue', where.queue] : ['--workers', String(where.workers)];
  const workersBefore = 'queue' in where ? workers.reduce((sum, p) => sum + processCpu(p.pid!), 0) : 0;
  // bash's `times` gives the command's CPU-seconds, its threads included, whatever the load.
  const run = spawnSync(
    'bash',
    [
      '-c',
      '"$@"; code=$?; times >&2; exit $code',
      'bash',
      process.execPath,
      BIN,
      'tournament',
      w.file,
      ...placement,
    ].concat(['--batch', String(BATCH), '--out', out, '--json']),
    { encoding: 'utf8', maxBuffer: 1 << 26 },
  );
  if (run.status !== 0) throw new Error(`${w.name}: parley tournament failed: ${run.stderr}`);
  const workersAfter = 'queue' in where ? workers.reduce((sum, p) => sum + processCpu(p.pid!), 0) : 0;
  const result = JSON.parse(run.stdout) as { negotiations: number; seconds: number };
  if (result.negotiations !== w.negotiations) throw new Error(`${w.name}: ${result.negotiations} rows`);
  rmSync(out, { recursive: true, force: true });
  return { seconds: result.seconds, cpu: childrenCpu(run.stderr) + workersAfter - workersBefore };
}

function startWorker(url: string): ChildProcess {
  return spawn(process.execPath, [BIN, 'worker', '--queue', url, '--threads', '1'], { stdio: 'ignore' });
}

const loadBefore = loadavg()
  .map((x) => x.toFixed(2))
  .join(', ');
const redis = await startRedis();
const workers = [startWorker(redis.url), startWorker(redis.url)];
const results: Row[] = [];
try {
  // Warm-up: the queue workers start and compile on the round robin.
  await timed(workloads[0]!, { queue: redis.url });
  for (const w of workloads) {
    const rounds: ProbedRound[] = [];
    // Rounds in turn (1 thread, 2 threads, queue; again), so that a drift in the machine's speed
    // falls on every column alike instead of on whichever ran last.
    for (let r = 0; r < REPEATS; r++) {
      const round = {
        host: await probeHost(),
        one: await timed(w, { workers: 1 }),
        two: await timed(w, { workers: 2 }),
        queue: await timed(w, { queue: redis.url }),
      };
      console.error(
        `${w.name}, round ${r + 1}/${REPEATS}: 1 thread ${round.one.seconds.toFixed(2)} s (${round.one.cpu.toFixed(1)} CPU-s), ` +
          `2 threads ${round.two.seconds.toFixed(2)} s (${round.two.cpu.toFixed(1)} CPU-s), ` +
          `queue ${round.queue.seconds.toFixed(2)} s (${round.queue.cpu.toFixed(1)} CPU-s)`,
      );
      rounds.push(round);
    }
    results.push({ w, rounds, ...medianRound(rounds) });
  }
} finally {
  await Promise.all(
    workers.map((worker) => {
      const gone = new Promise((resolve) => worker.once('exit', resolve));
      worker.kill('SIGTERM');
      return gone;
    }),
  );
  await redis.stop();
  rmSync(work, { recursive: true, force: true });
}

const rate = (n: number, s: number) => (n / s).toFixed(0);
const lines = [
  '## Tournaments: negotiations per second',
  '',
  ...machineLines(describeMachine()),
  '',
  `Six built-in agents (${STRATEGY_NAMES.join(', ')}), every ordered pair, ${ROUNDS} rounds, every metric computed ` +
    `(individual utilities, welfare, distances to the frontier and to Nash, scores with 95% intervals). Batches of ${BATCH} ` +
    'negotiations per job for local and queue runs. Times are the running of the negotiations (planning and the report ' +
    'excluded), by the built `parley tournament`; local times include starting the thread pool; the queue workers ' +
    '(`parley worker --threads 1`, two processes, Redis on loopback) are started and warmed on the round robin before ' +
    `the clock starts. Each workload runs ${REPEATS === 1 ? 'once' : `${REPEATS} rounds of the three runs in turn, and the tables give each column's median (the rounds are listed below them)`}. ` +
    `Load average before the run: ${loadBefore}. ` +
    `Regenerate with \`npx tsx bench/tournament.bench.ts\`${quick ? ' (this run: `--quick`, a reduced ANAC tournament)' : ''}.`,
  '',
  '| Workload | Negotiations | 1 thread (s) | 2 threads (s) | 2 queue workers (s) | 1 thread / s | 2 threads / s | Queue / s | Speed-up 2 vs 1 | Queue over 2 threads |',
  '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
  ...results.map(
    (row) =>
      `| ${row.w.name} | ${row.w.negotiations.toLocaleString('en')} | ${row.one.seconds.toFixed(2)} | ` +
      `${row.two.seconds.toFixed(2)} | ${row.queue.seconds.toFixed(2)} | ${rate(row.w.negotiations, row.one.seconds)} | ` +
      `${rate(row.w.negotiations, row.two.seconds)} | ${rate(row.w.negotiations, row.queue.seconds)} | ${speedUp(row)} | ` +
      `${queueOver(row)} |`,
  ),
  '',
  'CPU-seconds, which other load on the machine changes little (wall-clock times above are only as good as the machine ' +
    'was quiet): the whole command, its threads included, and for the queue the two workers too. Work that runs in ' +
    'parallel costs the same CPU on 1 or 2 threads, so "CPU 2 vs 1" near 1.00 means 2 threads can reach nearly 2× on ' +
    'two free cores (at most 2 ÷ that ratio).',
  '',
  '| Workload | 1 thread (CPU-s) | 2 threads (CPU-s) | Queue (CPU-s) | 1 thread, ms per negotiation | CPU 2 vs 1 | CPU queue vs 2 threads |',
  '| --- | ---: | ---: | ---: | ---: | ---: | ---: |',
  ...results.map(
    ({ w, one, two, queue }) =>
      `| ${w.name} | ${one.cpu.toFixed(1)} | ${two.cpu.toFixed(1)} | ${queue.cpu.toFixed(1)} | ` +
      `${((one.cpu / w.negotiations) * 1000).toFixed(2)} | ${(two.cpu / one.cpu).toFixed(2)} | ${(queue.cpu / two.cpu).toFixed(2)} |`,
  ),
  '',
  'Each round (seconds: 1 thread, 2 threads, queue; speed-up 2 vs 1; queue over 2 threads; and what two threads ' +
    'of the host probe, bench/lib/host-probe.ts, gave just before it: a load that only allocates, one that only ' +
    'computes; on a shared machine the first drifts with what other tenants do, and negotiations, which do both, ' +
    'scale between the two):',
  '',
  ...results.flatMap(({ w, rounds }) =>
    rounds.map(
      (round, i) =>
        `- ${w.name}, round ${i + 1}: ${round.one.seconds.toFixed(2)}, ${round.two.seconds.toFixed(2)}, ` +
        `${round.queue.seconds.toFixed(2)}; ${speedUp(round)}; ${queueOver(round)}; host ` +
        `${round.host.allocate.pairRatio.toFixed(2)}× allocating, ${round.host.compute.pairRatio.toFixed(2)}× computing`,
    ),
  ),
  '',
  'Goals on the 10,908: 2 threads at least 1.8× one thread; under 20 s on 2 threads; the queue within 20% of local threads.',
  '',
];
writeFileSync(new URL('./RESULTS-tournament.md', import.meta.url), lines.join('\n'));
console.error('bench: wrote bench/RESULTS-tournament.md');
