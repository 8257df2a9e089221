/**
 * parley's negotiating agents: strategies in utility space (time-dependent, tit-for-tat,
 * MiCRO, random) with a frequency opponent model and combinable acceptance conditions;
 * adapters that seat a strategy as a party's delegation in SAOP, single-text and shuttle
 * talks; decision bodies; mediators (hill-climb, nash, bridging) and working groups; and
 * the registry that builds them by name or loads a user's module by path.
 */
export type { Strategy, StrategyContext, StrategyEvent } from './strategy.js';
export type { AgentContext, AgentFactory, AgentFactoryContext, AgentModule } from './factory-types.js';
export { OwnPreferences } from './preferences.js';
export {
  outcomeSpace,
  countAtLeast,
  outcomeAt,
  utilityIn,
  ENUMERATION_LIMIT,
  type OutcomeSpace,
} from './space/outcome-space.js';
export { FrequencyModel, OpponentModels, type FrequencyModelOptions } from './opponent-model.js';
export {
  acceptance,
  readAcceptance,
  ACCEPTANCE_KINDS,
  type Acceptance,
  type AcceptanceKind,
  type AcceptanceInput,
} from './acceptance.js';
export { ParamReader, type Params } from './params.js';
export { Negotiator } from './negotiator.js';
export { concessionTarget, TimeDependentStrategy, DEFAULT_EXPONENTS } from './strategies/time-dependent.js';
export { TitForTatStrategy } from './strategies/tit-for-tat.js';
export { MicroStrategy } from './strategies/micro.js';
export { RandomStrategy } from './strategies/random.js';
export { createStrategy, delegationAgent, STRATEGY_NAMES, type StrategyName } from './delegation-agents.js';
export { DelegationAgent, type DelegationOptions } from './adapters/delegation.js';
export { amendmentsFor } from './adapters/amendments.js';
export { positionStatement } from './adapters/statements.js';
export { PrincipalAgent, refusalReason } from './principal.js';
export { MediatorAgent } from './mediators/mediator-agent.js';
export {
  hillClimbPolicy,
  nashPolicy,
  bridgingPolicy,
  draft,
  partyEstimates,
  type MediatorContext,
  type MediatorPolicy,
  type TextChoice,
} from './mediators/policies.js';
export { nashOutcome, revealedScorer, estimatedScorer, type PartyScorer } from './mediators/nash.js';
export { contestedIssues, deferralValue } from './mediators/bridging.js';
export { PartyModels, type PartyKnowledge, type TurnedDown } from './mediators/party-model.js';
export {
  learnedEstimate,
  revealedEstimate,
  type Estimate as MediatorEstimate,
  type Objective,
} from './mediators/estimates.js';
export { allowedValues, RepeatGuard, changesSince } from './mediators/drafting.js';
export { composeNote } from './mediators/notes.js';
export { relayMessage } from './mediators/relay.js';
export { WorkingGroupAgent } from './mediators/working-group.js';
export { MediationRecord } from './mediators/record.js';
export {
  createAgent,
  agentNames,
  registerAgent,
  loadAgentModule,
  agentSpecsFromList,
  isModulePath,
  type AgentSeat,
} from './registry.js';
