import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { evaluateUtility } from '../../src/core/utility.js';
import { analyze } from '../../src/analysis/index.js';
import { loadAnac } from './support/anac.js';

interface Reference {
  domain: string;
  parties: string[];
  outcomes: number;
  nash: number[] | null;
  maxWelfare: number[];
  frontier: number[][];
}

const references: Reference[] = JSON.parse(
  readFileSync(new URL('../fixtures/frontiers/anac-2010-2013.json', import.meta.url), 'utf8'),
);
const TOLERANCE = 2e-6;

function sortDescending(points: number[][]): number[][] {
  return [...points].sort((a, b) => b[0]! - a[0]! || b[1]! - a[1]!);
}

function expectClose(got: readonly number[] | undefined, want: readonly number[]) {
  expect(got).toBeDefined();
  got!.forEach((u, i) => expect(Math.abs(u - want[i]!)).toBeLessThanOrEqual(TOLERANCE));
}

describe('the frontiers of the public ANAC 2010–2013 domains', () => {
  it('covers all 101 reference domains', () => {
    expect(references).toHaveLength(101);
  });

  it.each(references.map((r) => [r.domain, r] as const))(
    'matches the reference frontier, Nash point and parties of %s',
    (_, ref) => {
      const scenario = loadAnac(ref.domain);
      const analysis = analyze(scenario, { timeLimit: 30 });
      expect(analysis.parties).toEqual(ref.parties);
      expect(analysis.outcomes).toBe(BigInt(ref.outcomes));
      expect(analysis.exact).toBe(true);
      const want = sortDescending(ref.frontier);
      expect(analysis.frontier).toHaveLength(want.length);
      analysis.frontier.forEach((p, k) => expectClose(p.utilities, want[k]!));
      // The reference's solution points exactly, ties included (NiceOrDie's mirror points).
      if (ref.nash === null) expect(analysis.nash).toBeNull();
      else expectClose(analysis.nash!.utilities, ref.nash);
      expectClose(analysis.maxWelfare!.utilities, ref.maxWelfare);
      for (const p of analysis.frontier) {
        const plain = scenario.parties.map((party) => evaluateUtility(party.utility, p.outcome));
        plain.forEach((u, i) => expect(Math.abs(u - p.utilities[i]!)).toBeLessThanOrEqual(1e-9));
      }
    },
  );
});
