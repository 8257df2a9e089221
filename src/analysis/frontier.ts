import { Random } from '../core/random.js';
import type { CompiledUtility, Space } from './compile.js';
import { ENUMERATION_LIMIT, evaluateCompiled, spaceSizeNumber } from './compile.js';
import { additiveFrontier } from './additive-frontier.js';
import { enumerateSpaceFrontier } from './enumerate.js';
import { boxesOf, rectangleFrontier } from './rectangle-frontier.js';
import type { FrontierResult } from './types.js';
import { finalizeFrontier, type IndexedPoint } from './vectors.js';

export interface SearchLimits {
  /** Milliseconds since the epoch after which exactness is given up. */
  readonly deadline: number;
  readonly onProgress?: (fraction: number) => void;
}

/** The frontier of a space with the fastest exact method that applies. */
export function spaceFrontier(
  space: Space,
  fns: readonly CompiledUtility[],
  limits: SearchLimits,
): FrontierResult<IndexedPoint> {
  if (space.allowed.some((a) => a.length === 0) || fns.length === 0) return { frontier: [], exact: true };
  if (fns.every((f) => f.kind === 'additive')) {
    const tables = fns.map((f) => (f.kind === 'additive' ? f.tables : []));
    return additiveFrontier(space, tables, limits.deadline, limits.onProgress);
  }
  const boxes = boxesOf(space, fns);
  if (boxes) {
    const scales = fns.map((f) => (f.kind === 'rectangles' ? f.scale : 1));
    return rectangleFrontier(space, boxes, scales, limits.deadline, limits.onProgress);
  }
  if (spaceSizeNumber(space) <= ENUMERATION_LIMIT) {
    const enumerated = enumerateSpaceFrontier(space, fns, limits.deadline, limits.onProgress);
    if (enumerated) return enumerated;
  }
  return sampledFrontier(space, fns, limits.deadline);
}

/** Last resort for big spaces no exact method covers: random outcomes until the deadline. */
function sampledFrontier(
  space: Space,
  fns: readonly CompiledUtility[],
  deadline: number,
): FrontierResult<IndexedPoint> {
  const random = new Random(0x5eed);
  const candidates: IndexedPoint[] = [];
  const stop = Math.min(deadline, Date.now() + 5000);
  for (let n = 0; n < 1_000_000 && (n & 1023 || Date.now() < stop); n++) {
    const index = space.allowed.map((a) => a[random.int(a.length)]!);
    candidates.push({ utilities: fns.map((f) => evaluateCompiled(f, index)), index });
    if (candidates.length > 20_000) candidates.splice(0, candidates.length, ...finalizeFrontier(candidates).frontier);
  }
  return { frontier: finalizeFrontier(candidates).frontier, exact: false };
}
