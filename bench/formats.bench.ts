/**
 * Reading benchmark: how validation grows with the size of a GENIUS domain and profile, to
 * show it is linear (it was quadratic: 100,000 discrete values took 46 s). A domain with one
 * discrete issue of N values and a small integer issue, two profiles scoring every value,
 * read with `validateInput` in this process; and how long a 50 MB unclosed XML file takes
 * to be refused. Writes bench/RESULTS-formats.md. Run with `npx tsx bench/formats.bench.ts`,
 * or `npx tsx bench/formats.bench.ts small` for the two smallest sizes only.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { validateInput } from '../src/formats/validate.js';
import { describeMachine, machineLines } from './lib/machine.js';

const SIZES = process.argv.includes('small') ? [1_000, 10_000] : [1_000, 10_000, 100_000];

function writeDomain(dir: string, n: number): void {
  mkdirSync(dir, { recursive: true });
  const items: string[] = [];
  for (let i = 0; i < n; i++) items.push(`<item index="${i + 1}" value="v${i}"/>`);
  writeFileSync(
    join(dir, 'domain.xml'),
    `<negotiation_template><utility_space><objective index="0" name="r"><issue index="1" name="a" type="discrete">${items.join('\n')}</issue><issue index="2" name="b" type="integer" lowerbound="0" upperbound="10"/></objective></utility_space></negotiation_template>`,
  );
  for (const [p, shift] of [
    ['p1', 3],
    ['p2', 11],
  ] as const) {
    const evals: string[] = [];
    for (let i = 0; i < n; i++) evals.push(`<item value="v${i}" evaluation="${(i * 7919 + shift) % 1000}"/>`);
    writeFileSync(
      join(dir, `${p}.xml`),
      `<utility_space><objective index="0"><issue index="1" type="discrete">${evals.join('\n')}</issue><issue index="2" type="integer" lowerbound="0" upperbound="10"><evaluator ftype="linear" slope="0.1" offset="0"/></issue><weight index="1" value="0.5"/><weight index="2" value="0.5"/></objective></utility_space>`,
    );
  }
}

function seconds(run: () => void): number {
  const started = performance.now();
  run();
  return (performance.now() - started) / 1000;
}

const root = mkdtempSync(join(tmpdir(), 'parley-bench-formats-'));
const rows: string[] = [];
try {
  validateInput(['anac/2011/Laptop']); // warm-up
  for (const n of SIZES) {
    const dir = join(root, `d${n}`);
    writeDomain(dir, n);
    const s = seconds(() => validateInput([dir]));
    rows.push(`| ${n.toLocaleString('en-US')} | ${s.toFixed(3)} | ${((s / n) * 1e6).toFixed(2)} |`);
  }
  const huge = join(root, 'unclosed.xml');
  writeFileSync(
    huge,
    '<?xml version="1.0"?>\n<utility_space>\n<objective index="0">' +
      '<item value="x" evaluation="1"/>\n'.repeat(1_500_000),
  );
  const refused = seconds(() => {
    try {
      validateInput([join('scenarios/genius/anac/y2011/Laptop/laptop_domain.xml'), huge]);
    } catch {
      // refused, as expected: the time to refuse is what is measured
    }
  });
  const text = [
    '## Formats: reading GENIUS files',
    '',
    ...machineLines(describeMachine()),
    '',
    'One discrete issue of N values (plus an integer issue 0..10), two profiles scoring every value; `validateInput` on the folder, in one process after a warm-up. Linear reading shows as a steady time per value.',
    '',
    '| Discrete values | Validate (s) | µs per value |',
    '| ---: | ---: | ---: |',
    ...rows,
    '',
    `A 50 MB profile that never closes its root (1,500,000 items) is refused with a positioned error in ${refused.toFixed(2)} s.`,
    '',
  ].join('\n');
  writeFileSync(new URL('./RESULTS-formats.md', import.meta.url), text);
  console.log(text);
} finally {
  rmSync(root, { recursive: true, force: true });
}
