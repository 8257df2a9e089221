import type { Domain } from '../core/domain.js';
import type { Party } from '../core/party.js';
import type { Agent, RoleKind } from '../protocols/agent.js';
import type { Params } from './params.js';

/** What an agent is built from, before the talks begin. */
export interface AgentContext {
  readonly kind: RoleKind;
  readonly domain: Domain;
  /** The party the role acts for (delegations, decision bodies). */
  readonly party?: string;
  /** That party's preferences at the start; agents follow later changes through `view.self`. */
  readonly self?: Party;
  readonly seed?: number;
}

/** Everything a factory gets: the context, the role it plays and its parameters. */
export interface AgentFactoryContext extends AgentContext {
  readonly role: string;
  readonly params: Params;
}

/** A user's agent module default-exports one of these. */
export type AgentFactory = (ctx: AgentFactoryContext) => Agent;
export interface AgentModule {
  readonly create: AgentFactory;
  readonly name?: string;
}
