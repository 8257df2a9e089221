/** fast-check generators of small scenarios with many ties, for checking analysis by brute force. */
import fc from 'fast-check';
import type { Domain } from '../../../src/core/domain.js';
import type { Party, RedLine } from '../../../src/core/party.js';
import { bareScenario, type Scenario } from '../../../src/core/scenario.js';
import type { HyperRectangle, UtilityFunction } from '../../../src/core/utility.js';

export type Kind = 'additive' | 'rectangles' | 'mixed';

const level = (levels: readonly number[]) => fc.constantFrom(...levels);

function additive(sizes: readonly number[]): fc.Arbitrary<UtilityFunction> {
  return fc
    .tuple(
      fc.tuple(...sizes.map(() => level([0, 1, 2, 3]))),
      fc.tuple(...sizes.map((n) => fc.array(level([0, 0.5, 1]), { minLength: n, maxLength: n }))),
    )
    .map(([raw, tables]) => {
      const total = raw.reduce((a, b) => a + b, 0);
      const weights = Object.fromEntries(raw.map((w, i) => [`i${i}`, total === 0 ? 1 / raw.length : w / total]));
      const values = Object.fromEntries(
        tables.map((t, i) => [
          `i${i}`,
          { kind: 'table' as const, utilities: Object.fromEntries(t.map((u, k) => [String(k), u])) },
        ]),
      );
      return { kind: 'additive', weights, values };
    });
}

function rectangle(sizes: readonly number[]): fc.Arbitrary<HyperRectangle> {
  const bound = (n: number) => fc.option(fc.tuple(fc.nat(n - 1), fc.nat(n - 1)), { freq: 2 });
  return fc.tuple(level([1, 2, 3]), fc.tuple(...sizes.map(bound))).map(([value, bs]) => ({
    value,
    bounds: Object.fromEntries(
      bs.flatMap((b, i) => (b === null ? [] : [[`i${i}`, { min: Math.min(...b), max: Math.max(...b) }]])),
    ),
  }));
}

/**
 * With `capped`, the scale may fall below the rectangles' total, so utilities hit GENIUS's
 * cap of 1; otherwise the scale is at least the total and the cap never binds.
 */
function rectangles(sizes: readonly number[], most: number, capped: boolean): fc.Arbitrary<UtilityFunction> {
  return fc
    .tuple(fc.array(rectangle(sizes), { minLength: 1, maxLength: most }), level([3, 6, 10]))
    .map(([rects, level]) => {
      const total = rects.reduce((a, r) => a + r.value, 0);
      return { kind: 'rectangles', rectangles: rects, scale: capped ? level : Math.max(level, total) };
    });
}

function redLine(sizes: readonly number[], id: number): fc.Arbitrary<RedLine> {
  return fc
    .tuple(fc.nat(sizes.length - 1), fc.nat(3), fc.nat(3))
    .map(([i, a, b]) => ({ id: `r${id}`, issue: `i${i}`, min: Math.min(a, b), max: Math.max(a, b) }));
}

export interface ScenarioShape {
  readonly kinds?: readonly Kind[];
  readonly minIssues?: number;
  readonly maxIssues?: number;
  readonly maxValues?: number;
  readonly maxRectangles?: number;
  readonly redLines?: boolean;
  /** Let rectangle sums exceed the scale, so the cap at 1 binds. */
  readonly capped?: boolean;
  /** Fewest and most parties (default 2 and 4). */
  readonly parties?: readonly [number, number];
}

export function scenarioArbitrary(options: ScenarioShape = {}): fc.Arbitrary<Scenario> {
  const sizes = fc.array(fc.integer({ min: 1, max: options.maxValues ?? 4 }), {
    minLength: options.minIssues ?? 1,
    maxLength: options.maxIssues ?? 6,
  });
  return fc
    .tuple(
      sizes,
      fc.integer({ min: options.parties?.[0] ?? 2, max: options.parties?.[1] ?? 4 }),
      fc.constantFrom(...(options.kinds ?? ['additive', 'rectangles', 'mixed'])),
    )
    .chain(([sz, n, kind]) => {
      const fn = (p: number) =>
        kind === 'additive' || (kind === 'mixed' && p % 2 === 0)
          ? additive(sz)
          : rectangles(sz, options.maxRectangles ?? 6, options.capped ?? false);
      const party = (p: number) =>
        fc.tuple(
          fn(p),
          level([0, 0, 0.3, 0.6]),
          options.redLines === false ? fc.constant([]) : fc.array(redLine(sz, p), { maxLength: 1 }),
        );
      return fc.tuple(fc.constant(sz), fc.tuple(...Array.from({ length: n }, (_, p) => party(p))));
    })
    .map(([sz, ps]) => {
      const domain: Domain = {
        name: 'random',
        issues: sz.map((n, i) => ({ kind: 'integer' as const, name: `i${i}`, min: 0, max: n - 1 })),
        phases: [],
      };
      const parties: Party[] = ps.map(([utility, reservation, redLines], p) => ({
        name: `P${p}`,
        utility,
        reservation,
        discount: 1,
        redLines,
      }));
      return bareScenario('random', domain, parties);
    });
}
