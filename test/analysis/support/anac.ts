/** The built-in ANAC domains, read with parley's own input reader, and their 2014 references. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Scenario } from '../../../src/core/scenario.js';
import { loadInput } from '../../../src/formats/input.js';

export const ANAC = new URL('../../../scenarios/genius/anac/', import.meta.url).pathname;

/** A GENIUS domain folder such as `y2011/Energy`. */
export function loadAnac(relative: string): Scenario {
  return loadInput([join(ANAC, relative)]);
}

/** Reference points of a 2014 `pareto.xml` (one `u1, u2` line per point). */
export function loadParetoReference(relative: string): number[][] {
  return readFileSync(join(ANAC, relative, 'pareto.xml'), 'utf8')
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => /^[0-9]/.test(l))
    .map((l) => l.split(',').map(Number));
}
