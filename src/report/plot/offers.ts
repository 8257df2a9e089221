import { writeFileAtomic } from '../../formats/atomic-write.js';
import { offersSpec, type OfferPlotData } from './offers-spec.js';
import { renderVegaLite } from './vega.js';

export { offersSpec, PALETTE, type OfferPlotData, type OfferPoint } from './offers-spec.js';

/** The offers in utility space as SVG (pairwise panels for three or more parties). */
export async function plotOffers(data: OfferPlotData, file?: string): Promise<string> {
  const svg = await renderVegaLite(offersSpec(data));
  if (file) writeFileAtomic(file, svg);
  return svg;
}
