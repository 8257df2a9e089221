import { describe, expect, it } from 'vitest';
import { analysisJsonSchema } from '../../src/report/json/analysis-schema.js';
import { parley } from '../cli/run.js';

async function json(args: string[]): Promise<Record<string, unknown>> {
  const run = await parley(args);
  expect(run.code, run.stderr).toBe(0);
  return JSON.parse(run.stdout) as Record<string, unknown>;
}

type Point = { utilities: number[]; outcome: Record<string, string | number> };

describe('analyze --json carries what the text report says', () => {
  it('keeps every tied max-welfare point, the egalitarian one included, with each party’s range and the tie rule', async () => {
    const out = analysisJsonSchema.parse(await json(['analyze', 'cairo-2024', '--json']));
    const welfare = out.ties.find((t) => t.solution === 'Max welfare')!;
    const sums = welfare.points.map((p) => p.utilities.reduce((a, b) => a + b, 0));
    // The same exact sum 8/7, whatever the 9-decimal rounding of each utility.
    for (const s of sums) expect(s).toBeCloseTo(8 / 7, 8);
    expect(welfare.points.map((p) => JSON.stringify(p.outcome))).toContain(JSON.stringify(out.egalitarian!.outcome));
    expect(welfare.ranges).toEqual([
      { party: 'Israel', min: Math.min(...welfare.points.map((p) => p.utilities[0]!)), max: 1 },
      { party: 'Hamas', min: Math.min(...welfare.points.map((p) => p.utilities[1]!)), max: 1 },
    ]);
    expect(out.tieRule).toMatch(/smallest utility vector in party order/);
  });

  it('says which red lines max welfare and egalitarian cross and whose walk-away value they miss', async () => {
    const out = analysisJsonSchema.parse(await json(['analyze', 'cairo-2024', '--json']));
    const egalitarian = out.limits.find((l) => l.solution === 'Egalitarian')!;
    expect(egalitarian.redLinesCrossed.length).toBeGreaterThan(0);
    for (const l of egalitarian.redLinesCrossed) expect(['Israel', 'Hamas']).toContain(l.party);
  });

  it('lists near misses where the zone is empty, fewest red lines crossed first, and none where it is not', async () => {
    const out = analysisJsonSchema.parse(await json(['analyze', 'cairo-2024', '--json']));
    const crossed = out.nearMisses!.map((m) => m.redLinesCrossed.length);
    expect(crossed.length).toBeGreaterThan(0);
    expect([...crossed].sort((a, b) => a - b)).toEqual(crossed);
    const open = analysisJsonSchema.parse(await json(['analyze', 'anac/2011/Laptop', '--json']));
    expect(open.nearMisses).toBeNull();
  });

  it('names the what-if changes and carries the sensitivity run, with shares that match the counts', async () => {
    const out = analysisJsonSchema.parse(
      await json([
        'analyze',
        'cairo-2024',
        '--json',
        '--set',
        'parties.Israel.reservation=0.2',
        '--sensitivity',
        '4',
        '--seed',
        '7',
      ]),
    );
    expect(out.whatIf).toEqual(['set parties.Israel.reservation=0.2']);
    expect(out.sensitivity?.samples).toBe(4);
    expect(out.sensitivity?.seed).toBe(7);
    expect(out.sensitivity?.conclusions[0]?.label).toBe('the zone is empty');
    for (const c of out.sensitivity!.conclusions) expect(c.share).toBe(c.holds / 4);
    const plain = await json(['analyze', 'cairo-2024', '--json']);
    expect(plain.whatIf).toEqual([]);
    expect('sensitivity' in plain).toBe(false);
  });
});

describe('eval --json carries the what-if changes and the trades', () => {
  it('adds the trades asked for with --trades, each leaving no party worse off', async () => {
    const analysis = await json(['analyze', 'cairo-2024', '--json']);
    const { outcome } = (analysis.nearMisses as Point[])[0]!;
    const out = await json([
      'eval',
      'cairo-2024',
      '--outcome',
      JSON.stringify(outcome),
      '--trades',
      '--json',
      '--at',
      '200',
    ]);
    expect(out.whatIf).toEqual([expect.stringMatching(/^at hour 200: after /)]);
    const trades = out.trades as { changes: Record<string, string>; gains: number[] }[];
    expect(trades.length).toBeGreaterThan(0);
    for (const t of trades) {
      expect(Math.min(...t.gains)).toBeGreaterThanOrEqual(-1e-12);
      expect(Math.max(...t.gains)).toBeGreaterThan(0);
    }
    const without = await json(['eval', 'cairo-2024', '--outcome', JSON.stringify(outcome), '--json']);
    expect('trades' in without || 'whatIf' in without).toBe(false);
  });
});
