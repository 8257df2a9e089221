import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parley, tempDir } from '../cli/run.js';
import { comparableRows, exited, lineCount, QUICK, SLOW, spawnParley, until, writeDefinition } from './support.js';

const definition = writeDefinition(QUICK);
const slow = writeDefinition(SLOW);
let serial: string;

async function serialRun(file: string): Promise<string> {
  const out = tempDir();
  const r = await parley(['tournament', file, '--workers', '0', '--out', out]);
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  return out;
}

beforeAll(async () => {
  serial = await serialRun(definition);
});

describe('a tournament on this machine', () => {
  it('records every negotiation once, in the tournament order', () => {
    const rows = comparableRows(serial);
    expect(rows).toHaveLength(72);
    expect(rows.map((r) => r.index)).toEqual([...Array(72).keys()]);
    expect(new Set(rows.map((r) => r.id)).size).toBe(72);
  });

  it('gives identical results on 2 worker threads as serially', async () => {
    const out = tempDir();
    const r = await parley(['tournament', definition, '--workers', '2', '--out', out]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('on 2 worker threads');
    expect(comparableRows(out)).toEqual(comparableRows(serial));
    expect(readFileSync(join(out, 'scores.csv'), 'utf8')).toBe(readFileSync(join(serial, 'scores.csv'), 'utf8'));
  });

  it('resumes after a hard interruption and ends with the same results as an uninterrupted run', async () => {
    const out = tempDir();
    const child = spawnParley(['tournament', slow, '--workers', '0', '--out', out, '--batch', '2']);
    const rows = join(out, 'negotiations.jsonl');
    await until(() => lineCount(rows) >= 4 || child.exitCode !== null, 60_000, 'the first results');
    child.kill('SIGKILL');
    await exited(child);
    const before = lineCount(rows);
    expect(before, child.stderrText()).toBeGreaterThanOrEqual(4);
    expect(before).toBeLessThan(36);
    const r = await parley(['tournament', slow, '--workers', '1', '--out', out]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain(`Resuming: ${before} of 36 already done`);
    expect(r.stdout).toContain(`Ran ${36 - before} negotiations`);
    expect(comparableRows(out)).toEqual(comparableRows(await serialRun(slow)));
  });

  it('writes the rows as CSV, the ranked scores with 95% intervals, and both plots', () => {
    const csv = readFileSync(join(serial, 'negotiations.csv'), 'utf8').trim().split('\n');
    expect(csv).toHaveLength(73);
    expect(csv[0]).toContain('party1,agent1,utility1,discounted1,party2,agent2,utility2,discounted2,agreement');
    const scores = JSON.parse(readFileSync(join(serial, 'scores.json'), 'utf8'));
    expect(scores.agents.map((a: { rank: number }) => a.rank)).toEqual([1, 2, 3, 4, 5, 6]);
    const means = scores.agents.map((a: { metrics: { utility: { mean: number } } }) => a.metrics.utility.mean);
    expect(means).toEqual([...means].sort((a, b) => b - a));
    // Every agent sits in 24 seats: 36 pairings per scenario, 2 seats each, 2 scenarios, over 6 agents.
    for (const a of scores.agents) expect(a.n).toBe(24);
    const text = readFileSync(join(serial, 'scores.txt'), 'utf8');
    expect(text).toMatch(/^Rank\s+Agent\s+n\s+Utility/);
    expect(text).toMatch(/\d\.\d{3} ± \d\.\d{3}/);
    expect(readFileSync(join(serial, 'scores.svg'), 'utf8')).toContain('Individual utility per agent');
    const heat = readFileSync(join(serial, 'head-to-head.svg'), 'utf8');
    expect(heat).toContain('Agent against opponent');
    expect(heat).toContain('tit-for-tat');
  });

  it('refuses to mix results of another tournament into the folder', async () => {
    const other = writeDefinition({ ...QUICK, name: 'other', seeds: [3] });
    const r = await parley(['tournament', other, '--workers', '0', '--out', serial]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('holds results of another tournament');
  });

  it('runs multilateral and mediated talks and scores the mediators', async () => {
    const towns = writeDefinition({
      'parley-tournament': 1,
      name: 'towns',
      agents: ['boulware', 'conceder', 'micro'],
      mediators: ['hill-climb', 'nash'],
      scenarios: ['examples/three-towns'],
      protocols: ['saop', 'single-text'],
      selfPlay: false,
      roleSwaps: false,
      rounds: 60,
    });
    const out = tempDir();
    const r = await parley(['tournament', towns, '--workers', '0', '--out', out, '--json']);
    expect(r.code).toBe(0);
    const result = JSON.parse(r.stdout);
    expect(result.negotiations).toBe(3);
    expect(result.mediators.map((m: { mediator: string; n: number }) => [m.mediator, m.n])).toEqual([
      ['hill-climb', 1],
      ['nash', 1],
    ]);
    const rows = comparableRows(out);
    expect(rows.every((row) => row.utilities.length === 3 && row.agents.length === 3)).toBe(true);
    expect(readFileSync(join(out, 'mediators.csv'), 'utf8')).toMatch(/^mediator,n,agreement,agreementCi95/);
  });
});
