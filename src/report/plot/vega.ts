import type * as Vega from 'vega';
import type { TopLevelSpec } from 'vega-lite';
import { ParleyError } from '../../core/errors.js';

export type { TopLevelSpec };

interface Renderer {
  readonly vega: typeof Vega;
  readonly compile: typeof import('vega-lite').compile;
}

let renderer: Promise<Renderer> | undefined;

/** vega and vega-lite take a quarter of a second to load: only a command that draws a plot pays for it. */
function loadRenderer(): Promise<Renderer> {
  renderer ??= Promise.all([import('vega'), import('vega-lite')]).then(([vega, vegaLite]) => ({
    vega,
    compile: vegaLite.compile,
  }));
  return renderer;
}

/**
 * Renders a vega-lite spec to SVG text without a browser or canvas: vega-lite compiles
 * it to vega, and a headless vega view (`renderer: 'none'`) serialises the scene.
 */
export async function renderVegaLite(spec: TopLevelSpec): Promise<string> {
  const { vega, compile } = await loadRenderer();
  let view: Vega.View;
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
