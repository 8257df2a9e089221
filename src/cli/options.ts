import { InvalidArgumentError } from 'commander';

/** A positive number of seconds, for `--time-limit`. */
export function positiveSeconds(text: string): number {
  const n = Number(text);
  if (!Number.isFinite(n) || n <= 0) throw new InvalidArgumentError('expected a positive number of seconds.');
  return n;
}
