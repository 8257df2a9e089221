import type { Domain } from '../core/domain.js';
import { issueSize, valueAt, type Issue } from '../core/issue.js';
import type { Party, RedLine } from '../core/party.js';
import { crossesRedLine } from '../core/party.js';
import { evaluateValue, type HyperRectangle, type UtilityFunction } from '../core/utility.js';

/**
 * A product sub-space of the domain: for every issue, the value positions still allowed
 * (ascending). The whole domain allows every position; red lines remove some.
 */
export interface Space {
  readonly domain: Domain;
  readonly allowed: readonly Int32Array[];
}

/** A rectangle compiled to value positions: per issue a mask, and an interval when contiguous. */
export interface CompiledRectangle {
  readonly value: number;
  /** Issue positions the rectangle constrains. */
  readonly issues: readonly number[];
  readonly masks: readonly Uint8Array[];
  /** Per constrained issue [lo, hi] in value positions, or null when the allowed set has gaps. */
  readonly intervals: readonly ([number, number] | null)[];
}

export type CompiledUtility =
  /** tables[i][v] = weight × value utility of value position v of issue i. */
  | { readonly kind: 'additive'; readonly tables: readonly Float64Array[] }
  | { readonly kind: 'rectangles'; readonly rectangles: readonly CompiledRectangle[]; readonly scale: number };

export function fullSpace(domain: Domain): Space {
  return { domain, allowed: domain.issues.map((i) => Int32Array.from({ length: issueSize(i) }, (_, k) => k)) };
}

/** The sub-space where none of the given red lines is crossed. */
export function restrictedSpace(domain: Domain, lines: readonly RedLine[]): Space {
  const masks = redLineMasks(domain, lines);
  if (!masks) return fullSpace(domain);
  return { domain, allowed: masks.map((mask) => Int32Array.from(mask.keys()).filter((k) => mask[k] === 1)) };
}

/**
 * The one red-line mask: per issue, 1 for each value position no given line rules out and 0
 * for the others; null when there are no lines. Red lines bind issue by issue, so an outcome
 * is within them exactly when each of its values is.
 */
export function redLineMasks(domain: Domain, lines: readonly RedLine[]): Uint8Array[] | null {
  if (lines.length === 0) return null;
  return domain.issues.map((issue) => {
    const mask = new Uint8Array(issueSize(issue)).fill(1);
    const mine = lines.filter((l) => l.issue === issue.name);
    if (mine.length === 0) return mask;
    for (let k = 0; k < mask.length; k++) {
      const probe = { [issue.name]: valueAt(issue, k) };
      if (mine.some((l) => crossesRedLine(l, probe))) mask[k] = 0;
    }
    return mask;
  });
}

/**
 * Outcome counts up to which visiting every outcome is the chosen way: the analysis'
 * frontier where no faster exact method applies, and an agent's sorted outcome space.
 */
export const ENUMERATION_LIMIT = 1_000_000;

export function spaceSizeNumber(space: Space): number {
  return space.allowed.reduce((n, a) => n * a.length, 1);
}

function compileRectangle(rect: HyperRectangle, domain: Domain): CompiledRectangle | null {
  const issues: number[] = [];
  const masks: Uint8Array[] = [];
  const intervals: ([number, number] | null)[] = [];
  for (const [name, bound] of Object.entries(rect.bounds)) {
    const i = domain.issues.findIndex((x) => x.name === name);
    if (i < 0) return null; // a bound on an unknown issue matches no outcome
    const mask = boundMask(domain.issues[i]!, bound);
    issues.push(i);
    masks.push(mask);
    intervals.push(contiguous(mask));
  }
  return { value: rect.value, issues, masks, intervals };
}

function boundMask(issue: Issue, bound: HyperRectangle['bounds'][string]): Uint8Array {
  const mask = new Uint8Array(issueSize(issue));
  for (let k = 0; k < mask.length; k++) {
    const v = valueAt(issue, k);
    mask[k] = ('values' in bound ? bound.values.includes(String(v)) : Number(v) >= bound.min && Number(v) <= bound.max)
      ? 1
      : 0;
  }
  return mask;
}

function contiguous(mask: Uint8Array): [number, number] | null {
  const first = mask.indexOf(1);
  if (first < 0) return [1, 0];
  const last = mask.lastIndexOf(1);
  for (let k = first; k <= last; k++) if (!mask[k]) return null;
  return [first, last];
}

export function compileUtility(fn: UtilityFunction, domain: Domain): CompiledUtility {
  if (fn.kind === 'additive') {
    const tables = domain.issues.map((issue) => {
      const w = fn.weights[issue.name] ?? 0;
      const vf = fn.values[issue.name];
      const t = new Float64Array(issueSize(issue));
      if (vf) for (let k = 0; k < t.length; k++) t[k] = w * evaluateValue(vf, valueAt(issue, k));
      return t;
    });
    return { kind: 'additive', tables };
  }
  const rectangles = fn.rectangles
    .map((r) => compileRectangle(r, domain))
    .filter((r): r is CompiledRectangle => r !== null);
  return { kind: 'rectangles', rectangles, scale: fn.scale };
}

export function compileParties(parties: readonly Party[], domain: Domain): CompiledUtility[] {
  return parties.map((p) => compileUtility(p.utility, domain));
}

/**
 * Utility of an outcome given as value positions, read from `index[offset …]` (agents keep
 * many outcomes in one flat array); additive sums run in issue order.
 */
export function evaluateCompiled(fn: CompiledUtility, index: ArrayLike<number>, offset = 0): number {
  if (fn.kind === 'additive') {
    let u = 0;
    for (let i = 0; i < fn.tables.length; i++) u += fn.tables[i]![index[offset + i]!]!;
    return u;
  }
  let sum = 0;
  for (const r of fn.rectangles) {
    let inside = true;
    for (let j = 0; j < r.issues.length && inside; j++) inside = r.masks[j]![index[offset + r.issues[j]!]!] === 1;
    if (inside) sum += r.value;
  }
  return fn.scale === 0 ? 0 : Math.min(1, sum / fn.scale);
}
