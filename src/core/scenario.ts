import type { Domain } from './domain.js';
import type { Party } from './party.js';
import type { ProvenanceNote, Source, SourceReport } from './provenance.js';
import { NO_ROLES, type Roles } from './roles.js';
import type { OutsideEvent } from './timeline.js';

/** A named strategy with its parameters, as a scenario or the command line chooses it. */
export interface AgentSpec {
  readonly strategy: string;
  /** The party or role it plays; absent means by position. */
  readonly role?: string;
  readonly params?: Readonly<Record<string, number | string | boolean>>;
}

export interface SimulationDefaults {
  readonly protocol?: string;
  readonly agents?: readonly AgentSpec[];
  readonly mediators?: readonly AgentSpec[];
  readonly rounds?: number;
  /** Virtual hours per round (for timelines expressed in hours). */
  readonly hoursPerRound?: number;
  readonly seed?: number;
}

/** A position a party states, in public or in private, as reported. */
export interface ReportedPosition {
  readonly party: string;
  readonly public: boolean;
  readonly text: string;
  readonly issues: readonly string[];
  readonly source?: Source;
}

/** A fact of the sources that bears on the talks without being an issue, a position or an event. */
export interface BackgroundFact {
  readonly text: string;
  readonly source?: Source;
}

/** Everything parley knows about one negotiation. */
export interface Scenario {
  readonly name: string;
  readonly title?: string;
  readonly description?: string;
  /** Where the data comes from (e.g. "ANAC 2011, GENIUS XML"). */
  readonly origin?: string;
  readonly reports: readonly SourceReport[];
  readonly domain: Domain;
  readonly parties: readonly Party[];
  readonly roles: Roles;
  readonly positions: readonly ReportedPosition[];
  readonly timeline: readonly OutsideEvent[];
  /** Sourced facts that bear on the talks (optional; empty when the scenario gives none). */
  readonly background?: readonly BackgroundFact[];
  readonly simulation?: SimulationDefaults;
  readonly notes: readonly ProvenanceNote[];
}

/** A scenario of just a domain and parties, as the GENIUS and GeniusWeb formats give. */
export function bareScenario(name: string, domain: Domain, parties: readonly Party[], origin?: string): Scenario {
  return { name, origin, reports: [], domain, parties, roles: NO_ROLES, positions: [], timeline: [], notes: [] };
}

/** Notes marking assumed numbers, for reports to show beside them. */
export function assumptions(scenario: Scenario): ProvenanceNote[] {
  return scenario.notes.filter((n) => n.assumed);
}
