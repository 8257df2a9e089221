import type { Source } from './provenance.js';

/** Who acts for a party at the table. An absent delegation is reachable only through mediators. */
export interface Delegation {
  readonly name: string;
  readonly party: string;
  readonly present: boolean;
  /** The decision body this delegation consults and whose ratification binds the party. */
  readonly decisionBody?: string;
  readonly location?: string;
  readonly source?: Source;
}

export interface Mediator {
  readonly name: string;
  /** Parties this mediator has a channel to; empty means all parties. */
  readonly channels: readonly string[];
  readonly source?: Source;
}

/** Ratifies or rejects what its party's delegation accepted. */
export interface DecisionBody {
  readonly name: string;
  readonly party: string;
  readonly source?: Source;
}

/** Settles the details of one phase or a set of issues. */
export interface WorkingGroup {
  readonly name: string;
  readonly members: readonly string[];
  readonly phase?: string;
  readonly issues: readonly string[];
  readonly source?: Source;
}

export interface Observer {
  readonly name: string;
}

export interface Roles {
  readonly delegations: readonly Delegation[];
  readonly mediators: readonly Mediator[];
  readonly decisionBodies: readonly DecisionBody[];
  readonly workingGroups: readonly WorkingGroup[];
  readonly observers: readonly Observer[];
}

export const NO_ROLES: Roles = { delegations: [], mediators: [], decisionBodies: [], workingGroups: [], observers: [] };
