import { PARLEY_VERSION } from '../json/version.js';
import type { RunJson } from './json-schema.js';
import type { RunOutcome } from '../../session/simulate.js';

/** The `parley run --json` object (schema/run.schema.json). */
export function runToJson(run: RunOutcome, files: Readonly<Record<string, string>>): RunJson {
  const { result, plan } = run;
  const discounting = run.parties.some((p) => p.discount < 1);
  return {
    parley: PARLEY_VERSION,
    seed: result.seed,
    agreement: result.outcome ? { ...result.outcome } : null,
    utilities: result.parties.map((p) => p.utility),
    ...(discounting ? { discounted: result.parties.map((p) => p.discounted) } : {}),
    rounds: result.rounds,
    events: run.log.events.length,
    scenario: result.scenario,
    parties: result.parties.map((p) => p.party),
    protocol: result.protocol,
    agents: plan.seats.map((s) => ({ role: s.role, agent: s.spec.strategy })),
    endReason: result.endReason,
    ...closedPart(run),
    proposal: result.proposal,
    time: result.time,
    welfare: result.welfare,
    distances: result.distances ? { frontier: result.distances.frontier, nash: result.distances.nash } : null,
    stickingPoints: result.stickingPoints.map((s) => s.issue),
    openIssues: [...result.openIssues],
    improvements: run.improvements.map((p) => ({ utilities: [...p.utilities], outcome: { ...p.outcome } })),
    files: { ...files },
  };
}

/** Who closed the talks and why, from the log's `closed` event (only when the convenor closed them). */
function closedPart(run: RunOutcome): Pick<RunJson, 'closed'> {
  const closed = run.log.events.find((e) => e.kind === 'closed');
  if (closed?.kind !== 'closed') return {};
  return { closed: { by: closed.actor, reason: closed.reason, lapsed: [...(closed.lapsed ?? [])] } };
}
