/**
 * Start-up benchmark: whole `parley` processes, as a user runs them, timed from outside.
 * For each command: CPU time (user + system, start-up included), wall time and peak memory,
 * the median of several runs after one warm-up (which fills the OS file cache). The built
 * command (bin/parley.js on dist/) is measured, and for comparison the TypeScript sources
 * through tsx, as the command ran before the build. Goal: `--version` and
 * `analyze anac/2011/Laptop --json` within 0.2 s of CPU each. Builds dist/ first if the
 * sources changed. Writes bench/RESULTS-startup.md. Run with `npm run bench -- startup`.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ensureBuilt from '../test/package/ensure-built.js';
import { describeMachine, machineLines } from './lib/machine.js';
import { median } from './lib/timing.js';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const CPU_PROBE = join(ROOT, 'bench', 'lib', 'cpu-usage.mjs');
const GOAL_CPU_S = 0.2;
const RUNS = Number(process.env.PARLEY_BENCH_RUNS ?? 7);
const scratch = mkdtempSync(join(tmpdir(), 'parley-startup-'));

interface Case {
  readonly args: readonly string[];
  readonly goal: boolean;
}

const CASES: readonly Case[] = [
  { args: ['--version'], goal: true },
  { args: ['analyze', 'anac/2011/Laptop', '--json'], goal: true },
  { args: ['analyze', 'anac/2011/Laptop', '--plot', join(scratch, 'frontier.svg')], goal: false },
  { args: ['run', 'anac/2011/Laptop', '--quiet', '--json', '--out', join(scratch, 'run')], goal: false },
];

const WAYS = {
  built: (args: readonly string[]) => [join(ROOT, 'bin', 'parley.js'), ...args],
  'sources through tsx': (args: readonly string[]) => ['--import', 'tsx', join(ROOT, 'src', 'cli', 'main.ts'), ...args],
} as const;

interface Sample {
  readonly cpu: number;
  readonly wall: number;
  readonly rssMiB: number;
}

function once(nodeArgs: readonly string[]): Sample {
  const file = join(scratch, 'usage.json');
  const started = performance.now();
  const child = spawnSync(process.execPath, ['--import', CPU_PROBE, ...nodeArgs], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, PARLEY_CPU_USAGE: file },
    maxBuffer: 1 << 26,
  });
  const wall = (performance.now() - started) / 1000;
  if (child.status !== 0) throw new Error(`parley ${nodeArgs.join(' ')} failed: ${child.stderr.slice(0, 500)}`);
  const usage = JSON.parse(readFileSync(file, 'utf8')) as { user: number; system: number; maxRssKiB: number };
  return { cpu: usage.user + usage.system, wall, rssMiB: usage.maxRssKiB / 1024 };
}

function measure(nodeArgs: readonly string[]): Sample {
  once(nodeArgs);
  const samples = Array.from({ length: RUNS }, () => once(nodeArgs));
  return {
    cpu: median(samples.map((s) => s.cpu)),
    wall: median(samples.map((s) => s.wall)),
    rssMiB: median(samples.map((s) => s.rssMiB)),
  };
}

ensureBuilt();
const machine = describeMachine();
const rows: string[] = [];
for (const c of CASES) {
  for (const [way, argv] of Object.entries(WAYS)) {
    const s = measure(argv(c.args));
    const goal = c.goal && way === 'built' ? `≤ ${GOAL_CPU_S} (${s.cpu <= GOAL_CPU_S ? 'met' : 'not met'})` : '';
    const command = `\`parley ${c.args.map((a) => (a.startsWith(scratch) ? a.replace(scratch, '$TMP') : a)).join(' ')}\``;
    rows.push(
      `| ${command} | ${way} | ${s.cpu.toFixed(3)} | ${goal} | ${s.wall.toFixed(3)} | ${s.rssMiB.toFixed(0)} |`,
    );
    console.error(rows.at(-1));
  }
}

const text = [
  '## Start-up: whole `parley` processes',
  '',
  ...machineLines(machine),
  '',
  `Each command as a new process, timed from outside: CPU time (user + system, Node's start-up included), wall time and peak memory, the median of ${RUNS} runs after one warm-up. "built" is the command as installed (\`bin/parley.js\` on the esbuild bundle in \`dist/\`); "sources through tsx" is how the command ran before the build, for comparison. Goal: \`--version\` and \`analyze anac/2011/Laptop --json\` within ${GOAL_CPU_S} s of CPU each. Regenerate with \`npm run bench -- startup\`.`,
  '',
  '| Command | Runs | CPU (s) | Goal (CPU s) | Wall (s) | Peak memory (MiB) |',
  '| --- | --- | ---: | --- | ---: | ---: |',
  ...rows,
  '',
].join('\n');
writeFileSync(join(ROOT, 'bench', 'RESULTS-startup.md'), text);
console.error('wrote bench/RESULTS-startup.md');
