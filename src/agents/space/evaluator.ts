import type { Domain, Outcome } from '../../core/domain.js';
import { type Issue, issueSize, valueAt } from '../../core/issue.js';
import { evaluateUtility, evaluateValue, type UtilityFunction } from '../../core/utility.js';

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

export function compileEvaluator(domain: Domain, fn: UtilityFunction): RowEvaluator {
  const sizes = Int32Array.from(domain.issues.map(issueSize));
  return fn.kind === 'additive' ? compileAdditive(domain, fn, sizes) : compileRectangles(domain, fn, sizes);
}

function compileAdditive(domain: Domain, fn: Extract<UtilityFunction, { kind: 'additive' }>, sizes: Int32Array): RowEvaluator {
  const k = domain.issues.length;
  const tables = domain.issues.map((issue) => {
    const table = new Float64Array(issueSize(issue));
    const w = fn.weights[issue.name] ?? 0;
    const vf = fn.values[issue.name];
    if (vf && w !== 0) for (let j = 0; j < table.length; j++) table[j] = w * evaluateValue(vf, valueAt(issue, j));
    return table;
  });
  return {
    issueCount: k,
    sizes,
    evaluate(rows, offset) {
      let u = 0;
      for (let i = 0; i < k; i++) u += tables[i]![rows[offset + i]!]!;
      return u;
    },
  };
}

interface CompiledRectangle {
  readonly value: number;
  readonly issues: Int32Array;
  readonly masks: readonly Uint8Array[];
}

function compileRectangles(domain: Domain, fn: Extract<UtilityFunction, { kind: 'rectangles' }>, sizes: Int32Array): RowEvaluator {
  const rects: CompiledRectangle[] = fn.rectangles.map((rect) => {
    const issues: number[] = [];
    const masks: Uint8Array[] = [];
    for (const [name, bound] of Object.entries(rect.bounds)) {
      const i = domain.issues.findIndex((x) => x.name === name);
      if (i < 0) continue;
      const issue = domain.issues[i]!;
      const mask = new Uint8Array(issueSize(issue));
      for (let j = 0; j < mask.length; j++) {
        const v = valueAt(issue, j);
        mask[j] = 'values' in bound ? (bound.values.includes(String(v)) ? 1 : 0) : Number(v) >= bound.min && Number(v) <= bound.max ? 1 : 0;
      }
      issues.push(i);
      masks.push(mask);
    }
    return { value: rect.value, issues: Int32Array.from(issues), masks };
  });
  const scale = fn.scale === 0 ? 0 : 1 / fn.scale;
  return {
    issueCount: domain.issues.length,
    sizes,
    evaluate(rows, offset) {
      let sum = 0;
      outer: for (const r of rects) {
        for (let m = 0; m < r.issues.length; m++) if (r.masks[m]![rows[offset + r.issues[m]!]!] === 0) continue outer;
        sum += r.value;
      }
      return Math.min(1, sum * scale);
    },
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
export function outcomeUtility(codec: RowCodec, evaluator: RowEvaluator, fn: UtilityFunction, outcome: Outcome, scratch: Int32Array): number {
  return codec.encode(outcome, scratch) ? evaluator.evaluate(scratch, 0) : evaluateUtility(fn, outcome);
}
