import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isAcceptable, redLinesCrossed, utilityFor } from '../../src/core/party.js';
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

describe('own limits on random domains', () => {
  it('hold for every strategy, whatever the domain, profile, reservation and red lines', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 4 }),
        fc.integer({ min: 2, max: 5 }),
        fc.integer({ min: 0, max: 2 ** 30 }),
        fc.double({ min: 0, max: 0.9, noNaN: true }),
        fc.integer({ min: 0, max: 3 }),
        fc.constantFrom(...STRATEGY_NAMES),
        (issues, values, seed, reservation, banned, name) => {
          const d = gridDomain(issues, values);
          const redLines = Array.from({ length: Math.min(banned, values - 1) }, (_, k) => ({
            id: `no-v${k}`,
            issue: 'i0',
            allowed: d.issues[0]!.kind === 'discrete' ? d.issues[0]!.values.slice(k + 1) : [],
          }));
          const party = randomParty(d, 'A', seed, {
            reservation,
            redLines: redLines.length ? [{ ...redLines[redLines.length - 1]! }] : [],
          });
          const s = strategyUnderTest(name, d, party);
          const rng = new Random(seed);
          for (let step = 0; step <= 20; step++) {
            const ctx = s.ctx(step / 20);
            const offer = Object.fromEntries(d.issues.map((i) => [i.name, `v${rng.int(values)}`]));
            s.strategy.observe({ kind: 'received', from: 'B', outcome: offer, t: ctx.t }, ctx);
            if (
              s.strategy.accepts(offer, ctx) &&
              (redLinesCrossed(party, offer).length > 0 || utilityFor(party, offer) < reservation)
            )
              return false;
            const mine = s.strategy.propose(ctx);
            if (mine === null) {
              // Only when nothing at all is acceptable.
              for (let p = 0; p < s.prefs.outcomes.size; p++)
                if (isAcceptable(party, s.prefs.outcomeAt(p))) return false;
              continue;
            }
            if (redLinesCrossed(party, mine).length > 0 || utilityFor(party, mine) < reservation - 1e-12) return false;
            s.strategy.observe({ kind: 'sent', outcome: mine, t: ctx.t }, ctx);
          }
          return true;
        },
      ),
      { numRuns: 60, seed: 20240506 },
    );
  });
});
