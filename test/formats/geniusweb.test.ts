import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { evaluateUtility } from '../../src/core/utility.js';
import { convert, loadInput } from '../../src/formats/index.js';
import { FIXTURES, ROOT, tempDir } from './helpers.js';

const FLAT = join(FIXTURES, 'geniusweb-flat');

describe('GeniusWeb JSON', () => {
  it('reads nested profiles with value utilities as given (no normalisation)', () => {
    const s = loadInput(['geniusweb/Party']);
    const p = s.parties[0]!;
    if (p.utility.kind !== 'additive') throw new Error('expected additive');
    // Food's best value has utility 0.75 in party1.json and stays 0.75
    expect(p.utility.values.Food).toEqual({
      kind: 'table',
      utilities: { 'Chips and Nuts': 0.75, 'Finger-Food': 0.52, 'Handmade Food': 0.51, Catering: 0.25 },
    });
    expect(p.utility.weights.Drinks).toBe(0.28);
  });

  it('takes the reservation value from the utility of the reservation bid', () => {
    const s = loadInput(['geniusweb/Party']);
    const raw = JSON.parse(
      readFileSync(join(ROOT, 'scenarios/geniusweb/Party/party1.json'), 'utf8'),
    ).LinearAdditiveUtilitySpace;
    expect(s.parties[0]!.reservation).toBeCloseTo(
      evaluateUtility(s.parties[0]!.utility, raw.reservationBid.issuevalues),
      15,
    );
    expect(s.parties[0]!.reservation).toBeGreaterThan(0);
  });

  it('reads flat profiles, number ranges and number utilities', () => {
    const s = loadInput([FLAT]);
    expect(s.domain.issues).toEqual([
      { kind: 'discrete', name: 'fruit', values: ['apple', 'pear', 'plum'] },
      { kind: 'integer', name: 'boxes', min: 1, max: 5 },
      { kind: 'real', name: 'weight', min: 0.5, max: 2.5, steps: 4 },
    ]);
    expect(s.parties.map((p) => p.name)).toEqual(['alice', 'bob']);
    const alice = s.parties[0]!.utility;
    expect(evaluateUtility(alice, { fruit: 'apple', boxes: 5, weight: 0.5 })).toBeCloseTo(
      0.5 * 0.8 + 0.3 * 0.6 + 0.2 * 1,
      12,
    );
    expect(s.parties[0]!.reservation).toBeCloseTo(0.5 * 0.4 + 0.3 * 0.4 + 0.2 * 0.5, 12);
    expect(s.parties[1]!.reservation).toBe(0);
  });

  it('takes parties in the order the files are given', () => {
    const s = loadInput([join(FLAT, 'bob.json'), join(FLAT, 'shop.json'), join(FLAT, 'alice.json')]);
    expect(s.parties.map((p) => p.name)).toEqual(['bob', 'alice']);
  });

  it('uses the domain embedded in a profile when no domain file is given', () => {
    const s = loadInput([join(ROOT, 'scenarios/geniusweb/Fitness/fitness2.json')]);
    expect(s.domain.issues.map((i) => i.name)).toEqual(['type', 'duration', 'distance', 'intensity', 'price']);
    expect(s.parties.map((p) => p.name)).toEqual(['fitness2']);
  });

  it('round-trips the flat fixture through GeniusWeb JSON in the nested form', () => {
    const out = join(tempDir(), 'web');
    convert([FLAT], out, { format: 'geniusweb' });
    const copy = loadInput([out]);
    const original = loadInput([FLAT]);
    expect(copy.domain.issues).toEqual(original.domain.issues);
    const written = JSON.parse(readFileSync(join(out, 'alice.json'), 'utf8'));
    expect(Object.keys(written)).toEqual(['LinearAdditiveUtilitySpace']);
    expect(copy.parties[0]!.reservation).toBeCloseTo(original.parties[0]!.reservation, 12);
    for (const o of [
      { fruit: 'plum', boxes: 2, weight: 2 },
      { fruit: 'pear', boxes: 4, weight: 1 },
    ]) {
      original.parties.forEach((p, i) =>
        expect(evaluateUtility(copy.parties[i]!.utility, o)).toBeCloseTo(evaluateUtility(p.utility, o), 12),
      );
    }
  });
});
