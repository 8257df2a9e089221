import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analysis/index.js';
import { comparePackage } from '../../src/analysis/what-if/compare.js';
import { applyOverrides, scenarioAt } from '../../src/analysis/what-if/overrides.js';
import { nearMisses } from '../../src/analysis/what-if/near-misses.js';
import { dirichletAround, sensitivity } from '../../src/analysis/what-if/sensitivity.js';
import { tradesOn } from '../../src/analysis/what-if/trades.js';
import { redLinesCrossed, utilityFor } from '../../src/core/party.js';
import { Random } from '../../src/core/random.js';
import { loadInput } from '../../src/formats/input.js';
import { parley } from '../cli/run.js';

const cairo = loadInput(['cairo-2024']);
const israel = (s: typeof cairo) => s.parties.find((p) => p.name === 'Israel')!;

describe('what-if changes without editing the file', () => {
  it('drops and adds red lines, and sets a walk-away value', () => {
    const changed = applyOverrides(cairo, [
      'parties.Israel.redLines.rafah-regardless=off',
      'parties.Israel.redLines.open-crossing={"issue":"aid-crossing","allowed":["open"]}',
      'parties.Israel.reservation=0.2',
    ]);
    const ids = israel(changed).redLines.map((l) => l.id);
    expect(ids).not.toContain('rafah-regardless');
    expect(ids).toContain('open-crossing');
    expect(israel(changed).reservation).toBe(0.2);
    expect(israel(cairo).redLines.map((l) => l.id)).toContain('rafah-regardless');
  });

  it('sets a weight and rescales the others so that they still sum to 1', () => {
    const changed = applyOverrides(cairo, ['parties.Israel.weights.aid-crossing=0.4']);
    const u = israel(changed).utility;
    if (u.kind !== 'additive') throw new Error('additive expected');
    expect(u.weights['aid-crossing']).toBe(0.4);
    expect(Object.values(u.weights).reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
  });

  it('refuses a change it cannot make, saying what it expected', () => {
    expect(() => applyOverrides(cairo, ['parties.Israel.redLines.no-such-line=off'])).toThrow(/not a change/);
    expect(() => applyOverrides(cairo, ['parties.Nobody.reservation=0.1'])).toThrow(/not a change/);
    expect(() => applyOverrides(cairo, ['parties.Israel.reservation=2'])).toThrow(/not a change/);
  });

  it('applies the timeline’s events up to an hour, and none before the first', () => {
    const at34 = scenarioAt(cairo, 34);
    expect(israel(at34).reservation).toBeCloseTo(israel(cairo).reservation - 0.05, 12);
    expect(israel(scenarioAt(cairo, 0)).reservation).toBe(israel(cairo).reservation);
  });

  it('opens cairo-2024’s zone when a blocking set of red lines is relaxed with --set', async () => {
    const r = await parley([
      'analyze',
      'cairo-2024',
      '--set',
      'parties.Israel.redLines.pause-not-end=off',
      '--set',
      'parties.Hamas.redLines.complete-withdrawal=off',
      '--set',
      'parties.Israel.redLines.rafah-regardless=off',
    ]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(
      /^What if \(the scenario file is unchanged\):\n {2}- set parties\.Israel\.redLines\.pause-not-end=off/,
    );
    expect(r.stdout).not.toContain('The zone is EMPTY');
  });
});

describe('comparing packages', () => {
  it('gives each party its worst and best utility over the completions of a partial package', () => {
    const partial = { 'rafah-operation': 'no-operation', 'end-of-war': 'pause-only', withdrawal: 'forces-remain' };
    const c = comparePackage(cairo, partial);
    expect(c.open).toEqual(['truce-days', 'captives-first-phase', 'prisoners-first-phase', 'aid-crossing']);
    const full = comparePackage(cairo, {
      ...partial,
      'truce-days': '40-days',
      'captives-first-phase': '33',
      'prisoners-first-phase': 'as-proposed',
      'aid-crossing': 'open',
    });
    for (const [i, p] of c.parties.entries()) {
      expect(p.worst).toBeLessThanOrEqual(full.parties[i]!.best + 1e-12);
      expect(p.best).toBeGreaterThanOrEqual(full.parties[i]!.best - 1e-12);
      expect(p.best).toBeGreaterThan(p.worst);
    }
    expect(c.inZone).toEqual({ count: 0, of: 36 });
  });

  it('compares several packages side by side in eval', async () => {
    const r = await parley([
      'eval',
      'cairo-2024',
      '--outcome',
      '{"rafah-operation":"no-operation"}',
      '--outcome',
      '{"rafah-operation":"operation"}',
    ]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/│ +│ #1 +│ #2 +│/);
    expect(r.stdout).toMatch(/In the zone +│ 0 of \d+ completions/);
  });
});

describe('sensitivity of assumed numbers', () => {
  it('draws weights around the given ones, a typical weight moving by about a third', () => {
    const random = new Random(3);
    const given = [1, 1, 1, 1, 1, 1, 1].map((w) => w / 7);
    const draws = Array.from({ length: 4000 }, () => dirichletAround(random, given)[0]!);
    const mean = draws.reduce((a, b) => a + b, 0) / draws.length;
    const sd = Math.sqrt(draws.reduce((a, b) => a + (b - mean) ** 2, 0) / draws.length);
    expect(mean).toBeCloseTo(1 / 7, 2);
    expect(sd / mean).toBeGreaterThan(0.28);
    expect(sd / mean).toBeLessThan(0.39);
  });

  it('moves only numbers marked assumed, and is the same for the same seed', () => {
    const none = { preferences: () => false, reservation: () => false };
    const base = analyze(cairo, { timeLimit: 10 });
    const still = sensitivity(cairo, base, none, { samples: 3 });
    expect(still.moved).toEqual([]);
    for (const c of still.conclusions) expect(c.holds).toBe(3);
    const all = { preferences: () => true, reservation: () => true };
    const a = sensitivity(cairo, base, all, { samples: 4, seed: 9 });
    const b = sensitivity(cairo, base, all, { samples: 4, seed: 9 });
    expect(a).toEqual(b);
    expect(a.moved).toContain("Israel's walk-away value");
  });
});

describe('near misses and trades', () => {
  it('ranks the packages closest to an empty zone: fewest red lines crossed first', () => {
    const misses = nearMisses(cairo, 5);
    expect(misses).toHaveLength(5);
    const fewest = Math.min(...misses.map((m) => m.crossed.length));
    expect(misses[0]!.crossed.length).toBe(fewest);
    // No package of the whole space crosses fewer lines than the first near miss.
    expect(fewest).toBeGreaterThan(0);
    for (let i = 1; i < misses.length; i++)
      expect(misses[i]!.crossed.length).toBeGreaterThanOrEqual(misses[i - 1]!.crossed.length);
  });

  it('lists trades that leave nobody worse off and cross no new red line', () => {
    const pkg = {
      'truce-days': '40-days',
      'captives-first-phase': '33',
      'prisoners-first-phase': 'as-proposed',
      'aid-crossing': 'closed',
      'rafah-operation': 'no-operation',
      'end-of-war': 'permanent-in-later-phase',
      withdrawal: 'partial-withdrawal',
    };
    const trades = tradesOn(cairo, pkg);
    expect(trades[0]!.changes).toEqual({ 'aid-crossing': 'open' });
    for (const t of trades) {
      const next = { ...pkg, ...t.changes };
      cairo.parties.forEach((p, i) => {
        expect(utilityFor(p, next) - utilityFor(p, pkg)).toBeCloseTo(t.gains[i]!, 12);
        expect(t.gains[i]!).toBeGreaterThanOrEqual(-1e-12);
        const before = redLinesCrossed(p, pkg).map((l) => l.id);
        for (const l of redLinesCrossed(p, next)) expect(before).toContain(l.id);
      });
    }
  });
});
