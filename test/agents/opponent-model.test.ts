import { describe, expect, it } from 'vitest';
import { Random } from '../../src/core/random.js';
import { FrequencyModel } from '../../src/agents/index.js';
import { gridDomain } from './support/fixtures.js';

describe('frequency opponent model', () => {
  it('learns that the issue a synthetic opponent never gives ground on weighs most', () => {
    const domain = gridDomain(4, 5);
    const model = new FrequencyModel(domain);
    const rng = new Random(3);
    // The opponent holds i2 at v3, changes i0 now and then, and moves freely on the rest.
    let i0 = 'v1';
    for (let k = 0; k < 40; k++) {
      if (k % 8 === 7) i0 = `v${rng.int(5)}`;
      model.observeOffer({ i0, i1: `v${rng.int(5)}`, i2: 'v3', i3: `v${rng.int(5)}` });
    }
    const w = model.issueWeights();
    expect(w[2]!).toBeGreaterThan(w[0]!);
    expect(w[0]!).toBeGreaterThan(w[1]!);
    expect(w[0]!).toBeGreaterThan(w[3]!);
    expect([...w].reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
  });

  it('rates the values an opponent keeps asking for above the others', () => {
    const domain = gridDomain(2, 3);
    const model = new FrequencyModel(domain);
    for (let k = 0; k < 10; k++) model.observeOffer({ i0: 'v2', i1: `v${k % 3}` });
    expect(model.predict({ i0: 'v2', i1: 'v0' })).toBeGreaterThan(model.predict({ i0: 'v0', i1: 'v0' }));
  });

  it('learns from amendments which issues matter and which values are wanted', () => {
    const domain = gridDomain(3, 3);
    const model = new FrequencyModel(domain);
    model.observeAmendments({ i1: 'v2' });
    model.observeAmendments({ i1: 'v2' });
    const w = model.issueWeights();
    expect(w[1]!).toBeGreaterThan(w[0]!);
    expect(model.predict({ i0: 'v0', i1: 'v2', i2: 'v0' })).toBeGreaterThan(
      model.predict({ i0: 'v0', i1: 'v0', i2: 'v0' }),
    );
  });
});
