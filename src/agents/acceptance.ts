import { ParleyError } from '../core/errors.js';
import type { ParamReader } from './params.js';

/** The acceptance conditions of Baarslag et al., combinable: accept when any one holds. */
export type AcceptanceKind = 'next' | 'constant' | 'time';
export const ACCEPTANCE_KINDS: readonly AcceptanceKind[] = ['next', 'constant', 'time'];

export interface AcceptanceInput {
  readonly offerUtility: number;
  /** Utility of what the agent would offer next (AC_next compares with it). */
  readonly nextUtility: number;
  readonly t: number;
}

export interface Acceptance {
  readonly kinds: readonly AcceptanceKind[];
  /** The caller has already checked red lines and reservation. */
  holds(input: AcceptanceInput): boolean;
}

/**
 * Reads `acceptance` ("next", "constant", "time" or a combination such as "next+time"),
 * `acceptThreshold` (constant), `acceptAfter` (time) and `acceptAlpha`/`acceptBeta`
 * (AC_next accepts when u(offer) ≥ α · u(next) + β).
 */
export function readAcceptance(params: ParamReader, fallback: string): Acceptance {
  const spec = params.string('acceptance', fallback);
  const kinds = spec
    .split(/[+,|]/)
    .map((s) => s.trim())
    .filter(Boolean);
  for (const k of kinds) {
    if (!ACCEPTANCE_KINDS.includes(k as AcceptanceKind)) {
      throw new ParleyError(
        'PARLEY_E_USAGE',
        `agent "${params.agent}": acceptance "${k}" is not one of ${ACCEPTANCE_KINDS.join(', ')} (combine with "+")`,
      );
    }
  }
  const threshold = params.number('acceptThreshold', 0.8, { min: 0, max: 1 });
  const after = params.number('acceptAfter', 0.98, { min: 0, max: 1 });
  const alpha = params.number('acceptAlpha', 1, { min: 0 });
  const beta = params.number('acceptBeta', 0);
  return acceptance(kinds as AcceptanceKind[], { threshold, after, alpha, beta });
}

export function acceptance(
  kinds: readonly AcceptanceKind[],
  o: { threshold: number; after: number; alpha: number; beta: number },
): Acceptance {
  const test = (kind: AcceptanceKind, i: AcceptanceInput): boolean => {
    switch (kind) {
      case 'next':
        return i.offerUtility >= o.alpha * i.nextUtility + o.beta - 1e-12;
      case 'constant':
        return i.offerUtility >= o.threshold - 1e-12;
      case 'time':
        return i.t >= o.after;
    }
  };
  // A loop, not `some` with a closure: it runs for every offer weighed.
  return {
    kinds,
    holds: (input) => {
      for (let i = 0; i < kinds.length; i++) if (test(kinds[i]!, input)) return true;
      return false;
    },
  };
}
