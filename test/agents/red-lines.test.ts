import { describe, expect, it } from 'vitest';
import { redLinesCrossed, utilityFor } from '../../src/core/party.js';
import { Random } from '../../src/core/random.js';
import { STRATEGY_NAMES } from '../../src/agents/index.js';
import { gridDomain, randomParty } from './support/fixtures.js';
import { strategyUnderTest } from './support/context.js';

const domain = gridDomain(4, 5);
const self = randomParty(domain, 'A', 77, {
  reservation: 0.45,
  redLines: [
    { id: 'no-v0', issue: 'i0', allowed: ['v1', 'v2', 'v3', 'v4'] },
    { id: 'i1-not-v4', issue: 'i1', allowed: ['v0', 'v1', 'v2', 'v3'] },
  ],
});

describe('own limits', () => {
  for (const name of STRATEGY_NAMES) {
    it(`${name} never proposes or accepts an outcome across its red lines or below its reservation`, () => {
      const s = strategyUnderTest(name, domain, self);
      const rng = new Random(5);
      for (let step = 0; step <= 200; step++) {
        const t = step / 200;
        const ctx = s.ctx(t);
        const offer = Object.fromEntries(domain.issues.map((i) => [i.name, `v${rng.int(5)}`]));
        s.strategy.observe({ kind: 'received', from: 'B', outcome: offer, t }, ctx);
        if (s.strategy.accepts(offer, ctx)) {
          expect(redLinesCrossed(self, offer)).toEqual([]);
          expect(utilityFor(self, offer)).toBeGreaterThanOrEqual(0.45);
        }
        const mine = s.strategy.propose(ctx);
        expect(mine).not.toBeNull();
        expect(redLinesCrossed(self, mine!)).toEqual([]);
        expect(utilityFor(self, mine!)).toBeGreaterThanOrEqual(0.45);
        s.strategy.observe({ kind: 'sent', outcome: mine!, t }, ctx);
      }
    });
  }

  it('proposes nothing when nothing is acceptable', () => {
    const hopeless = { ...self, reservation: 1.01 };
    for (const name of STRATEGY_NAMES) {
      const s = strategyUnderTest(name, domain, hopeless);
      expect(s.strategy.propose(s.ctx(0.5))).toBeNull();
      expect(s.strategy.accepts(s.prefs.outcomeAt(0), s.ctx(1))).toBe(false);
    }
  });

  it('follows a red line added during the talks', () => {
    const s = strategyUnderTest('conceder', domain, self);
    const before = s.strategy.propose(s.ctx(0.95))!;
    const line = { id: 'new', issue: 'i2', allowed: [before.i2 === 'v0' ? 'v1' : 'v0'] };
    s.prefs.update({ ...self, redLines: [...self.redLines, line] });
    for (const t of [0, 0.5, 0.95, 1]) expect(s.strategy.propose(s.ctx(t))!.i2).toBe(line.allowed[0]);
    expect(s.strategy.accepts(before, s.ctx(1))).toBe(false);
  });
});
