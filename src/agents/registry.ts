import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { ParleyError } from '../core/errors.js';
import type { AgentSpec } from '../core/scenario.js';
import type { Agent } from '../protocols/agent.js';
import { importUserModule } from './import-module.js';
import { delegationAgent, STRATEGY_NAMES } from './delegation-agents.js';
import type { AgentContext, AgentFactory, AgentFactoryContext } from './factory-types.js';
import { MediatorAgent } from './mediators/mediator-agent.js';
import { bridgingPolicy, hillClimbPolicy, nashPolicy } from './mediators/policies.js';
import { WorkingGroupAgent } from './mediators/working-group.js';
import { ParamReader } from './params.js';
import { PrincipalAgent } from './principal.js';

function mediator(policy: typeof hillClimbPolicy, ctx: AgentFactoryContext, name: string): Agent {
  const params = new ParamReader(name, ctx.params);
  const start = params.string('start', 'central', ['central', 'random']) as 'central' | 'random';
  const lead = params.boolean('lead', true);
  params.rejectUnknown();
  return new MediatorAgent(ctx.role, policy(start), lead);
}

function principal(ctx: AgentFactoryContext): Agent {
  const params = new ParamReader('principal', ctx.params);
  const margin = params.number('ratificationMargin', 0.05, { min: 0, max: 1 });
  params.rejectUnknown();
  return new PrincipalAgent(ctx.role, margin, ctx.self);
}

function workingGroup(ctx: AgentFactoryContext): Agent {
  new ParamReader('working-group', ctx.params).rejectUnknown();
  return new WorkingGroupAgent(ctx.role);
}

/** The seat an agent is made for. */
export type AgentSeat = 'delegation' | 'mediator' | 'decision-body' | 'working-group';

/**
 * Every agent by name. Adding a strategy is one file and one line below (or one
 * `registerAgent` call from a program); the command's help lists them from here.
 */
const builtIns = new Map<string, { readonly seat: AgentSeat; readonly create: AgentFactory }>();
const loaded = new Map<string, AgentFactory>();

export function registerAgent(name: string, seat: AgentSeat, create: AgentFactory): void {
  if (builtIns.has(name) || loaded.has(name))
    throw new ParleyError('PARLEY_E_USAGE', `an agent named "${name}" is already registered`);
  builtIns.set(name, { seat, create });
}

for (const n of STRATEGY_NAMES) registerAgent(n, 'delegation', (ctx) => delegationAgent(n, ctx));
registerAgent('hill-climb', 'mediator', (ctx) => mediator(hillClimbPolicy, ctx, 'hill-climb'));
registerAgent('nash', 'mediator', (ctx) => mediator(nashPolicy, ctx, 'nash'));
registerAgent('bridging', 'mediator', (ctx) => mediator(bridgingPolicy, ctx, 'bridging'));
registerAgent('principal', 'decision-body', principal);
registerAgent('working-group', 'working-group', workingGroup);

/** Names of the registered agents (those for one kind of seat, if given), then those loaded from modules. */
export function agentNames(seat?: AgentSeat): string[] {
  const registered = [...builtIns].filter(([, a]) => seat === undefined || a.seat === seat).map(([n]) => n);
  return seat === undefined ? [...registered, ...loaded.keys()] : registered;
}

/** Builds the agent a spec names, for one role. Unknown names are a usage error listing the known ones. */
export function createAgent(spec: AgentSpec, role: string, context: AgentContext): Agent {
  const factory = builtIns.get(spec.strategy)?.create ?? loaded.get(spec.strategy);
  if (!factory) {
    throw new ParleyError(
      'PARLEY_E_USAGE',
      `unknown agent "${spec.strategy}"; known agents: ${agentNames().join(', ')} (or a path to a TypeScript module)`,
    );
  }
  const agent = factory({ ...context, role, params: spec.params ?? {} });
  if (!agent || typeof agent.act !== 'function')
    throw new ParleyError('PARLEY_E_USAGE', `agent "${spec.strategy}" did not build an agent with an act(view) method`);
  return agent;
}

/** Whether a name on the command line is a module path rather than an agent name. */
export function isModulePath(name: string): boolean {
  return /[\\/]/.test(name) || /\.(m|c)?[jt]s$/.test(name);
}

/**
 * Loads a user's agent from ONE module (default export: a factory `(ctx) => Agent`, or an
 * object with `create`) and registers it under the path as given, so that specs can name it.
 */
export async function loadAgentModule(path: string): Promise<AgentFactory> {
  const full = resolve(path);
  if (!existsSync(full))
    throw new ParleyError('PARLEY_E_FILE_NOT_FOUND', `agent module not found: ${path}`, { position: { file: path } });
  let mod: Record<string, unknown>;
  try {
    mod = await importUserModule(full);
  } catch (cause) {
    throw new ParleyError(
      'PARLEY_E_USAGE',
      `agent module ${path} could not be loaded: ${cause instanceof Error ? cause.message : String(cause)}`,
      { cause },
    );
  }
  const factory = factoryOf(mod.default);
  if (!factory)
    throw new ParleyError(
      'PARLEY_E_USAGE',
      `agent module ${path} must default-export a factory (ctx) => Agent or an object with a create(ctx) method`,
      { expected: 'export default (ctx) => ({ role: ctx.role, act(view) { … } })' },
    );
  loaded.set(path, factory);
  return factory;
}

function factoryOf(value: unknown): AgentFactory | null {
  if (typeof value === 'function') return value as AgentFactory;
  if (value && typeof value === 'object' && typeof (value as { create?: unknown }).create === 'function') {
    const obj = value as { create: AgentFactory };
    return (ctx) => obj.create(ctx);
  }
  return null;
}

/**
 * Specs from a command-line list such as `./my-agent.ts,boulware:exponent=0.1`: each item
 * a name or module path, optionally followed by `:key=value` parameters. Modules are loaded.
 */
export async function agentSpecsFromList(list: string): Promise<AgentSpec[]> {
  const specs: AgentSpec[] = [];
  for (const item of list
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)) {
    const [name, ...pairs] = splitParams(item);
    const params: Record<string, string> = {};
    for (const pair of pairs) {
      const eq = pair.indexOf('=');
      if (eq <= 0)
        throw new ParleyError('PARLEY_E_USAGE', `agent "${name}": parameter "${pair}" must be written key=value`);
      params[pair.slice(0, eq)] = pair.slice(eq + 1);
    }
    if (isModulePath(name!)) await loadAgentModule(name!);
    else if (!builtIns.has(name!) && !loaded.has(name!))
      throw new ParleyError(
        'PARLEY_E_USAGE',
        `unknown agent "${name}"; known agents: ${agentNames().join(', ')} (or a path to a TypeScript module)`,
      );
    specs.push({ strategy: name!, params });
  }
  return specs;
}

/** `name:k=v:k=v`, keeping a Windows drive letter (`C:\…`) with the name. */
function splitParams(item: string): string[] {
  const drive = /^[A-Za-z]:[\\/]/.test(item) ? item.slice(0, 2) : '';
  const parts = item.slice(drive.length).split(':');
  return [drive + parts[0], ...parts.slice(1)];
}
