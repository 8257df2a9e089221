/** The built-in ANAC domains, read with parley's own input reader, and their 2014 references. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ANAC } from '../../support/anac.js';

export { ANAC, anacDomains, loadAnac } from '../../support/anac.js';

/** Reference points of a 2014 `pareto.xml` (one `u1, u2` line per point). */
export function loadParetoReference(relative: string): number[][] {
  return readFileSync(join(ANAC, relative, 'pareto.xml'), 'utf8')
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => /^[0-9]/.test(l))
    .map((l) => l.split(',').map(Number));
}
