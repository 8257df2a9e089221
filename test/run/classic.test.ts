import { saopRun } from '../support/saop.js';
import { describe, expect, it } from 'vitest';
import { loadAnac } from './support.js';

describe('the classic result of time-dependent tactics', () => {
  it('gives Boulware a higher mean utility than the conceder it meets, over domains, seeds and both orders', () => {
    const own = { boulware: [] as number[], conceder: [] as number[] };
    for (const domain of ['y2011/Laptop', 'y2012/CameraB', 'y2013/Icecream', 'y2010/ItexvsCypress', 'y2011/Grocery']) {
      const scenario = loadAnac(domain);
      for (const seed of [1, 2]) {
        for (const boulwareFirst of [true, false]) {
          const { result } = saopRun(
            scenario,
            [boulwareFirst ? 'boulware' : 'conceder', boulwareFirst ? 'conceder' : 'boulware'],
            { rounds: 100, seed },
          );
          own.boulware.push(result.parties[boulwareFirst ? 0 : 1]!.utility);
          own.conceder.push(result.parties[boulwareFirst ? 1 : 0]!.utility);
        }
      }
    }
    const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
    expect(own.boulware).toHaveLength(20);
    expect(mean(own.boulware)).toBeGreaterThan(mean(own.conceder) + 0.05);
  });
});
