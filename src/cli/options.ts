import { InvalidArgumentError } from 'commander';

/** A positive number of seconds, for `--time-limit`. */
export function positiveSeconds(text: string): number {
  const n = Number(text);
  if (!Number.isFinite(n) || n <= 0) throw new InvalidArgumentError('expected a positive number of seconds.');
  return n;
}

/** Collects a repeatable option's values (`--set a=1 --set b=2`). */
export function collect(value: string, previous: string[] = []): string[] {
  return [...previous, value];
}

/** A number of hours from the start, for `--at`. */
export function hours(text: string): number {
  const n = Number(text);
  if (text.trim() === '' || !Number.isFinite(n) || n < 0)
    throw new InvalidArgumentError('expected a number of hours ≥ 0.');
  return n;
}

/** A whole number ≥ 1, for `--sensitivity` and `--seed`. */
export function count(text: string): number {
  const n = Number(text);
  if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError('expected a whole number ≥ 1.');
  return n;
}

/** A spread from 0 to 1, for `--spread`. */
export function spreadOf(text: string): number {
  const n = Number(text);
  if (text.trim() === '' || !Number.isFinite(n) || n < 0 || n > 1)
    throw new InvalidArgumentError('expected a number from 0 to 1.');
  return n;
}
