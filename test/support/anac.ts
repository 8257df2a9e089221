/** The built-in ANAC domains the tests and the benchmarks run on, read with parley's own input reader. */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Scenario } from '../../src/core/scenario.js';
import { loadInput } from '../../src/formats/input.js';

export const ANAC = new URL('../../scenarios/genius/anac/', import.meta.url).pathname;

/** `y2011/Energy`-style names for the given years, each year's folders in code-point order. */
export function anacDomains(years: readonly string[]): string[] {
  return years.flatMap((y) =>
    readdirSync(join(ANAC, y), { withFileTypes: true })
      .filter((e) => e.isDirectory())
      .map((e) => `${y}/${e.name}`)
      .sort(),
  );
}

export function loadAnac(relative: string): Scenario {
  return loadInput([join(ANAC, relative)]);
}
