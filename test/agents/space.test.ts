import { describe, expect, it } from 'vitest';
import { outcomeCount } from '../../src/core/domain.js';
import { evaluateUtility } from '../../src/core/utility.js';
import { loadInput } from '../../src/formats/input.js';
import { outcomeAt, outcomeSpace, countAtLeast } from '../../src/agents/index.js';
import { compileEvaluator } from '../../src/agents/space/evaluator.js';
import { enumerateRows } from '../../src/agents/space/outcome-space.js';
import { gridDomain, randomParty } from './support/fixtures.js';

describe('compiled outcome space', () => {
  it('enumerates every outcome of a small space, sorted by utility, with the plain utility', () => {
    const sc = loadInput(['anac/2012/CameraB']);
    const party = sc.parties[0]!;
    const space = outcomeSpace(sc.domain, party.utility);
    expect(space.exhaustive).toBe(true);
    expect(BigInt(space.size)).toBe(outcomeCount(sc.domain));
    for (let p = 1; p < space.size; p++) expect(space.utilities[p]!).toBeLessThanOrEqual(space.utilities[p - 1]!);
    for (let p = 0; p < space.size; p += 97)
      expect(space.utilities[p]!).toBeCloseTo(evaluateUtility(party.utility, outcomeAt(space, p)), 12);
  });

  it('is built once per domain and profile', () => {
    const d = gridDomain(3, 4);
    const p = randomParty(d, 'A', 3);
    expect(outcomeSpace(d, p.utility)).toBe(outcomeSpace(d, p.utility));
  });

  it('finds how many outcomes reach a utility by binary search', () => {
    const d = gridDomain(3, 5);
    const space = outcomeSpace(d, randomParty(d, 'A', 5).utility);
    for (const u of [0, 0.3, 0.61, 0.9, 1, 1.5]) {
      const brute = Array.from(space.utilities).filter((x) => x >= u - 1e-12).length;
      expect(countAtLeast(space, u)).toBe(brute);
    }
  });

  it('samples a space too large to enumerate, reaching near its best outcome', () => {
    const sc = loadInput(['anac/2014/50issues']);
    const party = sc.parties[0]!;
    const space = outcomeSpace(sc.domain, party.utility);
    expect(space.exhaustive).toBe(false);
    expect(space.size).toBeGreaterThan(1000);
    for (let p = 0; p < space.size; p += 503)
      expect(space.utilities[p]!).toBeCloseTo(evaluateUtility(party.utility, outcomeAt(space, p)), 9);
    expect(space.utilities[0]!).toBeGreaterThan(0.8);
    expect(space.utilities[space.size - 1]!).toBeLessThan(space.utilities[0]! / 2);
  });

  it('orders every outcome by exact utility, ties by enumeration order, on a domain full of near-equal sums', () => {
    // Energy (ANAC 2011): 390,625 outcomes whose additive sums often differ only in the last bit.
    const sc = loadInput(['anac/2011/Energy']);
    for (const party of sc.parties) {
      const space = outcomeSpace(sc.domain, party.utility);
      const evaluator = compileEvaluator(sc.domain, party.utility);
      const k = evaluator.issueCount;
      const raw = enumerateRows(evaluator.sizes);
      const utils = Float64Array.from({ length: raw.length / k }, (_, p) => evaluator.evaluate(raw, p * k));
      const order = Int32Array.from(utils.keys()).sort((a, b) => utils[b]! - utils[a]! || a - b);
      expect(space.size).toBe(order.length);
      // Counted in a loop: vitest's deep equality on arrays this long takes minutes.
      let misplaced = 0;
      order.forEach((p, i) => {
        if (space.utilities[i] !== utils[p]) misplaced++;
        for (let j = 0; j < k; j++) if (space.rows[i * k + j] !== raw[p * k + j]) misplaced++;
      });
      expect(misplaced).toBe(0);
    }
  });
});
