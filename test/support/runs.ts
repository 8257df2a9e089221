import type { Scenario } from '../../src/core/scenario.js';
import type { Agent } from '../../src/protocols/agent.js';
import { planRun, type RunRequest } from '../../src/session/plan.js';
import { runSession } from '../../src/session/runner.js';
import { finishRun, type RunOutcome } from '../../src/session/simulate.js';

/**
 * A finished run as the reports receive it, with the moves written out by hand: the plan
 * `parley run` would make, played by the given agents, measured as every run is.
 */
export function scriptedRun(
  scenario: Scenario,
  request: RunRequest,
  agents: readonly Agent[],
  analysisTimeLimit = 10,
): RunOutcome {
  const plan = planRun(scenario, request);
  const run = runSession({ ...plan, agents });
  return finishRun(plan, run.log, run.state, analysisTimeLimit);
}
