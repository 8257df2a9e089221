import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { evaluateUtility } from '../../src/core/utility.js';
import { loadInput } from '../../src/formats/index.js';
import { ROOT, someOutcomes } from './helpers.js';

interface Reference {
  readonly domain: string;
  readonly parties: string[];
  readonly outcomes: number;
  readonly frontier: [number, number][];
}

const references = (
  JSON.parse(readFileSync(join(ROOT, 'test/fixtures/frontiers/anac-2010-2013.json'), 'utf8')) as Reference[]
).filter((r) => r.outcomes <= 20_000);

const round9 = (x: number) => Math.round(x * 1e9) / 1e9;

/** Distinct non-dominated utility pairs by a sweep: sort by u1 then u2, both descending. */
function frontier(points: [number, number][]): string[] {
  const sorted = [...points].sort((a, b) => b[0] - a[0] || b[1] - a[1]);
  const out = new Set<string>();
  let bestU2 = -Infinity;
  for (const [u1, u2] of sorted) {
    if (u2 > bestU2) {
      out.add(`${u1},${u2}`);
      bestU2 = u2;
    }
  }
  return [...out].sort();
}

describe('GENIUS utilities reproduce the reference Pareto frontiers', () => {
  it('covers the small ANAC 2010–2013 domains', () => {
    expect(references.length).toBeGreaterThanOrEqual(80);
  });

  it.each(references.map((r) => [r.domain, r] as const))('%s', (_name, ref) => {
    const s = loadInput([`anac/${ref.domain}`]);
    expect(s.parties.map((p) => p.name)).toEqual(ref.parties);
    const pts = someOutcomes(s.domain, 20_000, 0).map(
      (o) => s.parties.map((p) => round9(evaluateUtility(p.utility, o))) as [number, number],
    );
    expect(frontier(pts)).toEqual(ref.frontier.map((p) => `${p[0]},${p[1]}`).sort());
  });
});
