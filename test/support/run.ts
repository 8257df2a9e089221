import { runSession, type SessionOptions, type SessionRun } from '../../src/session/runner.js';
import type { AnalysisChoice, NegotiationResult } from '../../src/session/result.js';
import { resultOf } from '../../src/session/simulate.js';

/** A session run through the real runner, then measured once (analysis skipped unless asked for). */
export function runMeasured(
  options: SessionOptions & { readonly analysis?: AnalysisChoice },
): SessionRun & { readonly result: NegotiationResult } {
  const { analysis = 'skip', ...session } = options;
  const run = runSession(session);
  return { ...run, result: resultOf(options.scenario, run, analysis) };
}
