import type { Outcome } from './domain.js';
import type { Value } from './issue.js';
import type { Source } from './provenance.js';
import { evaluateUtility, type UtilityFunction } from './utility.js';

/**
 * A hard constraint: an outcome whose value on `issue` is outside `allowed` (discrete)
 * or outside [min, max] (numeric) is unacceptable to the party whatever its utility.
 */
export interface RedLine {
  readonly id: string;
  readonly issue: string;
  readonly allowed?: readonly Value[];
  readonly min?: number;
  readonly max?: number;
  readonly description?: string;
  readonly source?: Source;
}

/** A principal whose agreement is needed, with private preferences. */
export interface Party {
  readonly name: string;
  readonly utility: UtilityFunction;
  /** Utility of no agreement; the disagreement point. 0 when the profile gives none. */
  readonly reservation: number;
  /** Per unit of normalised time; 1 means no discounting. */
  readonly discount: number;
  readonly redLines: readonly RedLine[];
  readonly description?: string;
}

export function crossesRedLine(line: RedLine, outcome: Outcome): boolean {
  const v = outcome[line.issue];
  if (v === undefined) return false;
  if (line.allowed && !line.allowed.some((a) => a === v || String(a) === String(v))) return true;
  if (line.min !== undefined && Number(v) < line.min) return true;
  if (line.max !== undefined && Number(v) > line.max) return true;
  return false;
}

export function redLinesCrossed(party: Party, outcome: Outcome): RedLine[] {
  return party.redLines.filter((l) => crossesRedLine(l, outcome));
}

export function utilityFor(party: Party, outcome: Outcome): number {
  return evaluateUtility(party.utility, outcome);
}

/** Acceptable: no red line crossed and utility at least the reservation value. */
export function isAcceptable(party: Party, outcome: Outcome): boolean {
  return redLinesCrossed(party, outcome).length === 0 && utilityFor(party, outcome) >= party.reservation;
}

/** Discounted utility at normalised time t ∈ [0, 1] (GENIUS: u · δ^t). */
export function discounted(party: Party, utility: number, t: number): number {
  return party.discount >= 1 ? utility : utility * Math.pow(party.discount, t);
}
