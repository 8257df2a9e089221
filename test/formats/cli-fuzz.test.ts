import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import { Random } from '../../src/core/random.js';
import { ROOT, tempDir } from './helpers.js';
import type { FuzzCase, FuzzResult } from './support/fuzz-worker.js';

/**
 * Seeded mutations of the shipped domains and scenarios, run through the CLI's own `main`
 * in worker threads with a memory limit: no internal error (exit 3), no party lost, no
 * more than a few kilobytes on stderr, and memory bounded by the workers' limit.
 */

const SEED = 20261130;
const CASES = 320;
const WORKERS = 2;
const HEAP_LIMIT_MB = 768;
const MAX_STDERR = 4096;

interface Source {
  readonly name: string;
  readonly dir: string;
  readonly files: string[];
  /** Analysis of these is quick enough to run on a share of the cases. */
  readonly analyse: boolean;
}

const folder = (name: string, dir: string, analyse: boolean): Source => ({
  name,
  dir,
  files: readdirSync(dir)
    .filter((f) => !/pareto/i.test(f))
    .sort(),
  analyse,
});
const anac = (path: string, analyse = true) => folder(path, join(ROOT, 'scenarios/genius/anac', path), analyse);

const SOURCES: Source[] = [
  anac('y2011/Laptop'),
  anac('y2010/ItexvsCypress'),
  anac('y2012/FitnessA'),
  anac('y2013/Coffee'),
  anac('y2014/10issues', false),
  folder('geniusweb/Party', join(ROOT, 'scenarios/geniusweb/Party'), true),
];
const SCENARIOS = [join(ROOT, 'scenarios/cairo-2024.yaml'), join(ROOT, 'scenarios/examples/three-towns.yaml')];

const JUNK = ['abc', '-5', 'NaN', '1e999', '', '1e308', '0x10', '2.5.1', 'Infinity', '99999999999999999999', 'null'];

type Mutation = (text: string, rng: Random) => string | Buffer;

const pick = <T>(rng: Random, xs: readonly T[]): T => xs[rng.int(xs.length)]!;

function replaceMatch(text: string, rng: Random, pattern: RegExp, by: (m: RegExpMatchArray) => string): string {
  const all = [...text.matchAll(pattern)];
  if (all.length === 0) return text;
  const m = pick(rng, all);
  return text.slice(0, m.index) + by(m) + text.slice(m.index! + m[0].length);
}

const rootAt = (text: string) => text.search(/<(?![?!])/);

const MUTATIONS: Record<string, Mutation> = {
  truncate: (t, rng) => t.slice(0, rng.int(t.length)),
  junkNumber: (t, rng) => replaceMatch(t, rng, /(="|: )(-?[\d.]+)/g, (m) => m[1]! + pick(rng, JUNK)),
  dropAttribute: (t, rng) => replaceMatch(t, rng, /\s[A-Za-z_]+="[^"]*"|"[A-Za-z_]+": ?("[^"]*"|[\d.]+),?/g, () => ''),
  renameTag: (t, rng) =>
    replaceMatch(t, rng, /<\/?([A-Za-z_]+)/g, (m) =>
      m[0].replace(m[1]!, pick(rng, ['item', 'issue', 'weight', 'objective', 'x'])),
    ),
  dropLine: (t, rng) => {
    const lines = t.split('\n');
    lines.splice(rng.int(lines.length), 1);
    return lines.join('\n');
  },
  doctype: (t) => `<!DOCTYPE x [\n<!ENTITY e "v">\n<!ELEMENT x ANY>\n]>\n${t}`,
  namespace: (t) => {
    const at = rootAt(t);
    return at < 0 ? t : `${t.slice(0, at + 1)}ns:${t.slice(at + 1)}`;
  },
  utf16: (t, rng) =>
    rng.int(2) ? Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(t, 'utf16le')]) : Buffer.from(t, 'utf16le'),
  flipBytes: (t, rng) => {
    const b = Buffer.from(t);
    for (let k = 0; k < 3; k++) b[rng.int(b.length)] = rng.int(256);
    return b;
  },
  commentFirst: (t) => `<!-- a comment -->\n${t}`,
  hugeValue: (t, rng) =>
    replaceMatch(t, rng, /(value|name)="[^"]*"|"name": "[^"]*"/g, (m) =>
      m[0].replace(/"[^"]*"$/, `"${'x'.repeat(2_000_000)}"`),
    ),
  deepNesting: (t) => {
    const at = t.indexOf('>', rootAt(t));
    return at < 0 ? t : `${t.slice(0, at + 1)}${'<a>'.repeat(2000)}${'</a>'.repeat(2000)}${t.slice(at + 1)}`;
  },
  duplicateLine: (t, rng) => {
    const lines = t.split('\n');
    const k = rng.int(lines.length);
    lines.splice(k, 0, lines[k]!);
    return lines.join('\n');
  },
  hugeRange: (t, rng) => replaceMatch(t, rng, /(upperbound="|"high": |max: )(\d+)/g, (m) => `${m[1]}1000000000000`),
  hugeWeight: (t, rng) => replaceMatch(t, rng, /(<weight [^>]*value=")([\d.]+)/g, (m) => `${m[1]}1e308`),
  latin1: (t) => Buffer.from(t.replace('UTF-8', 'ISO-8859-1').replace(/value="([^"]*)"/, 'value="$1é"'), 'latin1'),
};

function makeCase(i: number, rng: Random, base: string): { fuzz: FuzzCase; parties?: number } {
  const mutation = pick(rng, Object.keys(MUTATIONS));
  const dir = join(base, `case-${i}`);
  mkdirSync(dir);
  if (i % 8 === 7) {
    const source = pick(rng, SCENARIOS);
    const file = join(dir, basename(source));
    writeFileSync(file, MUTATIONS[mutation]!(readFileSync(source, 'utf8'), rng));
    return { fuzz: { id: `${i} ${mutation} ${basename(source)}`, args: ['validate', file] } };
  }
  const source = pick(rng, SOURCES);
  const target = pick(rng, source.files);
  for (const f of source.files) {
    const text = readFileSync(join(source.dir, f), 'utf8');
    writeFileSync(join(dir, f), f === target ? MUTATIONS[mutation]!(text, rng) : text);
  }
  const analyse = source.analyse && i % 4 === 0;
  const explicit = rng.int(3) === 0;
  const inputs = explicit ? source.files.map((f) => join(dir, f)) : [dir];
  const args = analyse ? ['analyze', ...inputs, '--json', '--time-limit', '5'] : ['validate', ...inputs];
  return { fuzz: { id: `${i} ${mutation} ${source.name}/${target}`, args }, parties: source.files.length - 1 };
}

function runWorker(cases: FuzzCase[]): Promise<FuzzResult[]> {
  return new Promise((resolve, reject) => {
    const results: FuzzResult[] = [];
    const worker = new Worker(new URL('./support/fuzz-boot.mjs', import.meta.url), {
      workerData: cases,
      resourceLimits: { maxOldGenerationSizeMb: HEAP_LIMIT_MB },
      stdout: true,
      stderr: true,
    });
    worker.on('message', (r: FuzzResult) => results.push(r));
    worker.on('error', (e) => reject(new Error(`case ${cases[results.length]?.id}: ${e.message}`)));
    worker.on('exit', () => resolve(results));
  });
}

/** The number of parties a command reports: `N parties:` from validate, `parties` from analyze --json. */
function partiesReported(r: FuzzResult, args: readonly string[]): number | undefined {
  if (args[0] === 'analyze') return (JSON.parse(r.stdout) as { parties: string[] }).parties.length;
  const m = /^(\d+) parties:/m.exec(r.stdout);
  return m ? Number(m[1]) : undefined;
}

describe('fuzzing the command line over the shipped domains and scenarios', () => {
  it(`${CASES} seeded mutations: no internal error, no party lost, short stderr, bounded memory`, async () => {
    const rng = new Random(SEED);
    const base = tempDir();
    const made = Array.from({ length: CASES }, (_, i) => makeCase(i, rng, base));
    const shares = Array.from({ length: WORKERS }, (_, w) =>
      made.filter((_, i) => i % WORKERS === w).map((m) => m.fuzz),
    );
    const results = (await Promise.all(shares.map(runWorker))).flat();
    expect(results).toHaveLength(CASES);
    const byId = new Map(made.map((m) => [m.fuzz.id, m]));
    for (const r of results) {
      const made = byId.get(r.id)!;
      const context = `${r.id}: ${r.stderrHead}`;
      expect([0, 1, 2], context).toContain(r.code);
      expect(r.stderrLength, context).toBeLessThanOrEqual(MAX_STDERR);
      if (r.code !== 0) expect(r.stderrHead.trimEnd().split('\n').length, context).toBeLessThanOrEqual(2);
      if (r.code === 0 && made.parties !== undefined)
        expect(partiesReported(r, made.fuzz.args), context).toBe(made.parties);
      expect(r.heapMb, context).toBeLessThan(HEAP_LIMIT_MB);
    }
    // the mutations reach both outcomes: some files still load, others are refused
    expect(results.filter((r) => r.code === 0).length).toBeGreaterThan(CASES / 10);
    expect(results.filter((r) => r.code === 1).length).toBeGreaterThan(CASES / 4);
  });
});
