import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileParties, fullSpace } from '../../src/analysis/compile.js';
import { paretoFrontier, zopa } from '../../src/analysis/index.js';
import { skyline } from '../../src/analysis/skyline.js';
import { MARGIN, round9 } from '../../src/analysis/vectors.js';
import { countZone } from '../../src/analysis/zone-count.js';
import { Random } from '../../src/core/random.js';
import { bareScenario, type Scenario } from '../../src/core/scenario.js';
import { evaluateUtility } from '../../src/core/utility.js';
import { allOutcomes, bruteFrontier } from './support/brute-force.js';
import { loadAnac } from './support/anac.js';
import { scenarioArbitrary } from './support/random-scenario.js';
import { parley, tempDir } from '../cli/run.js';

/** Seeded additive parties over `issues` issues of `values` values, scores uniform in [0, 1]. */
function randomAdditive(parties: number, issues: number, values: number, seed: number): Scenario {
  const random = new Random(seed);
  const names = Array.from({ length: issues }, (_, i) => `i${i}`);
  const domain = {
    name: 'random',
    issues: names.map((name) => ({ kind: 'integer' as const, name, min: 0, max: values - 1 })),
    phases: [],
  };
  const party = (p: number) => {
    const raw = names.map(() => random.next());
    const total = raw.reduce((a, b) => a + b, 0);
    return {
      name: `P${p}`,
      reservation: 0,
      discount: 1,
      redLines: [],
      utility: {
        kind: 'additive' as const,
        weights: Object.fromEntries(names.map((n, i) => [n, raw[i]! / total])),
        values: Object.fromEntries(
          names.map((n) => [
            n,
            {
              kind: 'table' as const,
              utilities: Object.fromEntries(Array.from({ length: values }, (_, v) => [String(v), random.next()])),
            },
          ]),
        ),
      },
    };
  };
  return bareScenario(
    'random',
    domain,
    Array.from({ length: parties }, (_, p) => party(p)),
  );
}

const dominatesVector = (a: readonly number[], b: readonly number[]) =>
  a.every((x, i) => x >= b[i]!) && a.some((x, i) => x > b[i]!);

describe('frontiers of three to six parties', () => {
  it('equal plain enumeration on random small domains with many ties, chosen outcomes included', () => {
    const shape = { kinds: ['additive'] as const, parties: [3, 6] as const, maxIssues: 5, redLines: false };
    fc.assert(
      fc.property(scenarioArbitrary(shape), (scenario) => {
        const got = paretoFrontier(scenario);
        expect(got.exact).toBe(true);
        expect(got.frontier).toEqual(bruteFrontier(allOutcomes(scenario)));
      }),
      { numRuns: 60 },
    );
  });

  it('equal plain enumeration on random domains without ties', () => {
    fc.assert(
      fc.property(fc.integer({ min: 3, max: 6 }), fc.integer({ min: 0, max: 2 ** 31 - 1 }), (parties, seed) => {
        const scenario = randomAdditive(parties, 4, 5, seed);
        expect(paretoFrontier(scenario).frontier).toEqual(bruteFrontier(allOutcomes(scenario)));
      }),
      { numRuns: 20 },
    );
  });

  it('keep, in the skyline filter, exactly the rows no other row beats', () => {
    // Utilities on a grid finer than MARGIN, so that near-ties and exact ties both occur.
    const rows = fc.array(fc.array(fc.integer({ min: 0, max: 6 }), { minLength: 3, maxLength: 3 }), {
      minLength: 1,
      maxLength: 60,
    });
    fc.assert(
      fc.property(rows, (vectors) => {
        const u = Float64Array.from(vectors.flat(), (x) => 0.5 + x * 1e-9);
        const sum = (k: number) => u[3 * k]! + u[3 * k + 1]! + u[3 * k + 2]!;
        const order = vectors.map((_, k) => k).sort((a, b) => sum(b) - sum(a) || a - b);
        const rank = new Map(order.map((k, s) => [k, s]));
        const beats = (q: number, k: number) => {
          const a = [0, 1, 2].map((p) => u[3 * q + p]!);
          const b = [0, 1, 2].map((p) => u[3 * k + p]!);
          if (a.some((x, p) => x < b[p]!)) return false;
          if (a.some((x, p) => x > b[p]! + MARGIN)) return true;
          return a.every((x, p) => x === b[p]) && rank.get(q)! < rank.get(k)!;
        };
        const want = order.filter((k) => !order.some((q) => q !== k && beats(q, k)));
        expect(Array.from(skyline(u, 3, order, MARGIN).kept)).toEqual(want);
      }),
      { numRuns: 300 },
    );
  });
});

describe('the time limit', () => {
  it('ends a six-party search over 10^12 outcomes with the points found so far, marked inexact', () => {
    const scenario = randomAdditive(6, 12, 10, 7);
    const result = paretoFrontier(scenario, { timeLimit: 0.3 });
    expect(result.exact).toBe(false);
    expect(result.frontier.length).toBeGreaterThan(0);
    for (const point of result.frontier) {
      const u = scenario.parties.map((p) => round9(evaluateUtility(p.utility, point.outcome)));
      expect(u).toEqual(point.utilities);
    }
    const vectors = result.frontier.map((p) => p.utilities);
    expect(vectors.some((a) => vectors.some((b) => dominatesVector(a, b)))).toBe(false);
  });

  it('turns the two-party zone count into a seeded estimate when the time is out', () => {
    const scenario = loadAnac('y2012/EnergyA');
    const fns = compileParties(scenario.parties, scenario.domain);
    const d = scenario.parties.map((p) => p.reservation);
    const exact = countZone(fullSpace(scenario.domain), fns, d, Infinity);
    const late = countZone(fullSpace(scenario.domain), fns, d, Date.now() - 1);
    expect(exact.estimate).toBeNull();
    expect(late.size).toBeNull();
    const [size, estimate] = [Number(exact.size), Number(late.estimate)];
    expect(size).toBeGreaterThan(0);
    expect(Math.abs(estimate - size) / size).toBeLessThan(0.05);
  });

  it('estimates the zone of a two-party domain of 10^12 outcomes when the limit is too short to count it', () => {
    const scenario = randomAdditive(2, 12, 10, 3);
    const zone = zopa(scenario, { timeLimit: 0.01 });
    expect(zone.size).toBeNull();
    expect(zone.estimate).toMatch(/^[0-9]+$/);
    expect(BigInt(zone.estimate!)).toBeGreaterThan(0n);
  });

  it('holds for `parley analyze --time-limit` on a scenario file of six parties and 10^12 outcomes', async () => {
    const random = new Random(11);
    const issues = Array.from({ length: 12 }, (_, i) => `i${i}`);
    const values = Array.from({ length: 10 }, (_, v) => `v${v}`);
    const yaml = [
      'parley: 1',
      'name: six-parties',
      'issues:',
      ...issues.map((i) => `  - {name: ${i}, values: [${values.join(', ')}]}`),
      'parties:',
      ...Array.from({ length: 6 }, (_, p) => [
        `  - name: P${p}`,
        '    preferences:',
        `      weights: {${issues.map((i) => `${i}: ${(random.next() + 0.01).toFixed(6)}`).join(', ')}}`,
        '      values:',
        ...issues.map((i) => `        ${i}: {${values.map((v) => `${v}: ${random.next().toFixed(6)}`).join(', ')}}`),
      ]).flat(),
    ].join('\n');
    const file = join(tempDir(), 'six-parties.yaml');
    writeFileSync(file, yaml);
    const r = await parley(['analyze', file, '--json', '--time-limit', '0.5']);
    expect(r.stderr).toBe('');
    const json = JSON.parse(r.stdout);
    expect(json.outcomes).toBe(String(10 ** 12));
    expect(json.exact).toBe(false);
    expect(json.frontier.length).toBeGreaterThan(0);
    expect(json.zopa.size).toBeNull();
    expect(json.zopa.estimate).toMatch(/^[0-9]+$/);
  });
});
