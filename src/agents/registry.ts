import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { ParleyError } from '../core/errors.js';
import type { AgentSpec } from '../core/scenario.js';
import type { Agent } from '../protocols/agent.js';
import { importUserModule } from './import-module.js';
import { delegationAgent, STRATEGY_NAMES, type StrategyName } from './delegation-agents.js';
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

const builtIns = new Map<string, AgentFactory>([
  ...STRATEGY_NAMES.map((n): [string, AgentFactory] => [n, (ctx) => delegationAgent(n as StrategyName, ctx)]),
  ['hill-climb', (ctx) => mediator(hillClimbPolicy, ctx, 'hill-climb')],
  ['nash', (ctx) => mediator(nashPolicy, ctx, 'nash')],
  ['bridging', (ctx) => mediator(bridgingPolicy, ctx, 'bridging')],
  ['principal', principal],
  ['working-group', workingGroup],
]);
const loaded = new Map<string, AgentFactory>();

/** Names of the built-in agents, then those loaded from modules. */
export function agentNames(): string[] {
  return [...builtIns.keys(), ...loaded.keys()];
}

/** Builds the agent a spec names, for one role. Unknown names are a usage error listing the known ones. */
export function createAgent(spec: AgentSpec, role: string, context: AgentContext): Agent {
  const factory = builtIns.get(spec.strategy) ?? loaded.get(spec.strategy);
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
