import { describe, expect, it } from 'vitest';
import { issueSize, valueAt, indexOfValue, outcomeCount } from '../../src/core/index.js';

describe('issues', () => {
  it('counts values of discrete, integer and real issues', () => {
    expect(issueSize({ kind: 'discrete', name: 'a', values: ['x', 'y'] })).toBe(2);
    expect(issueSize({ kind: 'integer', name: 'b', min: 3, max: 9 })).toBe(7);
    expect(issueSize({ kind: 'real', name: 'c', min: 0, max: 1, steps: 4 })).toBe(5);
  });

  it('maps values to positions and back', () => {
    const real = { kind: 'real', name: 'c', min: 0, max: 2, steps: 4 } as const;
    expect(valueAt(real, 3)).toBe(1.5);
    expect(indexOfValue(real, 1.5)).toBe(3);
    expect(indexOfValue({ kind: 'integer', name: 'b', min: 3, max: 9 }, 10)).toBe(-1);
  });

  it('counts outcome spaces past 2^53 exactly', () => {
    const issues = Array.from({ length: 50 }, (_, i) => ({ kind: 'integer' as const, name: `i${i}`, min: 0, max: 9 }));
    expect(outcomeCount({ name: 'big', issues, phases: [] })).toBe(10n ** 50n);
  });
});
