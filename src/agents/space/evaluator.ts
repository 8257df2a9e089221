import type { Domain, Outcome } from '../../core/domain.js';
import { type Issue, issueSize, valueAt } from '../../core/issue.js';
import { evaluateUtility, type UtilityFunction } from '../../core/utility.js';
import { compileUtility, evaluateCompiled } from '../../analysis/compile.js';

/**
 * Utility over outcomes written as rows of value positions (one per issue, domain order).
 * Agents decide thousands of times per negotiation, so the utility is compiled once into
 * flat tables instead of walking the object form for every outcome.
 */
export interface RowEvaluator {
  readonly issueCount: number;
  readonly sizes: Int32Array;
  /** Utility of the row stored at `rows[offset .. offset + issueCount)`. */
  evaluate(rows: Int32Array, offset: number): number;
}

/** The analysis' compiled utility (one compilation rule for the whole project), read row by row. */
export function compileEvaluator(domain: Domain, fn: UtilityFunction): RowEvaluator {
  const compiled = compileUtility(fn, domain);
  return {
    issueCount: domain.issues.length,
    sizes: Int32Array.from(domain.issues.map(issueSize)),
    evaluate: (rows, offset) => evaluateCompiled(compiled, rows, offset),
  };
}

/** Position of each value of an issue, keyed by its string form. */
function valuePositions(issue: Issue): Map<string, number> {
  const map = new Map<string, number>();
  for (let j = 0; j < issueSize(issue); j++) map.set(String(valueAt(issue, j)), j);
  return map;
}

/** Converts between outcomes and rows of value positions for one domain. */
export class RowCodec {
  private readonly positions: readonly Map<string, number>[];
  constructor(readonly domain: Domain) {
    this.positions = domain.issues.map(valuePositions);
  }

  /** Writes the outcome's row into `out`; false when a value is off the grid or missing. */
  encode(outcome: Outcome, out: Int32Array, offset = 0): boolean {
    const issues = this.domain.issues;
    for (let i = 0; i < issues.length; i++) {
      const v = outcome[issues[i]!.name];
      const p = v === undefined ? undefined : this.positions[i]!.get(String(v));
      if (p === undefined) return false;
      out[offset + i] = p;
    }
    return true;
  }

  /** Position of a value in issue `issueIndex`, or −1 when it is not on the grid. */
  positionOf(issueIndex: number, value: string | number): number {
    return this.positions[issueIndex]?.get(String(value)) ?? -1;
  }

  decode(rows: Int32Array, offset: number): Outcome {
    const out: Record<string, string | number> = {};
    const issues = this.domain.issues;
    for (let i = 0; i < issues.length; i++) out[issues[i]!.name] = valueAt(issues[i]!, rows[offset + i]!);
    return out;
  }
}

/** Exact utility of any outcome: the compiled path on the grid, the plain one off it. */
export function outcomeUtility(
  codec: RowCodec,
  evaluator: RowEvaluator,
  fn: UtilityFunction,
  outcome: Outcome,
  scratch: Int32Array,
): number {
  return codec.encode(outcome, scratch) ? evaluator.evaluate(scratch, 0) : evaluateUtility(fn, outcome);
}
