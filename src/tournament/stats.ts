/**
 * Means with 95% confidence intervals: mean ± t(0.975, n−1) · s / √n, Student's t for
 * the sample standard deviation s. The quantile is read from a table for 1–30 degrees of
 * freedom (values to 3 decimals, as printed in every statistics text) and, above 30, from
 * the Cornish–Fisher expansion of t around the normal quantile (error below 1e-4 there).
 */

/** t(0.975, ν) for ν = 1 … 30. */
const T975 = [
  12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228, 2.201, 2.179, 2.16, 2.145, 2.131, 2.12, 2.11,
  2.101, 2.093, 2.086, 2.08, 2.074, 2.069, 2.064, 2.06, 2.056, 2.052, 2.048, 2.045, 2.042,
];
/** The standard normal's 0.975 quantile. */
const Z975 = 1.959963984540054;

/** The 0.975 quantile of Student's t with `df` degrees of freedom (df ≥ 1). */
export function tQuantile975(df: number): number {
  if (!(df >= 1)) throw new RangeError(`degrees of freedom must be at least 1, got ${df}`);
  if (df <= 30 && Number.isInteger(df)) return T975[df - 1]!;
  const z = Z975;
  const z3 = z ** 3;
  const z5 = z ** 5;
  const z7 = z ** 7;
  return (
    z +
    (z3 + z) / (4 * df) +
    (5 * z5 + 16 * z3 + 3 * z) / (96 * df ** 2) +
    (3 * z7 + 19 * z5 + 17 * z3 - 15 * z) / (384 * df ** 3)
  );
}

export interface Estimate {
  readonly mean: number;
  /** Half-width of the 95% confidence interval; 0 for one observation (no spread is known). */
  readonly ci: number;
  readonly n: number;
}

/** Mean and 95% interval of the values; null without values. */
export function estimate(values: readonly number[]): Estimate | null {
  const n = values.length;
  if (n === 0) return null;
  let sum = 0;
  for (const v of values) sum += v;
  const mean = sum / n;
  if (n === 1) return { mean, ci: 0, n };
  let squares = 0;
  for (const v of values) squares += (v - mean) ** 2;
  const sd = Math.sqrt(squares / (n - 1));
  return { mean, ci: (tQuantile975(n - 1) * sd) / Math.sqrt(n), n };
}
