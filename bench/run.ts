/**
 * `npm run bench`: runs every benchmark in its own process (so cold timings are cold and
 * one benchmark's warm caches do not help another), then gathers their sections into
 * bench/RESULTS.md with the date and the machine.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
// Every `bench/<name>.bench.ts` is a benchmark that writes its section to `bench/RESULTS-<name>.md`.
const benches = readdirSync(here)
  .filter((f) => f.endsWith('.bench.ts'))
  .sort()
  .map((script) => ({ script, section: `RESULTS-${script.slice(0, -'.bench.ts'.length)}.md` }));
const only = process.argv.slice(2);

for (const { script } of benches) {
  if (only.length && !only.some((o) => script.includes(o))) continue;
  if (!existsSync(join(here, script))) continue;
  console.error(`bench: ${script}`);
  execFileSync(process.execPath, ['--import', 'tsx', join(here, script)], { stdio: 'inherit' });
}

const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
const header = [
  '# Benchmark results',
  '',
  `Recorded ${new Date().toISOString().slice(0, 10)} on ${os.cpus().length} × ${cpu}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, ` +
    `${os.type()} ${os.release()}, Node ${process.version}. Regenerate with \`npm run bench\`.`,
  '',
];
const sections = benches
  .map((b) => join(here, b.section))
  .filter((p) => existsSync(p))
  .map((p) => readFileSync(p, 'utf8').trim());
const tmp = join(here, 'RESULTS.md.tmp');
writeFileSync(tmp, [...header, ...sections.map((s) => `${s}\n`)].join('\n'));
renameSync(tmp, join(here, 'RESULTS.md'));
console.error('bench: wrote bench/RESULTS.md');
