/**
 * parley as a library: everything the `parley` command does, as functions.
 *
 *   import { loadInput, analyze, renderAnalysisText, simulate } from 'parley';
 *   const scenario = loadInput(['anac/2011/Energy']);
 *   console.log(renderAnalysisText(scenario, analyze(scenario)));
 */

// The core model: issues, domains, outcomes, utility functions, parties, roles, timelines, errors.
export * from './core/index.js';

// Formats: built-in names, scenario files, GENIUS XML and GeniusWeb JSON.
// (loadInput, builtinNames, convert, validateInput, readScenarioFile, writeScenarioText, …)
export * from './formats/index.js';

// Analysis: frontier, bargaining solutions, zone of agreement, blockers, sticking points.
export * from './analysis/index.js';

// Reports: the text report, outcome evaluation, JSON output and its schema, plots.
export {
  renderAnalysisText,
  evaluateOutcome,
  parseOutcome,
  renderEvaluationText,
  AssumedNumbers,
  type OutcomeEvaluation,
  type PartyEvaluation,
} from './report/analysis/index.js';
export {
  analysisToJson,
  analysisJsonSchema,
  analysisJsonSchemaDocument,
  PARLEY_VERSION,
  type AnalysisJson,
} from './report/json/index.js';
export {
  plotFrontier,
  frontierSpec,
  renderVegaLite,
  outcomeCloud,
  type FrontierPlotOptions,
  type TopLevelSpec,
} from './report/plot/index.js';

// Negotiation: protocols as pure reducers, visibility, agents and mediators, the session runner.
export * from './protocols/index.js';
export * from './agents/index.js';
export * from './session/index.js';

// Simulation reports: plan a run, simulate it, narrate it, the agreement text, JSON and plots.
export * from './report/run/index.js';
export { plotOffers, plotConcession } from './report/plot/index.js';

// The command itself, for programs that want to run it in-process.
export { main } from './cli/main.js';
export { capturingIo, processIo, type CliIo } from './cli/io.js';

// Tournaments: many negotiations on worker threads or a Redis queue, ANAC scores with 95% intervals.
export * from './tournament/index.js';
