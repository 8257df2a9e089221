import * as vega from 'vega';
import { compile, type TopLevelSpec } from 'vega-lite';
import { ParleyError } from '../../core/errors.js';

export type { TopLevelSpec };

/**
 * Renders a vega-lite spec to SVG text without a browser or canvas: vega-lite compiles
 * it to vega, and a headless vega view (`renderer: 'none'`) serialises the scene.
 */
export async function renderVegaLite(spec: TopLevelSpec): Promise<string> {
  let view: vega.View;
  try {
    view = new vega.View(vega.parse(compile(spec, { logger: vega.logger(vega.None) }).spec), { renderer: 'none' });
  } catch (e) {
    throw new ParleyError('PARLEY_E_INTERNAL', `the plot specification does not compile: ${(e as Error).message}`, {
      cause: e,
    });
  }
  try {
    return await view.toSVG();
  } finally {
    view.finalize();
  }
}
