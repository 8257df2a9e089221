import { describe, expect, it } from 'vitest';
import { analyze, stickingPoints, zopa } from '../../src/analysis/index.js';
import { crossesRedLine } from '../../src/core/party.js';
import { bareScenario } from '../../src/core/scenario.js';
import { additive, deadlockedTalks, party, talks } from './support/hand-built.js';

describe('blockers of an empty zone', () => {
  it('finds every smallest set of red lines whose relaxation opens the zone', () => {
    const analysis = analyze(deadlockedTalks());
    expect(analysis.zopa.size).toBe('0');
    expect(analysis.zopa.best).toEqual([]);
    expect(analysis.nash).toBeNull();
    const sets = analysis.blockers.map((b) => [...b.constraints].sort().join(' + ')).sort();
    expect(sets).toEqual(
      [
        'red-line:Hamas/full-withdrawal + red-line:Hamas/permanent-ceasefire',
        'red-line:Hamas/full-withdrawal + red-line:Israel/no-permanent-ceasefire',
        'red-line:Hamas/permanent-ceasefire + red-line:Israel/no-full-withdrawal',
        'red-line:Israel/no-full-withdrawal + red-line:Israel/no-permanent-ceasefire',
      ].sort(),
    );
    for (const b of analysis.blockers) expect(b.issues).toEqual(['ceasefire', 'withdrawal']);
  });

  it('shows points of the opened zone that cross none of the red lines left in place', () => {
    const scenario = deadlockedTalks();
    const lines = scenario.parties.flatMap((p) => p.redLines.map((l) => ({ id: `red-line:${p.name}/${l.id}`, l })));
    for (const b of analyze(scenario).blockers) {
      expect(b.opens.length).toBeGreaterThan(0);
      const kept = lines.filter((x) => !b.constraints.includes(x.id));
      for (const p of b.opens) expect(kept.some((x) => crossesRedLine(x.l, p.outcome))).toBe(false);
    }
  });

  it('opens the zone when one smallest set is actually relaxed', () => {
    const scenario = deadlockedTalks();
    const [israel, hamas] = scenario.parties;
    const relaxed = bareScenario('relaxed', talks, [
      { ...israel!, redLines: israel!.redLines.filter((l) => l.id !== 'no-full-withdrawal') },
      { ...hamas!, redLines: hamas!.redLines.filter((l) => l.id !== 'permanent-ceasefire') },
    ]);
    expect(Number(zopa(relaxed).size)).toBeGreaterThan(0);
    expect(analyze(relaxed).blockers).toEqual([]);
  });

  it('names reservation values when they alone close the zone', () => {
    const a = party(
      'A',
      additive(
        [1, 0, 0],
        [
          [1, 0.5, 0],
          [0, 0, 0],
          [0, 0],
        ],
      ),
      [],
      0.8,
    );
    const b = party(
      'B',
      additive(
        [1, 0, 0],
        [
          [0, 0.5, 1],
          [0, 0, 0],
          [0, 0],
        ],
      ),
      [],
      0.8,
    );
    const analysis = analyze(bareScenario('split', talks, [a, b]));
    expect(analysis.zopa.size).toBe('0');
    expect(analysis.blockers.map((x) => x.constraints)).toEqual([['reservation:A'], ['reservation:B']]);
    // With A's reservation gone, only B's best deal gives B its 0.8.
    expect(analysis.blockers[0]!.opens.map((p) => p.utilities)).toEqual([[0, 1]]);
  });

  it('reports no blockers when the zone is open', () => {
    const a = party(
      'A',
      additive(
        [0.5, 0.5, 0],
        [
          [1, 0.5, 0],
          [0, 0.5, 1],
          [0, 0],
        ],
      ),
      [],
      0.2,
    );
    const b = party(
      'B',
      additive(
        [0.5, 0.5, 0],
        [
          [0, 0.5, 1],
          [1, 0.5, 0],
          [0, 0],
        ],
      ),
      [],
      0.2,
    );
    const analysis = analyze(bareScenario('open', talks, [a, b]));
    expect(Number(analysis.zopa.size)).toBeGreaterThan(0);
    expect(analysis.blockers).toEqual([]);
  });
});

describe('sticking points', () => {
  it('scores opposition as the smaller weight times (1 − ρ)/2, blocking issues first', () => {
    const points = stickingPoints(deadlockedTalks());
    expect(points.map((p) => p.issue)).toEqual(['ceasefire', 'withdrawal', 'aid']);
    expect(points.map((p) => p.blocking)).toEqual([true, true, false]);
    expect(points[0]!.opposition).toBeCloseTo(0.5, 12);
    expect(points[1]!.opposition).toBeCloseTo(0.3, 12);
    expect(points[2]!.opposition).toBeCloseTo(0.1, 12);
  });

  it('gives no opposition where the parties agree or one is indifferent, and orders by opposition', () => {
    const a = party(
      'A',
      additive(
        [0.2, 0.5, 0.3],
        [
          [1, 0.5, 0],
          [0, 0.5, 1],
          [1, 0],
        ],
      ),
    );
    const b = party(
      'B',
      additive(
        [0.4, 0.4, 0.2],
        [
          [1, 0.4, 0],
          [1, 0.5, 0],
          [0.5, 0.5],
        ],
      ),
    );
    const points = stickingPoints(bareScenario('mixed', talks, [a, b]));
    expect(points.map((p) => [p.issue, p.blocking])).toEqual([
      ['withdrawal', false],
      ['ceasefire', false],
      ['aid', false],
    ]);
    expect(points[0]!.opposition).toBeCloseTo(0.4, 12);
    expect(points[1]!.opposition).toBe(0);
    expect(points[2]!.opposition).toBe(0);
  });
});
