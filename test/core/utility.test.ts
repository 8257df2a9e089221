import { describe, expect, it } from 'vitest';
import { evaluateUtility, withEffects, type Party, type RectangleUtility } from '../../src/core/index.js';

describe('utility functions', () => {
  it('caps a sum of rectangles at 1, as GENIUS does when a profile exceeds its maxutility', () => {
    const fn: RectangleUtility = {
      kind: 'rectangles',
      scale: 10,
      rectangles: [
        { value: 7, bounds: { a: { min: 0, max: 5 } } },
        { value: 6, bounds: { b: { min: 2, max: 3 } } },
      ],
    };
    expect(evaluateUtility(fn, { a: 1, b: 2 })).toBe(1);
    expect(evaluateUtility(fn, { a: 1, b: 9 })).toBeCloseTo(0.7, 12);
    expect(evaluateUtility(fn, { a: 8, b: 9 })).toBe(0);
  });

  it('scales a weight and renormalises when an outside event fires', () => {
    const party: Party = {
      name: 'A',
      reservation: 0.2,
      discount: 1,
      redLines: [],
      utility: { kind: 'additive', weights: { x: 0.5, y: 0.5 }, values: {} },
    };
    const after = withEffects(party, [
      { kind: 'weight', party: 'A', issue: 'x', factor: 3 },
      { kind: 'reservation', party: 'A', delta: -0.5 },
      { kind: 'reservation', party: 'B', delta: 0.5 },
    ]);
    expect(after.utility.kind === 'additive' && after.utility.weights).toEqual({ x: 0.75, y: 0.25 });
    expect(after.reservation).toBe(0);
  });
});
