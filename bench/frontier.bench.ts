/**
 * Frontier benchmark: every built-in ANAC domain (2010–2013 and 2014), cold (a new process,
 * reading included) and warm (in-process after a warm-up, median of several runs). Writes
 * bench/RESULTS-frontier.md. Run with `npx tsx bench/frontier.bench.ts [name-filter]`.
 */
import { writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { analyze, paretoFrontier } from '../src/analysis/index.js';
import { outcomeCount } from '../src/core/domain.js';
import { anacDomains, loadAnac } from '../test/support/anac.js';
import { describeMachine, machineLines } from './lib/machine.js';
import { coldRun, seconds, warmSeconds } from './lib/timing.js';

interface Row {
  domain: string;
  outcomes: bigint;
  points: number;
  exact: boolean;
  cold: number;
  /** Inside the cold process: module loading, reading and frontier, without Node's start-up. */
  coldInside: number;
  warm: number;
  analyze: number | null;
}

const TIME_LIMIT = 60;
const filter = process.argv[2] ?? '';
const coldScript = new URL('./frontier-cold.ts', import.meta.url).pathname;

function measure(domain: string, withAnalysis: boolean): Row {
  const cold = coldRun(coldScript, [domain, String(TIME_LIMIT)]);
  const scenario = loadAnac(domain);
  let result = paretoFrontier(scenario, { timeLimit: TIME_LIMIT });
  const warm = warmSeconds(() => {
    result = paretoFrontier(scenario, { timeLimit: TIME_LIMIT });
  });
  const analysis = withAnalysis ? warmSeconds(() => analyze(scenario, { timeLimit: TIME_LIMIT })) : null;
  const coldInside = (cold.output as { sinceStart: number }).sinceStart;
  const row = {
    domain,
    outcomes: outcomeCount(scenario.domain),
    points: result.frontier.length,
    exact: result.exact,
    cold: cold.seconds,
    coldInside,
    warm,
    analyze: analysis,
  };
  console.error(
    `${domain}: ${row.points} points, exact ${row.exact}, cold ${row.cold.toFixed(2)} s, warm ${row.warm.toFixed(4)} s`,
  );
  return row;
}

/** All 101 domains read and their frontiers computed in one fresh process. */
function allInOneProcess(domains: readonly string[]): number {
  return seconds(() => {
    for (const d of domains) paretoFrontier(loadAnac(d));
  });
}

const count = (n: bigint) => {
  const digits = n.toString();
  return n >= 10n ** 12n && /^10*$/.test(digits) ? `10^${digits.length - 1}` : n.toLocaleString('en-US');
};
const fmt = (x: number) => (x < 0.01 ? x.toFixed(4) : x < 1 ? x.toFixed(3) : x.toFixed(2));
const table = (rows: readonly Row[], analysis: boolean) => [
  `| Domain | Outcomes | Frontier points | Exact | Cold (s) | Cold, in process (s) | Warm (s) |${analysis ? ' Warm analyze (s) |' : ''}`,
  `| --- | ---: | ---: | --- | ---: | ---: | ---: |${analysis ? ' ---: |' : ''}`,
  ...rows.map(
    (r) =>
      `| ${r.domain} | ${count(r.outcomes)} | ${r.points} | ${r.exact ? 'yes' : 'no'} | ${fmt(r.cold)} | ${fmt(r.coldInside)} | ${fmt(r.warm)} |${analysis ? ` ${fmt(r.analyze ?? 0)} |` : ''}`,
  ),
];

const classic = anacDomains(['y2010', 'y2011', 'y2012', 'y2013']).filter((d) => d.includes(filter));
const recent = anacDomains(['y2014']).filter((d) => d.includes(filter));
const classicRows = classic.map((d) => measure(d, true));
const recentRows = recent.map((d) => measure(d, false));
const sum = (rows: readonly Row[], key: 'warm' | 'cold') => rows.reduce((a, r) => a + r[key], 0);
const together = classic.length > 0 ? allInOneProcess(classic) : 0;
const energy = classicRows.find((r) => r.domain === 'y2011/Energy');
const tenIssues = recentRows.find((r) => r.domain === 'y2014/10issues');

const lines = [
  '## Pareto frontier',
  '',
  ...machineLines(describeMachine()),
  '',
  'Cold: wall-clock of a new process (`node --import tsx bench/frontier-cold.ts <domain>`: start-up, reading the',
  'GENIUS files, frontier); "in process" is the same run timed from inside (from the process\'s time origin to the result, so without spawn and exit). Warm: in-process, after one warm-up run, median of 7 runs (3 when a run takes over',
  '0.2 s, 1 over 2 s). Time limit 60 s; "Exact" says whether the frontier was proven complete.',
  '',
  '### Summary',
  '',
  `- Energy 2011 (390,625 outcomes): ${energy ? `${fmt(energy.warm)} s warm, ${fmt(energy.cold)} s cold` : 'not run'} (target ≤ 0.1 s warm).`,
  `- All ${classicRows.length} ANAC 2010–2013 domains: ${fmt(sum(classicRows, 'warm'))} s warm in total; ${fmt(together)} s to read them and compute every frontier once in one process (target ≤ 2 s).`,
  `- 1-minute load average when the run ended: ${loadavg()[0]!.toFixed(2)} (other work on the machine slows every figure).`,
  `- ANAC 2014 \`10issues\` (10^10 outcomes): ${tenIssues ? `${fmt(tenIssues.warm)} s warm, ${fmt(tenIssues.cold)} s cold, exact: ${tenIssues.exact ? 'yes' : 'no'}` : 'not run'} (target exact ≤ 10 s).`,
  '',
  '### ANAC 2014 (hyper-rectangle profiles)',
  '',
  ...table(recentRows, false),
  '',
  '### ANAC 2010–2013 (additive profiles)',
  '',
  ...table(classicRows, true),
  '',
];
writeFileSync(new URL('./RESULTS-frontier.md', import.meta.url), lines.join('\n'));
console.error('wrote bench/RESULTS-frontier.md');
