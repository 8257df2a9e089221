/** Where a fact comes from: a seed report's file name and the sentence quoted from it. */
export interface Source {
  readonly file: string;
  readonly quote: string;
}

/**
 * A note on one field of a scenario, addressed by a dotted path
 * (e.g. `parties.Israel.weights.ceasefire`): either a sourced fact or an assumed number.
 */
export interface ProvenanceNote {
  readonly path: string;
  readonly source?: Source;
  /** True for a modelling choice the sources do not state. */
  readonly assumed?: boolean;
  readonly reason?: string;
}

/** A report the scenario is built from. */
export interface SourceReport {
  readonly file: string;
  readonly outlet: string;
  readonly headline: string;
  readonly date?: string;
}
