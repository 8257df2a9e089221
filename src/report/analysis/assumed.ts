import type { ProvenanceNote } from '../../core/provenance.js';
import { assumptions, type Scenario } from '../../core/scenario.js';

/** The mark shown beside every number that rests on an assumption. */
export const ASSUMED_MARK = '*';

/**
 * Which of a scenario's numbers are assumed, by note path
 * (`parties.<name>.reservation`, `parties.<name>.weights.<issue>`, …).
 */
export class AssumedNumbers {
  readonly notes: readonly ProvenanceNote[];

  constructor(scenario: Scenario) {
    this.notes = assumptions(scenario);
  }

  /** Whether the field at `path`, or anything inside it, is assumed. */
  covers(path: string): boolean {
    return this.notes.some((n) => n.path === path || n.path.startsWith(`${path}.`) || n.path.startsWith(`${path}[`));
  }

  /** Whether the party's reservation value is assumed. */
  reservation(party: string): boolean {
    return this.covers(`parties.${party}.reservation`);
  }

  /**
   * Whether the party's utilities rest on an assumed weight or value: any assumed note
   * about the party other than its reservation value, discount, red lines or description.
   */
  utilities(party: string): boolean {
    const prefix = `parties.${party}.`;
    return this.notes.some(
      (n) =>
        n.path.startsWith(prefix) &&
        !/^(reservation|discount|redLines|description|name)\b/.test(n.path.slice(prefix.length)),
    );
  }

  /** `value*` when assumed, else `value`. */
  mark(text: string, assumed: boolean): string {
    return assumed ? `${text}${ASSUMED_MARK}` : text;
  }

  get any(): boolean {
    return this.notes.length > 0;
  }
}
