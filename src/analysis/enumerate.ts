import type { Scenario } from '../core/scenario.js';
import {
  compileParties,
  evaluateCompiled,
  fullSpace,
  spaceSizeNumber,
  type CompiledUtility,
  type Space,
} from './compile.js';
import type { FrontierResult } from './types.js';
import { finalizeFrontier, FirstPerVector, type IndexedPoint } from './vectors.js';

/**
 * Visits every outcome of the space in value order with its raw utilities. `visit` may
 * return false to stop early; the function returns whether it visited everything.
 */
export function forEachOutcome(
  space: Space,
  fns: readonly CompiledUtility[],
  visit: (index: Int32Array, utilities: Float64Array) => boolean | void,
): boolean {
  const n = space.allowed.length;
  if (space.allowed.some((a) => a.length === 0)) return true;
  const pos = new Int32Array(n);
  const index = Int32Array.from(space.allowed.map((a) => a[0]!));
  const u = new Float64Array(fns.length);
  for (;;) {
    for (let p = 0; p < fns.length; p++) u[p] = evaluateCompiled(fns[p]!, index);
    if (visit(index, u) === false) return false;
    let i = n - 1;
    while (i >= 0) {
      const a = space.allowed[i]!;
      if (++pos[i]! < a.length) {
        index[i] = a[pos[i]!]!;
        break;
      }
      pos[i] = 0;
      index[i] = a[0]!;
      i--;
    }
    if (i < 0) return true;
  }
}

/**
 * Frontier by visiting every outcome: the reference the fast algorithms are tested against.
 * Returns null when the deadline (ms since epoch) passes before every outcome is visited.
 */
export function enumerateSpaceFrontier(
  space: Space,
  fns: readonly CompiledUtility[],
  deadline = Infinity,
  onProgress?: (fraction: number) => void,
): FrontierResult<IndexedPoint> | null {
  const firstPerVector = new FirstPerVector();
  const total = spaceSizeNumber(space);
  let count = 0;
  const done = forEachOutcome(space, fns, (index, u) => {
    firstPerVector.add(u, index);
    if ((++count & 0xffff) !== 0) return true;
    onProgress?.(count / total);
    return Date.now() < deadline;
  });
  return done ? finalizeFrontier(firstPerVector) : null;
}

/** The brute-force frontier of a whole scenario (no red lines), as value positions. */
export function enumerateIndexedFrontier(scenario: Scenario): IndexedPoint[] {
  const space = fullSpace(scenario.domain);
  return enumerateSpaceFrontier(space, compileParties(scenario.parties, scenario.domain))?.frontier ?? [];
}
