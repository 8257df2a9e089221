/**
 * Server benchmark: durable actions per second and acknowledgement latency with 200
 * concurrent WebSocket clients on loopback. `parley serve` runs in its own process (SQLite,
 * then PostgreSQL); this process opens 100 SAOP sessions (ANAC 2010 ItexvsCypress, a
 * deadline of `PARLEY_BENCH_ROUNDS` rounds) with two seats each and plays every seat as a
 * client: each offers as soon as the protocol gives it the move (full speed), one action per
 * WebSocket message, rate limiter on; then, on a fresh server, the same load paced at the
 * goal's rate (`PARLEY_BENCH_SQLITE_RATE`, `PARLEY_BENCH_POSTGRES_RATE`, for
 * `PARLEY_BENCH_PACED_SECONDS`), and at lower rates for a latency curve
 * (`PARLEY_BENCH_SQLITE_CURVE`, `PARLEY_BENCH_POSTGRES_CURVE`, for
 * `PARLEY_BENCH_CURVE_SECONDS`). Before SQLite's runs, the goal's paced load also runs against
 * the floor (bench/lib/floor-server.ts, for `PARLEY_BENCH_FLOOR_SECONDS`): a stand-in that
 * does only the transport and a group-committed, fdatasync'd append, so that what the machine
 * itself gives at that rate is measured beside parley (`PARLEY_BENCH_FLOOR_WORK` adds runs of
 * it with busy work per action, e.g. `60/40`: µs on its event loop / in its commit thread).
 * Reports actions/s, p50/p99 from send to acknowledgement, the server's CPU (all threads
 * and the main thread, per action) and its memory, which the server samples itself
 * (bench/lib/memory-sampler.mjs) and bench/lib/memory-trend.ts judges flat or rising.
 * Writes bench/RESULTS-server.md.
 * A session ends at its deadline (`PARLEY_BENCH_ROUNDS`, default 100 rounds) and the bench
 * opens a new one in its place, so that 100 sessions are live at any time, as on a server
 * that runs for long; `PARLEY_BENCH_ROUNDS=0` keeps the first 100 sessions going for good.
 * `PARLEY_BENCH_SECONDS` sets the measured time per database (default 20; the memory goal
 * is stated for 600), `PARLEY_BENCH_DATABASES` which to run (`sqlite,postgres`),
 * `PARLEY_BENCH_SERVER_FLAGS` node flags for the server (e.g. `--cpu-prof`),
 * `PARLEY_BENCH_BIN` another build's bin/parley.js to serve (A/B comparisons),
 * `PARLEY_BENCH_MEMORY_SAMPLES` a file to keep the server's memory samples in. Run with
 * `npm run bench -- server`.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type WebSocket from 'ws';
import { startPostgres } from '../test/support/postgres.js';
import { hostProbeLine, probeHost } from './lib/host-probe.js';
import { fsyncCost, procStat } from './lib/proc-probes.js';
import { describeMachine, machineLines } from './lib/machine.js';
import { client, type Latencies } from './lib/seat-client.js';
import { post, startServed, type Served } from './lib/served-process.js';
import {
  FLAT_HEAP_MIB_PER_MIN,
  MIN_JUDGED_SECONDS,
  memoryTrend,
  type MemoryLine,
  type MemoryTrend,
} from './lib/memory-trend.js';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const SECONDS = Number(process.env.PARLEY_BENCH_SECONDS ?? 20);
const SESSIONS = Number(process.env.PARLEY_BENCH_SESSIONS ?? 100);
/** Each session's deadline in rounds; 0: no deadline the run can reach (the sessions never end). */
const ROUNDS = Number(process.env.PARLEY_BENCH_ROUNDS ?? 100);
/** How the sessions' ends fall: `spread` evenly (the default) or `together` (see `firstDeadline`). */
const CHURN = process.env.PARLEY_BENCH_CHURN === 'together' ? 'together' : 'spread';
/** Extra node flags for the server process, e.g. `--cpu-prof` to see where its time goes. */
const SERVER_FLAGS = (process.env.PARLEY_BENCH_SERVER_FLAGS ?? '').split(' ').filter(Boolean);
/** The `parley` entry that serves: this checkout's, or another build's to compare two versions on one load. */
const SERVER_BIN = process.env.PARLEY_BENCH_BIN ?? join(ROOT, 'bin', 'parley.js');
/** `sqlite`, `postgres` or both (default). */
const DATABASES = (process.env.PARLEY_BENCH_DATABASES ?? 'sqlite,postgres').split(',');
/**
 * The paced runs' offered loads (actions/s in all), the goals' rates: a latency goal is stated at
 * a rate, and a closed loop at full speed measures the queue its own 100 outstanding actions make.
 */
const PACED_RATES: Record<string, number> = {
  sqlite: Number(process.env.PARLEY_BENCH_SQLITE_RATE ?? 5_000),
  postgres: Number(process.env.PARLEY_BENCH_POSTGRES_RATE ?? 2_000),
};
/** Measured time of each paced run (default: as long as the full-speed run, at most 120 s); 0 skips them. */
const PACED_SECONDS = Number(process.env.PARLEY_BENCH_PACED_SECONDS ?? Math.min(SECONDS, 120));
/** A list of rates (actions/s) from the environment, e.g. `2000,3000`; empty for none. */
const ratesFrom = (text: string): number[] => text.split(',').filter(Boolean).map(Number);
/**
 * Lower offered loads for the latency curve, each paced like the goal's run: where the p99
 * goal holds tells more than whether it holds at one rate on a machine whose speed drifts.
 */
const CURVE_RATES: Record<string, number[]> = {
  sqlite: ratesFrom(process.env.PARLEY_BENCH_SQLITE_CURVE ?? '2000,3000,4000'),
  postgres: ratesFrom(process.env.PARLEY_BENCH_POSTGRES_CURVE ?? '1000,1500'),
};
/** Measured time of each run of the curve (default: as long as the paced run, at most 30 s); 0 skips them. */
const CURVE_SECONDS = Number(process.env.PARLEY_BENCH_CURVE_SECONDS ?? Math.min(PACED_SECONDS, 30));
/** How long the floor (bench/lib/floor-server.ts) runs at SQLite's goal rate, before SQLite; 0 skips it. */
const FLOOR_SECONDS = Number(process.env.PARLEY_BENCH_FLOOR_SECONDS ?? CURVE_SECONDS);
const FLOOR_LABEL = "Floor: transport and a group-committed, fdatasync'd append only";
/**
 * The floor again with busy work per action, for each `MAIN/COMMIT` pair of µs in
 * `PARLEY_BENCH_FLOOR_WORK` (e.g. `60/40,30/20`; none by default): how much work, spread
 * evenly, the machine affords at the goal's rate.
 */
const FLOOR_WORK = (process.env.PARLEY_BENCH_FLOOR_WORK ?? '')
  .split(',')
  .filter(Boolean)
  .map((pair) => {
    if (!/^\d+\/\d+$/.test(pair))
      throw new Error(`PARLEY_BENCH_FLOOR_WORK: "${pair}" is not MAIN/COMMIT µs, e.g. 60/40`);
    return pair;
  });
/** How often the server samples its memory (ms): every 2 s, or every 5 s in runs of 5 minutes and more. */
const MEMORY_EVERY_MS = SECONDS >= 300 ? 5_000 : 2_000;

interface Measure {
  readonly database: string;
  /** The offered load of a paced run (actions/s in all); null when every seat acts as soon as it has the move. */
  readonly rate: number | null;
  readonly actions: number;
  readonly seconds: number;
  /** From send to acknowledgement, ms. */
  readonly p50: number;
  readonly p99: number;
  readonly p999: number;
  /** From when the action was due to its acknowledgement, ms: counts the wait of an action due while its session's previous one was still unanswered. */
  readonly dueP99: number;
  readonly cpu: number;
  /** CPU of the server's main thread (the event loop: everything but the SQLite writer), as a share of one core. */
  readonly mainCpu: number;
  /** The part of `mainCpu` spent in the kernel (socket reads and writes, on loopback both ends' TCP work). */
  readonly mainSystem: number;
  /** CPU of this process (the 200 clients), as a share of one core. */
  readonly clientCpu: number;
  readonly rss: readonly number[];
  readonly memory: MemoryTrend;
  /** Sessions that reached their deadline during the measured time (each replaced by a new one). */
  readonly ended: number;
}

/** The `q` quantile of some times (sorts them). */
function quantile(times: number[], q: number): number {
  times.sort((a, b) => a - b);
  return times[Math.min(times.length - 1, Math.floor(q * times.length))] ?? NaN;
}

/**
 * The deadline of the `i`th of the first sessions. Spread (the default): the first sessions end
 * one after another over one lifetime (1 to `ROUNDS` rounds), so that sessions end and new ones
 * open evenly, as on a server that has run for long; their replacements all run `ROUNDS`
 * rounds. Together (`PARLEY_BENCH_CHURN=together`): all run `ROUNDS` and, started at once,
 * end at about the same time, so that every lifetime the whole load is replaced at once.
 */
function firstDeadline(i: number): number {
  if (ROUNDS <= 0 || CHURN === 'together') return ROUNDS;
  return Math.max(1, Math.round((ROUNDS * (i + 1)) / SESSIONS));
}

/** One run on a fresh server: as fast as the clients can go (`rate` null) or paced at `rate` actions per second in all. */
async function measure(
  label: string,
  database: string,
  rate: number | null,
  seconds: number,
  served: Served = 'parley',
): Promise<Measure> {
  const cwd = mkdtempSync(join(tmpdir(), 'parley-bench-server-'));
  const samples = join(cwd, 'memory.jsonl');
  const server = await startServed(served, {
    bin: SERVER_BIN,
    nodeFlags: SERVER_FLAGS,
    database,
    cwd,
    samples,
    memoryEveryMs: MEMORY_EVERY_MS,
  });
  try {
    const open = (seed: number, rounds = ROUNDS) =>
      post(server.port, server.admin, '/sessions', {
        scenario: 'anac/2010/ItexvsCypress',
        rounds: rounds > 0 ? rounds : 1_000_000,
        seed,
      });
    const first = await open(1, firstDeadline(0));
    const info = await (
      await fetch(`http://127.0.0.1:${server.port}/sessions/${first.id}`, {
        headers: { authorization: `Bearer ${first.seats[0].token}` },
      })
    ).json();
    const latencies: Latencies = { sent: [], due: [] };
    let running = true;
    let seeds = 1;
    let ended = 0;
    const sockets = new Set<WebSocket>();
    /** Plays a session's two seats; when it ends, a new session takes its place. */
    const play = (s: { id: string; seats: { role: string; token: string }[] }) => {
      if (!running) return;
      let over = 0;
      // Each session starts at a random point of its period, so that the sessions' actions spread out evenly.
      const period = rate === null ? 0 : (SESSIONS / rate) * 1000;
      const pace = rate === null ? null : { nextAt: performance.now() + Math.random() * period, period };
      for (const x of s.seats.filter((seat) => seat.role !== 'convenor')) {
        const socket = client(
          server.port,
          s.id,
          x.role,
          x.token,
          info.domain.issues,
          latencies,
          pace,
          () => running,
          () => {
            sockets.delete(socket);
            if (++over > 1 || !running) return;
            ended++;
            void open(++seeds).then(play, (e: unknown) => console.error('bench: could not open a session', e));
          },
        );
        sockets.add(socket);
      }
    };
    play(first);
    for (let i = 1; i < SESSIONS; i++) play(await open(++seeds, firstDeadline(i)));
    await new Promise((r) => setTimeout(r, 2_000)); // warm-up
    latencies.sent.length = 0;
    latencies.due.length = 0;
    ended = 0;
    const start = procStat(server.child.pid!);
    const clientStart = process.cpuUsage();
    const t0 = performance.now();
    const loopDelay = monitorEventLoopDelay({ resolution: 1 });
    loopDelay.enable();
    const rss: number[] = [];
    let lastReport = t0;
    for (let s = 0; s < seconds; s++) {
      await new Promise((r) => setTimeout(r, 1_000));
      rss.push(procStat(server.child.pid!).rss);
      if (performance.now() - lastReport >= 60_000) {
        lastReport = performance.now();
        const minutes = (lastReport - t0) / 60_000;
        console.error(
          `server bench ${label}: ${minutes.toFixed(0)} min, ${(latencies.sent.length / (minutes * 60)).toFixed(0)} actions/s, RSS ${rss.at(-1)?.toFixed(0)} MiB`,
        );
      }
    }
    const measured = (performance.now() - t0) / 1000;
    const done = latencies.sent.slice();
    const due = latencies.due.slice();
    const end = procStat(server.child.pid!);
    const clientUsed = process.cpuUsage(clientStart);
    loopDelay.disable();
    console.error(
      `client event loop delay: p50 ${(loopDelay.percentile(50) / 1e6).toFixed(1)} ms, p99 ${(loopDelay.percentile(99) / 1e6).toFixed(1)} ms, max ${(loopDelay.max / 1e6).toFixed(1)} ms`,
    );
    running = false;
    // A replacement session's client may still be connecting: closing it then is expected, not an error.
    for (const socket of sockets) socket.on('error', () => {}).close();
    const m = {
      database: label,
      rate,
      actions: done.length,
      seconds: measured,
      p50: quantile(done, 0.5),
      p99: quantile(done, 0.99),
      p999: quantile(done, 0.999),
      dueP99: quantile(due, 0.99),
      cpu: (end.cpu - start.cpu) / measured,
      mainCpu: (end.mainCpu - start.mainCpu) / measured,
      mainSystem: (end.mainSystem - start.mainSystem) / measured,
      clientCpu: (clientUsed.user + clientUsed.system) / 1e6 / measured,
      rss,
      memory: memoryTrend(readSamples(samples), t0 - server.spawnedAt, measured),
      ended,
    };
    const perAction = (share: number) => ((share * measured) / Math.max(1, m.actions)) * 1e6;
    console.error(
      `server bench ${label}: ${(m.actions / measured).toFixed(0)} actions/s, p50 ${m.p50.toFixed(1)} ms, p99 ${m.p99.toFixed(1)} ms, server CPU ${perAction(m.cpu).toFixed(0)} µs/action (main thread ${perAction(m.mainCpu).toFixed(0)}, of which kernel ${perAction(m.mainSystem).toFixed(0)}), heap ${m.memory.heapStartMiB.toFixed(0)} → ${m.memory.heapPeakMiB.toFixed(0)} → ${m.memory.heapEndMiB.toFixed(0)} MiB, slope ${m.memory.heapSlopeMiBPerMin.toFixed(2)} MiB/min (${m.memory.basis}${m.memory.afterFullGcMiB ? `: ${m.memory.afterFullGcMiB.map((x) => x.toFixed(0)).join(' → ')} MiB` : ''}), RSS ${m.memory.rssStartMiB.toFixed(0)} → ${m.memory.rssPeakMiB.toFixed(0)} → ${m.memory.rssEndMiB.toFixed(0)} MiB, ${ended} sessions ended`,
    );
    return m;
  } finally {
    server.child.kill('SIGTERM');
    await new Promise((r) => server.child.once('exit', r));
    // `PARLEY_BENCH_MEMORY_SAMPLES=<file>` keeps the server's memory samples (JSON lines) for a closer look.
    if (process.env.PARLEY_BENCH_MEMORY_SAMPLES && existsSync(samples))
      writeFileSync(process.env.PARLEY_BENCH_MEMORY_SAMPLES, readFileSync(samples));
    rmSync(cwd, { recursive: true, force: true });
  }
}

function readSamples(file: string): MemoryLine[] {
  if (!existsSync(file)) return [];
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as MemoryLine);
}

const load = loadavg()[0]!;
const fsync = fsyncCost();
const host = await probeHost();
const results: Measure[] = [];
/** The paced runs: at the goal's rate (`goal`) and the curve's lower rates. */
const paced: (Measure & { readonly goal: boolean })[] = [];
/** The full-speed run on a fresh server, then the paced run at the goal's rate, then the curve's lower rates, each on another. */
async function runBoth(label: string, kind: string, database: () => Promise<string>) {
  results.push(await measure(label, await database(), null, SECONDS));
  const runs: (typeof paced)[number][] = [];
  if (PACED_SECONDS > 0)
    runs.push({ ...(await measure(label, await database(), PACED_RATES[kind]!, PACED_SECONDS)), goal: true });
  if (CURVE_SECONDS > 0)
    for (const rate of CURVE_RATES[kind]!)
      runs.push({ ...(await measure(label, await database(), rate, CURVE_SECONDS)), goal: false });
  // The table lists a database's paced runs from the highest rate down.
  paced.push(...runs.sort((a, b) => b.rate! - a.rate!));
}
/** The floor's paced run, at SQLite's goal rate: what this machine gives before parley does any work of its own. */
const floor: Measure[] = [];
if (DATABASES.includes('sqlite') && FLOOR_SECONDS > 0)
  for (const work of ['0/0', ...FLOOR_WORK]) {
    const [main, commit] = work.split('/');
    const label =
      work === '0/0'
        ? FLOOR_LABEL
        : `Floor + busy work per action: ${main} µs on the event loop, ${commit} µs in the commit thread`;
    floor.push(await measure(label, 'floor.log', PACED_RATES.sqlite!, FLOOR_SECONDS, { floorWork: work }));
  }
if (DATABASES.includes('sqlite')) await runBoth('SQLite (WAL, synchronous=FULL)', 'sqlite', async () => 'parley.db');
if (DATABASES.includes('postgres')) {
  const pg = await startPostgres();
  let n = 0;
  try {
    await runBoth('PostgreSQL 15 (fsync on)', 'postgres', () => pg.database(`bench${++n}`));
  } finally {
    await pg.stop();
  }
}

const µsPerAction = (m: Measure, share: number) => ((share * m.seconds) / Math.max(1, m.actions)) * 1e6;
const row = (m: Measure) =>
  `| ${m.database} | ${(m.actions / m.seconds).toFixed(0)} | ${m.p50.toFixed(1)} | ${m.p99.toFixed(1)} | ${(m.cpu * 100).toFixed(0)} % | ${µsPerAction(m, m.cpu).toFixed(0)} / ${µsPerAction(m, m.mainCpu).toFixed(0)} (${µsPerAction(m, m.mainSystem).toFixed(0)}) | ${(m.clientCpu * 100).toFixed(0)} % | ${m.ended} |`;
const pacedRow = (m: (typeof paced)[number]) =>
  `| ${m.database} | ${m.rate}${m.goal ? ' (goal)' : ''} | ${m.seconds.toFixed(0)} | ${(m.actions / m.seconds).toFixed(0)} | ${m.p50.toFixed(1)} | ${m.p99.toFixed(1)} | ${m.p999.toFixed(1)} | ${m.dueP99.toFixed(1)} | ${(m.cpu * 100).toFixed(0)} % | ${µsPerAction(m, m.cpu).toFixed(0)} / ${µsPerAction(m, m.mainCpu).toFixed(0)} |`;
const pacedLines =
  paced.length + floor.length
    ? [
        `**At the goals' rates, and below.** A latency goal holds at a rate: here each session's actions are paced, one every ${SESSIONS} ÷ rate seconds (20 ms at 5,000 actions/s), from a random start, whichever seat has the move; the seat sends when its action is due, or at once if it got the move later. The goal's rate for each database (SQLite 5,000, PostgreSQL 2,000 actions/s; \`PARLEY_BENCH_SQLITE_RATE\`, \`PARLEY_BENCH_POSTGRES_RATE\`) is measured for ${PACED_SECONDS} s, then the lower rates of the latency curve (SQLite ${CURVE_RATES.sqlite!.join(', ') || 'none'}, PostgreSQL ${CURVE_RATES.postgres!.join(', ') || 'none'}; \`PARLEY_BENCH_SQLITE_CURVE\`, \`PARLEY_BENCH_POSTGRES_CURVE\`) for ${CURVE_SECONDS} s each (\`PARLEY_BENCH_CURVE_SECONDS\`, 0 skips them), each on a fresh server after the same warm-up. Latency is from send to acknowledgement; the column "from when due" counts from the time the action was due instead, so that an action held up because its session's previous one was answered late is charged the wait (no coordinated omission).`,
        '',
        '| Database | Offered actions/s | Measured s | Actions/s | p50 ms | p99 ms | p99.9 ms | p99 from when due, ms | Server CPU | Server CPU µs per action (all / main thread) |',
        '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
        ...paced.map(pacedRow),
        ...floor.map((m) => pacedRow({ ...m, goal: false })),
        '',
        ...(floor.length
          ? [
              `**The floor** (the last rows; \`PARLEY_BENCH_FLOOR_SECONDS\`, default the curve's time, 0 skips it) is the same load, clients and measure against bench/lib/floor-server.ts instead of \`parley serve\`: a stand-in that frames and sends the same stream messages with the same one-write framing and acknowledges an action once its lines are appended to a file and fdatasync'd by a thread that commits every session's waiting actions together. It has no protocol, no checks, no visibility, no hash chain, no SQLite and no HTTP framework, so its latency is what this machine gives a durable WebSocket server at the goal's rate before parley's own work; the machine's share of a p99 above the goal is its row's.${FLOOR_WORK.length ? ` The rows "Floor + busy work" (\`PARLEY_BENCH_FLOOR_WORK\`, pairs of µs per action, e.g. \`60/40\`) make the floor busy for that long per action, spread evenly: on the event loop as each action is taken in, and in the commit thread with each group (by the clock, so the last column gives what the work cost). With that column near parley's, such a row says whether the machine affords parley's amount of work at this rate when none of it comes in bursts.` : ''}`,
              '',
            ]
          : []),
      ]
    : [];
const mib = (x: number) => x.toFixed(0);
const memoryRow = ({ database, memory: t }: Measure) =>
  `| ${database} | ${mib(t.heapStartMiB)} → ${mib(t.heapPeakMiB)} → ${mib(t.heapEndMiB)} | ${t.afterFullGcMiB ? t.afterFullGcMiB.map(mib).join(' → ') : '–'} | ${t.heapSlopeMiBPerMin.toFixed(2)} (${t.basis}) | ${mib(t.rssStartMiB)} → ${mib(t.rssPeakMiB)} → ${mib(t.rssEndMiB)} | ${t.rssSlopeMiBPerMin.toFixed(2)} | ${t.flat === null ? `not judged (under ${MIN_JUDGED_SECONDS} s)` : t.flat ? 'flat' : 'rising'} |`;
const lines = [
  '## Server: durable actions with 200 WebSocket clients',
  '',
  `${SESSIONS} SAOP sessions (ANAC 2010 ItexvsCypress), two client seats each (${SESSIONS * 2} WebSocket clients in a separate process), one action per message, rate limiter on; ${ROUNDS > 0 ? `each session ends at its deadline of ${ROUNDS} rounds and a new one takes its place (${SESSIONS} live at any time; ${CHURN === 'spread' ? `the first ${SESSIONS} sessions' deadlines are spread from 1 to ${ROUNDS} rounds, so that sessions end and open one at a time` : `all started together, so that all are replaced at about the same time, every lifetime`})` : 'no session reaches its deadline'}; ${SECONDS} s measured per database after a 2 s warm-up. **At full speed** every seat offers as soon as it has the move: each session always has one action outstanding, so about ${SESSIONS} are in flight and the time to acknowledgement is mostly the wait behind them (Little's law: about ${SESSIONS} ÷ actions per second). An action is acknowledged once committed; the actions of all sessions that arrive while a transaction commits share the next one (group commit). Server CPU counts all its threads, as a share of one core; per action, it is given for all threads / the main thread (the event loop; on SQLite the commits and their fsync run in a writer thread). Client CPU is the 200 clients' process. Goal on a 2-core machine: ≥ 5,000 actions/s with p99 ≤ 20 ms on SQLite, ≥ 2,000 actions/s on PostgreSQL, memory flat over 600 s.`,
  '',
  '| Database | Actions/s | p50 ms | p99 ms | Server CPU | Server CPU µs per action (all / main thread (kernel)) | Client CPU | Sessions ended and replaced |',
  '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
  ...results.map(row),
  '',
  ...pacedLines,
  `Memory of the server over the measured ${SECONDS} s (sampled inside it every ${MEMORY_EVERY_MS / 1000} s, MiB, first → peak → last): the heap in use saw-tooths between collections, so its trend is the least-squares slope of the heap in use right after each full (mark-sweep) collection, which is what the server really holds, after a warm-up of ${results[0]?.memory.warmupSeconds.toFixed(0) ?? '–'} s (a third of the run, at most 2 minutes; a run with fewer than 3 full collections after it falls back on the heap's floor, the lowest sample of each 30 s window). **Flat** means that the heap rises by less than ${FLAT_HEAP_MIB_PER_MIN} MiB per minute by that slope; a run under ${MIN_JUDGED_SECONDS} s is not judged (the heap is still filling up to its working size). RSS follows the heap V8 reserves, which it grows and gives back lazily, so it is reported, not judged. The goal's run: \`PARLEY_BENCH_SECONDS=600 PARLEY_BENCH_DATABASES=sqlite npm run bench -- server\` (about 15 minutes with its paced runs; without \`PARLEY_BENCH_DATABASES\` PostgreSQL follows for as long).`,
  '',
  '| Database | Heap used MiB | Heap after full collections MiB (first → last after warm-up) | Heap slope MiB/min | RSS MiB | RSS slope MiB/min | Verdict |',
  '| --- | ---: | ---: | ---: | ---: | ---: | --- |',
  ...results.map(memoryRow),
  '',
  `- Disk: a 4 KiB write with fdatasync takes ${fsync.toFixed(2)} ms (median), so one commit per action would allow at most ${Math.floor(1000 / fsync)} actions/s.`,
  `- Load average when the benchmark started: ${load.toFixed(2)} (figures taken beside other work are low).`,
  hostProbeLine(host),
  '- An ended session leaves the server as soon as its clients closed, and the sessions live at once are bounded, so what the server holds is bounded; RSS may still rise for a while as V8 grows its heap lazily. `PARLEY_BENCH_SERVER_FLAGS=--max-old-space-size=80` caps the heap to check that nothing accumulates.',
  ...machineLines(describeMachine()),
  '',
];
writeFileSync(join(ROOT, 'bench', 'RESULTS-server.md'), lines.join('\n'));
console.error('bench: wrote bench/RESULTS-server.md');
