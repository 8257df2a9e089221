/**
 * A definition expanded into its negotiations, in a fixed order, and cut into batches of
 * a fixed size (the same for local and queue runs). Ids are content hashes, so the same
 * definition on the same scenarios always gives the same negotiations.
 */
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { basename, dirname, resolve } from 'node:path';
import { agentNames, createAgent, isModulePath, loadAgentModule } from '../agents/index.js';
import { ParleyError } from '../core/errors.js';
import type { AgentSpec } from '../core/scenario.js';
import type { PlayerEntry, TournamentDefinition } from './definition.js';
import { loadTournamentScenarios, type TournamentScenario } from './scenarios.js';
import type { Batch, NegotiationSpec, Player } from './types.js';

export const DEFAULT_TOURNAMENT_ROUNDS = 1000;
export const DEFAULT_MEDIATOR_LABEL = 'hill-climb';
/** Negotiations per job: one scenario's negotiations in runs of this many. */
export const DEFAULT_BATCH_SIZE = 10;

export interface TournamentPlan {
  readonly id: string;
  readonly name: string;
  readonly agents: readonly Player[];
  readonly mediators: readonly Player[];
  readonly scenarios: readonly TournamentScenario[];
  readonly negotiations: readonly NegotiationSpec[];
  readonly batchSize: number;
}

const hash = (value: unknown) => createHash('sha256').update(JSON.stringify(value)).digest('hex').slice(0, 16);

function labelOf(entry: PlayerEntry): string {
  if (typeof entry === 'string') return isModulePath(entry) ? basename(entry).replace(/\.[cm]?[jt]s$/, '') : entry;
  if (entry.name) return entry.name;
  const params = Object.entries(entry.params ?? {});
  const base = labelOf(entry.strategy);
  return params.length === 0 ? base : `${base}(${params.map(([k, v]) => `${k}=${String(v)}`).join(',')})`;
}

/** Players with unique labels; module paths absolute (relative to the definition) and loaded. */
async function playersOf(entries: readonly PlayerEntry[], base: string, what: string): Promise<Player[]> {
  const players: Player[] = [];
  for (const entry of entries) {
    const given = typeof entry === 'string' ? { strategy: entry } : entry;
    const modulePath = isModulePath(given.strategy);
    const strategy = modulePath ? resolve(base, given.strategy) : given.strategy;
    if (modulePath) {
      if (!existsSync(strategy))
        throw new ParleyError('PARLEY_E_FILE_NOT_FOUND', `${what} module not found: ${given.strategy}`, {
          position: { file: strategy },
        });
      await loadAgentModule(strategy);
    } else if (!agentNames().includes(strategy))
      throw new ParleyError(
        'PARLEY_E_USAGE',
        `unknown ${what} "${strategy}"; known: ${agentNames().join(', ')} (or a path to a module)`,
      );
    const spec: AgentSpec = { strategy, params: given.params ?? {} };
    const label = labelOf(entry);
    if (players.some((p) => p.label === label))
      throw new ParleyError('PARLEY_E_USAGE', `two ${what}s are called "${label}"; give one a name`);
    players.push({ label, spec });
  }
  return players;
}

/** Who sits where: index tuples of length `n` over `k` players. */
export function assignments(k: number, n: number, selfPlay: boolean, roleSwaps: boolean): number[][] {
  const out: number[][] = [];
  const tuple: number[] = [];
  const extend = () => {
    if (tuple.length === n) {
      out.push([...tuple]);
      return;
    }
    const from = roleSwaps || tuple.length === 0 ? 0 : tuple[tuple.length - 1]! + (selfPlay ? 0 : 1);
    for (let i = from; i < k; i++) {
      if (!selfPlay && tuple.includes(i)) continue;
      tuple.push(i);
      extend();
      tuple.pop();
    }
  };
  extend();
  return out;
}

/**
 * Builds every player once on the first scenario, so that a bad parameter stops the
 * tournament before anything runs rather than in a worker.
 */
function checkPlayers(players: readonly Player[], first: TournamentScenario, kind: 'delegation' | 'mediator'): void {
  const { scenario } = first;
  const party = scenario.parties[0];
  for (const p of players)
    createAgent(p.spec, kind === 'mediator' ? 'Mediator' : (party?.name ?? 'party'), {
      kind,
      domain: scenario.domain,
      party: kind === 'delegation' ? party?.name : undefined,
      self: kind === 'delegation' ? party : undefined,
    });
}

function seedsOf(d: TournamentDefinition['definition']): number[] {
  if (d.seeds) return [...d.seeds];
  const first = d.seed ?? 1;
  return Array.from({ length: d.repetitions ?? 1 }, (_, i) => first + i);
}

/** Expands a definition: reads its scenarios, checks its agents, lists its negotiations. */
export async function planTournament(
  def: TournamentDefinition,
  batchSize = DEFAULT_BATCH_SIZE,
): Promise<TournamentPlan> {
  const d = def.definition;
  const base = dirname(resolve(def.file));
  const agents = await playersOf(d.agents, base, 'agent');
  const protocols = d.protocols ?? ['saop'];
  const mediated = protocols.some((p) => p !== 'saop');
  const mediators = mediated ? await playersOf(d.mediators ?? [DEFAULT_MEDIATOR_LABEL], base, 'mediator') : [];
  const scenarios = loadTournamentScenarios(d.scenarios, def.file);
  checkPlayers(agents, scenarios[0]!, 'delegation');
  checkPlayers(mediators, scenarios[0]!, 'mediator');
  const seeds = seedsOf(d);
  const deadline = d.time !== undefined ? { time: d.time } : { rounds: d.rounds ?? DEFAULT_TOURNAMENT_ROUNDS };
  const negotiations: NegotiationSpec[] = [];
  for (const { scenario, payload } of scenarios) {
    const seats = assignments(agents.length, scenario.parties.length, d.selfPlay ?? true, d.roleSwaps ?? true);
    for (const protocol of protocols) {
      for (const mediator of protocol === 'saop' ? [null] : mediators) {
        for (const seat of seats) {
          for (const seed of seeds) {
            const players = seat.map((i) => agents[i]!);
            const key = [payload.hash, protocol, players, mediator, seed, deadline];
            negotiations.push({
              id: hash(key),
              index: negotiations.length,
              scenario: scenario.name,
              scenarioHash: payload.hash,
              protocol,
              agents: players,
              mediator,
              seed,
              deadline,
            });
          }
        }
      }
    }
  }
  if (negotiations.length === 0)
    throw new ParleyError('PARLEY_E_USAGE', `${def.file}: the tournament has no negotiations`, {
      expected: 'at least as many agents as a scenario has parties, or selfPlay: true',
    });
  const id = hash([d.name, negotiations.map((n) => n.id)]);
  return { id, name: d.name, agents, mediators, scenarios, negotiations, batchSize };
}

/** The batches of the negotiations still to run: one scenario each, at most `batchSize` long. */
export function batchesOf(plan: TournamentPlan, pending: readonly NegotiationSpec[]): Batch[] {
  const byHash = new Map(plan.scenarios.map((s) => [s.payload.hash, s.payload]));
  const batches: Batch[] = [];
  let current: NegotiationSpec[] = [];
  const flush = () => {
    if (current.length === 0) return;
    const scenario = byHash.get(current[0]!.scenarioHash)!;
    batches.push({ id: hash(current.map((n) => n.id)), tournament: plan.id, scenario, negotiations: current });
    current = [];
  };
  for (const n of pending) {
    if (current.length === plan.batchSize || (current.length > 0 && current[0]!.scenarioHash !== n.scenarioHash))
      flush();
    current.push(n);
  }
  flush();
  return batches;
}
