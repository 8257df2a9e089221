import { isParleyError } from '../core/errors.js';
import type { AgentSpec, Scenario } from '../core/scenario.js';
import { agentNames, createAgent, isModulePath, type AgentSeat } from '../agents/registry.js';
import { ParameterError } from '../agents/params.js';
import { splitPrincipalParams } from './plan.js';

/** Why `parley run` could not build an agent from a spec; `parameters` names the keys at fault, if any. */
export interface AgentSpecProblem {
  readonly message: string;
  readonly parameters?: readonly string[];
}

type SpecSeat = Extract<AgentSeat, 'delegation' | 'mediator'>;

/** The strategy's own problem: unknown, a module (which only the command line loads), or made for the other kind of seat. */
function strategyProblem(spec: AgentSpec, seat: SpecSeat): AgentSpecProblem | null {
  if (agentNames(seat).includes(spec.strategy)) return null;
  if (isModulePath(spec.strategy))
    return {
      message: `names the agent module ${spec.strategy}; modules are given on the command line (--agents, --mediators), a scenario's defaults name built-in strategies`,
    };
  const other: SpecSeat = seat === 'delegation' ? 'mediator' : 'delegation';
  if (agentNames(other).includes(spec.strategy))
    return {
      message:
        seat === 'delegation'
          ? `"${spec.strategy}" is a mediator, not a delegation strategy`
          : `"${spec.strategy}" plays a party's delegation, not a mediator`,
    };
  return { message: `names an unknown strategy "${spec.strategy}"; known: ${agentNames(seat).join(', ')}` };
}

function attempt(build: () => unknown): AgentSpecProblem | null {
  try {
    build();
    return null;
  } catch (e) {
    if (e instanceof ParameterError) return { message: e.message, parameters: e.parameters };
    if (isParleyError(e)) return { message: e.message };
    throw e;
  }
}

/**
 * What would stop `parley run` from building the agent a scenario's simulation defaults give
 * for a seat, found before any run: an unknown strategy, one for the other kind of seat, a
 * parameter the agent does not know or a value out of its range. The agent is built as the
 * run builds it (a delegation's ratification parameters go to its decision body).
 */
export function agentSpecProblem(
  spec: AgentSpec,
  seat: SpecSeat,
  scenario: Scenario,
  party?: string,
): AgentSpecProblem | null {
  const strategy = strategyProblem(spec, seat);
  if (strategy) return strategy;
  const domain = scenario.domain;
  if (seat === 'mediator')
    return attempt(() => createAgent(spec, spec.role ?? 'Mediator', { kind: 'mediator', domain }));
  const self = scenario.parties.find((p) => p.name === party) ?? scenario.parties[0];
  const { delegation, principal } = splitPrincipalParams(spec);
  const context = { domain, party: self?.name, self };
  return (
    attempt(() => createAgent(delegation, self?.name ?? 'delegation', { ...context, kind: 'delegation' })) ??
    attempt(() =>
      createAgent({ strategy: 'principal', params: principal }, 'decision body', { ...context, kind: 'decision-body' }),
    )
  );
}
