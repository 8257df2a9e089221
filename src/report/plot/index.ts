export { renderVegaLite, type TopLevelSpec } from './vega.js';
export { plotFrontier, frontierSpec, type FrontierPlotOptions } from './frontier.js';
export { outcomeCloud, type OutcomeCloud, type CloudOptions } from './cloud.js';
export { writeFileAtomic } from './write-atomic.js';
