import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Outcome } from '../../src/core/domain.js';
import { evaluateUtility } from '../../src/core/utility.js';
import { convert, loadInput } from '../../src/formats/index.js';
import { FIXTURES, tempDir } from './helpers.js';

const u = (s: ReturnType<typeof loadInput>, party: number, o: Outcome) => evaluateUtility(s.parties[party]!.utility, o);

const quirks = loadInput([join(FIXTURES, 'quirks-genius')]);

describe('GENIUS XML quirks: layout, binding, discount and reservation', () => {
  it('reads files with blank lines before <?xml, index="0" and a pareto.xml that is not XML', () => {
    expect(quirks.domain.issues.map((i) => i.name)).toEqual(['Colour', 'Size']);
    expect(quirks.parties.map((p) => p.name)).toEqual(['buyer', 'seller']);
  });

  it('binds profile issues to the domain by index, whatever name or order the profile gives', () => {
    // buyer: Colour evaluations 8/4/2 (scaled by the best, 8), weights 3:1 normalised to 0.75/0.25.
    // Size: clamp01(-0.25 + 0.5·(x − 2)).
    expect(u(quirks, 0, { Colour: 'blue', Size: 4 })).toBeCloseTo(0.75 * 0.5 + 0.25 * 0.75, 12);
    expect(u(quirks, 0, { Colour: 'red', Size: 2 })).toBeCloseTo(0.75, 12);
    expect(u(quirks, 0, { Colour: 'green', Size: 6 })).toBeCloseTo(0.75 * 0.25 + 0.25 * 1, 12);
  });

  it('takes integer bounds from the domain when the profile issue omits them', () => {
    // seller: Size clamp01(1 − 0.25·(x − 2)) with lowerbound 2 from the domain
    expect(u(quirks, 1, { Colour: 'green', Size: 6 })).toBeCloseTo(0.5 * 0.5 + 0.5 * 0, 12);
    expect(u(quirks, 1, { Colour: 'blue', Size: 3 })).toBeCloseTo(0.5 + 0.5 * 0.75, 12);
  });

  it('reads discount factor and reservation value, defaulting to 1 and 0', () => {
    expect([quirks.parties[0]!.discount, quirks.parties[0]!.reservation]).toEqual([0.9, 0.4]);
    expect([quirks.parties[1]!.discount, quirks.parties[1]!.reservation]).toEqual([1, 0]);
  });
});

describe('GENIUS XML quirks: real issues and ANAC oddities', () => {
  it('reads real issues with linear, constant and triangular evaluators, and discount 0 as none', () => {
    const s = loadInput([join(FIXTURES, 'real-issues')]);
    expect(s.domain.issues).toEqual([
      { kind: 'real', name: 'Price', min: 10, max: 20, steps: 10 },
      { kind: 'real', name: 'Delivery', min: 0, max: 4, steps: 4 },
    ]);
    expect(u(s, 0, { Price: 15, Delivery: 1 })).toBeCloseTo(0.6 * 0.5 + 0.4 * 1, 12);
    expect(u(s, 0, { Price: 20, Delivery: 2.5 })).toBeCloseTo(0.6 + 0.4 * 0.5, 12);
    expect(u(s, 1, { Price: 12, Delivery: 2 })).toBeCloseTo(0.2 * 0.3 + 0.8 * 0.5, 12);
    expect(s.parties[1]!.discount).toBe(1);
  });

  it('divides evaluations by the issue maximum and normalises weights (Laptop 2011)', () => {
    const s = loadInput(['anac/2011/Laptop']);
    const buyer = s.parties[0]!;
    if (buyer.utility.kind !== 'additive') throw new Error('expected additive');
    expect(buyer.utility.values.Laptop).toEqual({
      kind: 'table',
      utilities: { Dell: 12 / 30, Macintosh: 20 / 30, HP: 1 },
    });
    expect(buyer.discount).toBe(0.42441038);
  });

  it('normalises weights that do not sum to one (Phone 2012)', () => {
    const s = loadInput(['anac/y2012/PhoneA']);
    for (const p of s.parties) {
      if (p.utility.kind !== 'additive') throw new Error('expected additive');
      expect(Object.values(p.utility.weights).reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
    }
  });

  it('ignores the weight that belongs to the objective (Fitness 2012)', () => {
    const s = loadInput(['anac/y2012/FitnessA']);
    const p = s.parties[0]!;
    if (p.utility.kind !== 'additive') throw new Error('expected additive');
    expect(Object.keys(p.utility.weights)).toHaveLength(5);
    // issue weights alone sum to 1.0000000000 here; an objective weight of 1.0 would halve them
    expect(p.utility.weights['kind of fitness']).toBeCloseTo(0.15354168265071755, 12);
    expect([p.discount, p.reservation]).toEqual([0.75, 0.5]);
  });
});

describe('GENIUS XML quirks: hyper-rectangles and round trips', () => {
  it('reads 2014 hyper-rectangles, scaled by maxutility', () => {
    const s = loadInput(['anac/y2014/10issues']);
    const p = s.parties[0]!;
    if (p.utility.kind !== 'rectangles') throw new Error('expected rectangles');
    expect(p.utility.scale).toBe(662);
    // first rectangle of profile-1: utility 97, issues 2, 4, 6, 9 (c1-i9, c1-i7, c1-i5, c1-i2)
    expect(p.utility.rectangles[0]).toEqual({
      value: 97,
      bounds: {
        'c1-i9': { min: 7, max: 9 },
        'c1-i7': { min: 2, max: 7 },
        'c1-i5': { min: 0, max: 8 },
        'c1-i2': { min: 0, max: 7 },
      },
    });
  });

  it('computes hyper-rectangle utilities with weights, EXCLUDES and an all-inclusive box by hand', () => {
    const s = loadInput([join(FIXTURES, 'rectangles')]);
    // 40 if x∈[1,3] and y∈[2,4]; 30·0.5 if z=1; 20 unless (x∈[0,2] and y∈[1,3]); 5 always; /100
    expect(u(s, 0, { x: 1, y: 2, z: 0 })).toBeCloseTo((40 + 5) / 100, 12);
    expect(u(s, 0, { x: 3, y: 2, z: 1 })).toBeCloseTo((40 + 15 + 20 + 5) / 100, 12);
    expect(u(s, 0, { x: 0, y: 0, z: 0 })).toBeCloseTo((20 + 5) / 100, 12);
    expect(u(s, 0, { x: 2, y: 4, z: 1 })).toBeCloseTo((40 + 15 + 20 + 5) / 100, 12);
    expect(u(s, 0, { x: 4, y: 1, z: 0 })).toBeCloseTo((20 + 5) / 100, 12);
    expect([s.parties[0]!.discount, s.parties[0]!.reservation]).toEqual([0.5, 0.25]);
  });

  it('round-trips the fixtures through GENIUS XML', () => {
    for (const name of ['quirks-genius', 'real-issues', 'rectangles']) {
      const original = loadInput([join(FIXTURES, name)]);
      const out = join(tempDir(), name);
      convert([join(FIXTURES, name)], out, { format: 'genius' });
      const copy = loadInput([out]);
      expect(copy.domain.issues).toEqual(original.domain.issues);
      expect(copy.parties.map((p) => [p.name, p.reservation, p.discount])).toEqual(
        original.parties.map((p) => [p.name, p.reservation, p.discount]),
      );
      const outcomes: Outcome[] = [
        { Colour: 'blue', Size: 5 },
        { Price: 13, Delivery: 3 },
        { x: 2, y: 3, z: 1 },
        { x: 4, y: 0, z: 0 },
      ];
      for (const o of outcomes) {
        original.parties.forEach((p, i) =>
          expect(evaluateUtility(copy.parties[i]!.utility, o)).toBeCloseTo(evaluateUtility(p.utility, o), 12),
        );
      }
    }
  });
});
