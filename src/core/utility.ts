import type { Outcome } from './domain.js';
import type { Value } from './issue.js';

/** Utility of one issue's value, in [0, 1]. */
export type ValueFunction =
  /** Discrete values: the utility of each value as used (formats normalise on reading). */
  | { readonly kind: 'table'; readonly utilities: Readonly<Record<string, number>> }
  /** Numeric values: clamp01(slope · x + offset). */
  | { readonly kind: 'linear'; readonly slope: number; readonly offset: number }
  /** Numeric values: linear interpolation between points sorted by x, flat beyond the ends. */
  | { readonly kind: 'piecewise'; readonly points: readonly (readonly [number, number])[] };

/** u(o) = Σ weights[i] · values[i](o[i]); weights are normalised to sum to 1. */
export interface AdditiveUtility {
  readonly kind: 'additive';
  readonly weights: Readonly<Record<string, number>>;
  readonly values: Readonly<Record<string, ValueFunction>>;
}

/** A box in outcome space: numeric issues by closed range, discrete issues by a set of values. */
export interface HyperRectangle {
  readonly value: number;
  readonly bounds: Readonly<
    Record<string, { readonly min: number; readonly max: number } | { readonly values: readonly string[] }>
  >;
}

/**
 * u(o) = Σ value of every rectangle containing o, divided by scale (ANAC 2014 `maxutility`),
 * capped at 1 as GENIUS caps it: some ANAC 2014 profiles reach more than their `maxutility`.
 */
export interface RectangleUtility {
  readonly kind: 'rectangles';
  readonly rectangles: readonly HyperRectangle[];
  readonly scale: number;
}

export type UtilityFunction = AdditiveUtility | RectangleUtility;

const clamp01 = (x: number) => (x < 0 ? 0 : x > 1 ? 1 : x);

export function evaluateValue(fn: ValueFunction, value: Value): number {
  switch (fn.kind) {
    case 'table':
      return fn.utilities[String(value)] ?? 0;
    case 'linear':
      return clamp01(fn.slope * Number(value) + fn.offset);
    case 'piecewise': {
      const x = Number(value);
      const pts = fn.points;
      if (pts.length === 0) return 0;
      if (x <= pts[0]![0]) return pts[0]![1];
      for (let i = 1; i < pts.length; i++) {
        const [x1, y1] = pts[i]!;
        if (x <= x1) {
          const [x0, y0] = pts[i - 1]!;
          return x1 === x0 ? y1 : y0 + ((y1 - y0) * (x - x0)) / (x1 - x0);
        }
      }
      return pts[pts.length - 1]![1];
    }
  }
}

export function insideRectangle(rect: HyperRectangle, outcome: Outcome): boolean {
  for (const [issue, bound] of Object.entries(rect.bounds)) {
    const v = outcome[issue];
    if (v === undefined) return false;
    if ('values' in bound) {
      if (!bound.values.includes(String(v))) return false;
    } else if (Number(v) < bound.min || Number(v) > bound.max) return false;
  }
  return true;
}

/** The plain, uncompiled evaluation: the reference every fast path is checked against. */
export function evaluateUtility(fn: UtilityFunction, outcome: Outcome): number {
  if (fn.kind === 'additive') {
    let u = 0;
    for (const [issue, w] of Object.entries(fn.weights)) {
      const vf = fn.values[issue];
      const v = outcome[issue];
      if (vf && v !== undefined) u += w * evaluateValue(vf, v);
    }
    return u;
  }
  let sum = 0;
  for (const rect of fn.rectangles) if (insideRectangle(rect, outcome)) sum += rect.value;
  return fn.scale === 0 ? 0 : Math.min(1, sum / fn.scale);
}
