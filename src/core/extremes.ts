/**
 * The largest and smallest of a list, by a loop: `Math.max(...xs)` throws a RangeError once a
 * list outgrows the engine's argument limit (about 10^5 values), and frontiers and issues can
 * be that long.
 */
export function largest(values: readonly number[]): number {
  let best = -Infinity;
  for (const v of values) if (v > best || Number.isNaN(v)) best = v;
  return best;
}

export function smallest(values: readonly number[]): number {
  let best = Infinity;
  for (const v of values) if (v < best || Number.isNaN(v)) best = v;
  return best;
}
