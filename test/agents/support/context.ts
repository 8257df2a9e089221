import type { Domain } from '../../../src/core/domain.js';
import type { Party } from '../../../src/core/party.js';
import { Random } from '../../../src/core/random.js';
import {
  createStrategy,
  OpponentModels,
  OwnPreferences,
  ParamReader,
  type StrategyContext,
  type StrategyName,
} from '../../../src/agents/index.js';

/** A strategy with its own context, whose time the test sets. */
export function strategyUnderTest(
  name: StrategyName,
  domain: Domain,
  self: Party,
  params: Record<string, string | number> = {},
) {
  const strategy = createStrategy(name, new ParamReader(name, params));
  const prefs = new OwnPreferences(domain, self);
  const opponents = new OpponentModels(domain);
  const random = new Random(11);
  const ctx = (t: number): StrategyContext => ({ t, prefs, opponents, random });
  return { strategy, prefs, opponents, ctx };
}
