import type { SensitivityResult } from '../../analysis/what-if/sensitivity.js';
import { heading, plainTable, wrap } from './format.js';

/** How often each conclusion of the analysis holds when the assumed numbers move. */
export function sensitivitySection(result: SensitivityResult): string {
  const intro = wrap(
    `${result.samples} samples (seed ${result.seed}) of the numbers marked assumed, each analysed again: ` +
      'weights drawn from a Dirichlet distribution centred on the given weights (a typical weight moves by about a third), ' +
      `value scores and walk-away values uniformly within ±${result.spread} of the given ones, clipped to [0, 1]. ` +
      `Moved: ${result.moved.length ? result.moved.join('; ') : 'nothing (no number is marked assumed)'}.`,
    100,
    '',
  );
  const rows = result.conclusions.map((c) => [
    c.label,
    `${c.holds} of ${result.samples}`,
    `${result.samples ? Math.round((100 * c.holds) / result.samples) : 0}%`,
  ]);
  const table = plainTable(['Conclusion of the analysis above', 'Holds in', 'Share'], rows, ['left', 'right', 'right']);
  return heading('Sensitivity to assumed numbers') + intro + '\n' + table + '\n';
}
