export { renderVegaLite, type TopLevelSpec } from './vega.js';
export { plotFrontier, frontierSpec, type FrontierPlotOptions } from './frontier.js';
export { outcomeCloud, type OutcomeCloud, type CloudOptions } from './cloud.js';
export { plotOffers, offersSpec, type OfferPlotData, type OfferPoint } from './offers.js';
export { plotConcession, concessionSpec, type ConcessionPlotData } from './concession.js';
