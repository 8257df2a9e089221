/**
 * Multi-party frontier benchmark on seeded synthetic domains (bench/lib/synthetic.ts): 3, 4,
 * 5 and 6 parties with random and opposed preferences, 10 values per issue, from 10^4 to
 * 10^12 outcomes; the 5-party 240,000-outcome case warm; and how closely the time limit
 * holds, for the frontier and for the two-party zone count. Writes bench/RESULTS-multiparty.md.
 *
 * Environment: PARLEY_BENCH_TIME_LIMIT (seconds per case, default 60) and
 * PARLEY_BENCH_MAX_EXPONENT (largest 10^k outcomes, default 12). Once a series turns
 * inexact, its larger cases are skipped (they could only be inexact too).
 */
import { writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { paretoFrontier, zopa } from '../src/analysis/index.js';
import type { Scenario } from '../src/core/scenario.js';
import { describeMachine, machineLines } from './lib/machine.js';
import { syntheticScenario, type Preferences } from './lib/synthetic.js';
import { warmSeconds } from './lib/timing.js';

const TIME_LIMIT = Number(process.env.PARLEY_BENCH_TIME_LIMIT ?? 60);
const MAX_EXPONENT = Number(process.env.PARLEY_BENCH_MAX_EXPONENT ?? 12);
const EXPONENTS = [4, 6, 8, 10, 12].filter((e) => e <= MAX_EXPONENT);
const PARTIES = [3, 4, 5, 6];
const PREFERENCES: readonly Preferences[] = ['random', 'opposed'];
const SEED = 2024;

interface Timed {
  readonly seconds: number;
  readonly cpu: number;
  readonly points: number;
  readonly exact: boolean;
}

function timedFrontier(scenario: Scenario, timeLimit: number): Timed {
  const wall = performance.now();
  const cpu = process.cpuUsage();
  const result = paretoFrontier(scenario, { timeLimit });
  const used = process.cpuUsage(cpu);
  return {
    seconds: (performance.now() - wall) / 1000,
    cpu: (used.user + used.system) / 1e6,
    points: result.frontier.length,
    exact: result.exact,
  };
}

const fmt = (x: number) => (x < 0.01 ? x.toFixed(4) : x < 1 ? x.toFixed(3) : x.toFixed(2));

function series(parties: number, preferences: Preferences): string[] {
  const rows: string[] = [];
  let inexact = false;
  for (const e of EXPONENTS) {
    if (inexact) {
      rows.push(`| ${parties} | ${preferences} | 10^${e} | | | skipped (a smaller case was inexact) | |`);
      continue;
    }
    const scenario = syntheticScenario({ parties, sizes: Array(e).fill(10), preferences, seed: SEED });
    const r = timedFrontier(scenario, TIME_LIMIT);
    inexact = !r.exact;
    rows.push(
      `| ${parties} | ${preferences} | 10^${e} | ${fmt(r.seconds)} | ${fmt(r.cpu)} | ${r.exact ? 'yes' : 'no'} | ${r.points} |`,
    );
    console.error(
      `${parties} parties, ${preferences}, 10^${e}: ${r.points} points, exact ${r.exact}, ${fmt(r.seconds)} s`,
    );
  }
  return rows;
}

/** The 5-party, 240,000-outcome case of the goal (issues of 10, 10, 10, 6, 5 and 8 values). */
function fivePartyGoal(): string[] {
  return PREFERENCES.map((preferences) => {
    const scenario = syntheticScenario({ parties: 5, sizes: [10, 10, 10, 6, 5, 8], preferences, seed: SEED });
    let points = 0;
    let exact = false;
    const warm = warmSeconds(() => {
      const r = paretoFrontier(scenario, { timeLimit: TIME_LIMIT });
      points = r.frontier.length;
      exact = r.exact;
    });
    console.error(`5 parties, 240,000 outcomes, ${preferences}: ${points} points, warm ${fmt(warm)} s`);
    return `| ${preferences} | ${fmt(warm)} | ${exact ? 'yes' : 'no'} | ${points} |`;
  });
}

/** Cases that would run far longer than the limit: how long they really take. */
function limitHolds(): string[] {
  const limits = [1, 5];
  const frontier = limits.map((limit) => {
    const scenario = syntheticScenario({ parties: 6, sizes: Array(12).fill(10), preferences: 'random', seed: SEED });
    const r = timedFrontier(scenario, limit);
    return `| frontier, 6 parties, 10^12 | ${limit} | ${fmt(r.seconds)} | ${r.exact ? 'exact' : 'inexact'}, ${r.points} points |`;
  });
  const zone = limits.map((limit) => {
    const shape = { parties: 2, sizes: Array(12).fill(10), preferences: 'random' as const, seed: SEED };
    const scenario = syntheticScenario({ ...shape, reservation: 0.5 });
    const wall = performance.now();
    const z = zopa(scenario, { timeLimit: limit });
    const took = (performance.now() - wall) / 1000;
    const what = z.size !== null ? `counted: ${z.size}` : `estimated: ${z.estimate}`;
    return `| zone count, 2 parties, 10^12, reservations 0.5 | ${limit} | ${fmt(took)} | ${what} |`;
  });
  return [...frontier, ...zone];
}

const goal = fivePartyGoal();
const limits = limitHolds();
const grid = PARTIES.flatMap((p) => PREFERENCES.flatMap((pref) => series(p, pref)));

const lines = [
  '## Multi-party frontiers',
  '',
  ...machineLines(describeMachine()),
  '',
  'Seeded synthetic domains (`bench/lib/synthetic.ts`, seed 2024): independent additive profiles,',
  'weights uniform then normalised; "random": value scores uniform in [0, 1]; "opposed": on each',
  'issue every party scores the values with its own permutation of one shared list. Goals: the',
  '5-party 240,000-outcome case under 0.5 s warm; exact for 5 parties up to 10^10 and 6 parties up',
  `to 10^8. Time limit ${TIME_LIMIT} s per case; once a series turns inexact its larger cases are skipped.`,
  `1-minute load average when the run ended: ${loadavg()[0]?.toFixed(2)}.`,
  '',
  '### 5 parties, 240,000 outcomes (issues of 10, 10, 10, 6, 5, 8 values), warm',
  '',
  '| Preferences | Warm (s) | Exact | Frontier points |',
  '| --- | ---: | --- | ---: |',
  ...goal,
  '',
  '### The time limit holds',
  '',
  '| Case | Limit (s) | Took (s) | Result |',
  '| --- | ---: | ---: | --- |',
  ...limits,
  '',
  '### 3 to 6 parties, 10^4 to 10^12 outcomes',
  '',
  '| Parties | Preferences | Outcomes | Wall (s) | CPU (s) | Exact | Frontier points |',
  '| ---: | --- | ---: | ---: | ---: | --- | ---: |',
  ...grid,
  '',
];
writeFileSync(new URL('./RESULTS-multiparty.md', import.meta.url), lines.join('\n'));
console.error('wrote bench/RESULTS-multiparty.md');
