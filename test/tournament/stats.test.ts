import { describe, expect, it } from 'vitest';
import { estimate, tQuantile975 } from '../../src/tournament/stats.js';

describe('95% confidence intervals', () => {
  it('reads Student t quantiles from the table for small samples', () => {
    expect(tQuantile975(1)).toBe(12.706);
    expect(tQuantile975(9)).toBe(2.262);
    expect(tQuantile975(30)).toBe(2.042);
  });

  it('approaches the normal quantile for large samples, matching published t values to 1e-3', () => {
    // Published t(0.975, ν): 40 → 2.021, 60 → 2.000, 120 → 1.980, 1000 → 1.962.
    expect(tQuantile975(40)).toBeCloseTo(2.021, 3);
    expect(tQuantile975(60)).toBeCloseTo(2.0, 3);
    expect(tQuantile975(120)).toBeCloseTo(1.98, 3);
    expect(tQuantile975(1000)).toBeCloseTo(1.962, 3);
    expect(tQuantile975(31)).toBeLessThan(tQuantile975(30));
  });

  it('gives the mean and the t half-width of a sample', () => {
    const e = estimate([1, 2, 3, 4, 5])!;
    expect(e.mean).toBe(3);
    expect(e.n).toBe(5);
    // s = √2.5, t(0.975, 4) = 2.776
    expect(e.ci).toBeCloseTo((2.776 * Math.sqrt(2.5)) / Math.sqrt(5), 12);
  });

  it('has no interval for one observation and no estimate for none', () => {
    expect(estimate([0.4])).toEqual({ mean: 0.4, ci: 0, n: 1 });
    expect(estimate([])).toBeNull();
  });
});
