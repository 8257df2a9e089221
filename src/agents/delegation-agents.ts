import { ParleyError } from '../core/errors.js';
import type { Agent, AgentView } from '../protocols/agent.js';
import { DelegationAgent, readDelegationOptions } from './adapters/delegation.js';
import type { AgentFactoryContext } from './factory-types.js';
import { Negotiator } from './negotiator.js';
import { ParamReader } from './params.js';
import type { Strategy } from './strategy.js';
import { micro } from './strategies/micro.js';
import { random } from './strategies/random.js';
import { timeDependent } from './strategies/time-dependent.js';
import { titForTat } from './strategies/tit-for-tat.js';

export const STRATEGY_NAMES = ['boulware', 'linear', 'conceder', 'tit-for-tat', 'micro', 'random'] as const;
export type StrategyName = (typeof STRATEGY_NAMES)[number];

export function createStrategy(name: StrategyName, params: ParamReader): Strategy {
  switch (name) {
    case 'boulware':
    case 'linear':
    case 'conceder':
      return timeDependent(name, params);
    case 'tit-for-tat':
      return titForTat(params);
    case 'micro':
      return micro(params);
    case 'random':
      return random(params);
  }
}

/**
 * A delegation playing a named strategy. Its preferences come from the context, or from
 * the first view when the context has none (a party joining a hosted session).
 */
export function delegationAgent(name: StrategyName, ctx: AgentFactoryContext): Agent {
  const params = new ParamReader(name, ctx.params);
  const strategy = createStrategy(name, params);
  const options = readDelegationOptions(params);
  params.rejectUnknown();
  const party = ctx.party ?? ctx.self?.name ?? ctx.role;
  let inner: DelegationAgent | null = null;
  const build = (view: AgentView) => {
    const self = view.self ?? ctx.self;
    if (!self)
      throw new ParleyError(
        'PARLEY_E_USAGE',
        `agent "${name}" for ${ctx.role} needs its party's preferences, and the view gives none`,
      );
    const negotiator = new Negotiator(strategy, view.party ?? party, ctx.domain, self, ctx.seed ?? view.seed);
    return new DelegationAgent(ctx.role, view.party ?? party, negotiator, options);
  };
  return {
    role: ctx.role,
    // It reads each view's new events during its turn and keeps none of its lists.
    readsViewsOnlyInAct: true,
    act(view) {
      inner ??= build(view);
      return inner.act(view);
    },
  };
}
