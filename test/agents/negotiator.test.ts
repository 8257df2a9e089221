import { describe, expect, it } from 'vitest';
import { createStrategy, Negotiator, ParamReader } from '../../src/agents/index.js';
import { gridDomain, offerEvent, randomParty, viewFor } from './support/fixtures.js';

const domain = gridDomain(3, 4);
const self = randomParty(domain, 'A', 8);

describe('negotiator', () => {
  it('reads each event once, whether the view grows in place or arrives as a new list', () => {
    const n = new Negotiator(createStrategy('boulware', new ParamReader('boulware')), 'A', domain, self, 1);
    const e1 = offerEvent('B', { i0: 'v0', i1: 'v1', i2: 'v2' });
    const e2 = offerEvent('B', { i0: 'v0', i1: 'v2', i2: 'v2' });
    const growing = [e1];
    const expectation = { role: 'A', may: ['offer', 'accept'] as const, proposal: 'x' };
    n.sync(viewFor(domain, self, { ...expectation, may: [...expectation.may] }, growing));
    growing.push(e2);
    n.sync(viewFor(domain, self, { ...expectation, may: [...expectation.may] }, growing));
    n.sync(viewFor(domain, self, { ...expectation, may: [...expectation.may] }, [e1, e2]));
    expect(n.opponents.of('B').offersSeen).toBe(2);
  });

  it('follows its party through outside events without losing what it learnt', () => {
    const n = new Negotiator(createStrategy('linear', new ParamReader('linear')), 'A', domain, self, 1);
    const view = (party: typeof self, progress: number) =>
      viewFor(domain, party, { role: 'A', may: ['offer'] }, [], { progress });
    n.sync(view(self, 0.5));
    const before = n.prefs.utility(n.propose()!);
    n.sync(view({ ...self, reservation: 0.95 }, 0.5));
    expect(n.prefs.reservation).toBe(0.95);
    const after = n.propose();
    expect(after).not.toBeNull();
    expect(n.prefs.utility(after!)).toBeGreaterThanOrEqual(0.95);
    expect(before).toBeLessThan(0.95);
  });
});
