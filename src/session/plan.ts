import { ParleyError } from '../core/errors.js';
import type { Mediator, Roles } from '../core/roles.js';
import type { AgentSpec, Scenario, SimulationDefaults } from '../core/scenario.js';
import { getProtocol, registeredProtocols } from '../protocols/registry.js';
import { roleMap } from '../protocols/roles.js';

/**
 * What `parley run` asks for: the scenario's simulation defaults, each of which it may
 * override (agents one per party, in party order, modules loaded), plus a time deadline.
 * Anything absent comes from the scenario's `simulation`, then defaults.
 */
export interface RunRequest extends Omit<SimulationDefaults, 'hoursPerRound'> {
  readonly time?: number;
  /** The protocol's own options (see its `options` schema). */
  readonly protocolOptions?: Readonly<Record<string, unknown>>;
}

/** A role and the agent spec that plays it. */
export interface Seating {
  readonly role: string;
  readonly kind: 'delegation' | 'mediator' | 'decision-body' | 'working-group';
  readonly party?: string;
  readonly spec: AgentSpec;
  /** A fixed seed for this agent (default: its view's seed, from the session seed and its role). */
  readonly seed?: number;
}

/** Everything a run needs, resolved: the scenario (with any added mediator role) and who plays which seat. */
export interface RunPlan {
  readonly scenario: Scenario;
  readonly protocol: string;
  readonly seats: readonly Seating[];
  readonly deadline: { readonly rounds?: number; readonly time?: number };
  readonly seed: number;
  readonly hoursPerRound: number;
  readonly protocolOptions?: Readonly<Record<string, unknown>>;
  /** Parties whose preferences the mediators may see (none by default). */
  readonly revealToMediators?: readonly string[];
}

export const DEFAULT_ROUNDS = 100;
export const DEFAULT_AGENT = 'boulware';
export const DEFAULT_MEDIATOR = 'hill-climb';
const ADDED_MEDIATOR = 'Mediator';

const usage = (message: string) => new ParleyError('PARLEY_E_USAGE', message);

/** The party an agent spec's `role` names (a party or its delegation), or undefined. */
function partyOfSpec(scenario: Scenario, spec: AgentSpec): string | undefined {
  if (spec.role === undefined) return undefined;
  if (scenario.parties.some((p) => p.name === spec.role)) return spec.role;
  return scenario.roles.delegations.find((d) => d.name === spec.role)?.party;
}

/** One spec per party, in party order: the command line's, else the scenario's, else the default. */
function partySpecs(scenario: Scenario, request: RunRequest): AgentSpec[] {
  const parties = scenario.parties.map((p) => p.name);
  if (request.agents) {
    if (request.agents.length !== parties.length) {
      throw usage(
        `--agents names ${request.agents.length} agent${request.agents.length === 1 ? '' : 's'} but ${scenario.name} has ${parties.length} parties; give one per party, in party order: ${parties.join(', ')}`,
      );
    }
    return [...request.agents];
  }
  const listed = scenario.simulation?.agents ?? [];
  return parties.map(
    (party, i) =>
      listed.find((s) => partyOfSpec(scenario, s) === party) ??
      (listed.every((s) => s.role === undefined) ? listed[i] : undefined) ?? { strategy: DEFAULT_AGENT },
  );
}

/**
 * Mediator seats. Named mediators from the command line take the scenario's mediator roles
 * in order (new roles are added when there are more); the scenario's own mediator specs
 * go to the roles they name. Only one mediator leads, drafting and tabling texts; the
 * others relay, so that every party is asked about the same package.
 */
function mediatorSeats(
  roles: readonly Mediator[],
  specs: readonly AgentSpec[],
  fromCommandLine: boolean,
): { roles: Mediator[]; seats: Seating[] } {
  const all = [...roles];
  const seats: Seating[] = [];
  specs.forEach((spec, i) => {
    let role = fromCommandLine ? all[i]?.name : (spec.role ?? all[i]?.name);
    if (role === undefined) {
      role = i === 0 ? ADDED_MEDIATOR : `${ADDED_MEDIATOR} ${i + 1}`;
      all.push({ name: role, channels: [] });
    }
    seats.push({ role, kind: 'mediator', spec });
  });
  const leads = seats.filter((s) => s.spec.params?.lead === true || s.spec.params?.lead === 'true');
  const lead = leads[0]?.role ?? seats[0]?.role;
  return {
    roles: all,
    seats: seats.map((s) =>
      s.spec.params?.lead !== undefined
        ? s
        : { ...s, spec: { ...s.spec, params: { ...s.spec.params, lead: s.role === lead } } },
    ),
  };
}

function deadlineOf(scenario: Scenario, request: RunRequest, hoursPerRound: number): RunPlan['deadline'] {
  if (request.rounds !== undefined && request.time !== undefined) throw usage('give --rounds or --time, not both');
  if (request.rounds !== undefined) return { rounds: request.rounds };
  if (request.time !== undefined) return { time: request.time };
  const rounds = scenario.simulation?.rounds ?? DEFAULT_ROUNDS;
  // A scenario that sets hours per round counts its timeline in hours: its rounds are clock rounds.
  return scenario.simulation?.hoursPerRound !== undefined ? { time: rounds * hoursPerRound } : { rounds };
}

/** Parameters a party's spec may carry for its decision body rather than its delegation. */
const PRINCIPAL_PARAMS = ['ratificationMargin'];

export function splitPrincipalParams(spec: AgentSpec): {
  delegation: AgentSpec;
  principal: Record<string, number | string | boolean>;
} {
  const params = spec.params ?? {};
  const principal = Object.fromEntries(Object.entries(params).filter(([k]) => PRINCIPAL_PARAMS.includes(k)));
  const own = Object.fromEntries(Object.entries(params).filter(([k]) => !PRINCIPAL_PARAMS.includes(k)));
  return { delegation: { ...spec, params: own }, principal };
}

const MEDIATOR_AGENTS = ['hill-climb', 'nash', 'bridging'];
const DELEGATION_AGENTS = ['boulware', 'linear', 'conceder', 'tit-for-tat', 'micro', 'random'];

/** A mediator strategy given for a delegation seat, or the reverse, is a usage error. */
function checkSeatKinds(request: RunRequest): void {
  const wrong = (specs: readonly AgentSpec[] | undefined, names: string[]) =>
    (specs ?? []).find((s) => names.includes(s.strategy));
  const mediatorAsAgent = wrong(request.agents, MEDIATOR_AGENTS);
  if (mediatorAsAgent)
    throw usage(
      `"${mediatorAsAgent.strategy}" is a mediator; give it with --mediators, and delegation strategies with --agents`,
    );
  const agentAsMediator = wrong(request.mediators, DELEGATION_AGENTS);
  if (agentAsMediator)
    throw usage(
      `"${agentAsMediator.strategy}" plays a party's delegation, not a mediator; --mediators takes ${MEDIATOR_AGENTS.join(', ')}`,
    );
}

/**
 * `--mediators` gives one strategy for every mediator role of the scenario, or exactly one
 * per role; any other count is a usage error. A scenario without mediator roles gets as many
 * as are given.
 */
function mediatorCount(scenario: Scenario, specs: readonly AgentSpec[], fromCommandLine: boolean): AgentSpec[] {
  const roles = scenario.roles.mediators;
  if (!fromCommandLine || roles.length === 0 || specs.length === roles.length) return [...specs];
  if (specs.length === 1) return roles.map(() => specs[0]!);
  throw usage(
    `--mediators names ${specs.length} mediators but ${scenario.name} has ${roles.length} mediator roles (${roles.map((r) => r.name).join(', ')}); give one strategy for all of them or exactly one per role`,
  );
}

/** Resolves a run: protocol, seats, deadline and seed, from the request, the scenario and the defaults. */
export function planRun(scenario: Scenario, request: RunRequest = {}): RunPlan {
  const sim = scenario.simulation;
  const protocol = request.protocol ?? sim?.protocol ?? 'saop';
  const needs = getProtocol(protocol).seats;
  const mediated = needs.mediators !== 'none';
  if (!mediated && request.mediators?.length) {
    const withMediators = registeredProtocols().filter((p) => p.seats.mediators !== 'none');
    throw usage(
      `${protocol} has no mediators; use --protocol ${withMediators.map((p) => p.name).join(' or ')} with --mediators`,
    );
  }
  const hoursPerRound = sim?.hoursPerRound ?? 1;
  const specs = partySpecs(scenario, request);
  const fromCommandLine = request.mediators !== undefined;
  checkSeatKinds(request);
  const mediatorSpecs = !mediated
    ? []
    : mediatorCount(scenario, request.mediators ?? sim?.mediators ?? [], fromCommandLine);
  const chosen = mediated && mediatorSpecs.length === 0 ? [{ strategy: DEFAULT_MEDIATOR }] : mediatorSpecs;
  const mediators = mediatorSeats(scenario.roles.mediators, chosen, fromCommandLine || mediatorSpecs.length === 0);
  const roles: Roles = { ...scenario.roles, mediators: mediators.roles };
  const map = roleMap({
    domain: scenario.domain,
    parties: scenario.parties.map((p) => p.name),
    roles,
    timeline: [],
    deadline: {},
    seed: 0,
  });
  const split = specs.map(splitPrincipalParams);
  const seats: Seating[] = [
    ...mediators.seats,
    ...scenario.parties.map((p, i): Seating => ({
      role: map.delegations[i]!,
      kind: 'delegation',
      party: p.name,
      spec: split[i]!.delegation,
    })),
    ...(needs.decisionBodies ? bodySeats(scenario, map, split) : []),
    ...(needs.workingGroups
      ? map.groups.map((group): Seating => ({
          role: group,
          kind: 'working-group',
          spec: { strategy: 'working-group' },
        }))
      : []),
  ];
  return {
    scenario: { ...scenario, roles },
    protocol,
    seats,
    deadline: deadlineOf(scenario, request, hoursPerRound),
    seed: request.seed ?? sim?.seed ?? 1,
    hoursPerRound,
    ...(request.protocolOptions === undefined ? {} : { protocolOptions: request.protocolOptions }),
  };
}

/** A principal for each decision body, with the ratification parameters its party's spec carried. */
function bodySeats(
  scenario: Scenario,
  map: ReturnType<typeof roleMap>,
  split: readonly ReturnType<typeof splitPrincipalParams>[],
): Seating[] {
  return Object.entries(map.bodyOfParty).map(([party, body]) => {
    const i = scenario.parties.findIndex((p) => p.name === party);
    return {
      role: body,
      kind: 'decision-body',
      party,
      spec: { strategy: 'principal', params: split[i]?.principal ?? {} },
    };
  });
}
