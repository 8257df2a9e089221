import { InvalidArgumentError } from 'commander';
import { ParleyError } from '../core/errors.js';

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

/**
 * The most rounds a simulation runs: the session runner stops after this many clock passes,
 * so a longer deadline would end as "stalled" rather than at its deadline.
 */
export const MAX_RUN_ROUNDS = 10_000;

/** `--rounds`: a whole number from 1 to MAX_RUN_ROUNDS. */
export function runRounds(text: string): number {
  const n = Number(text);
  if (!Number.isInteger(n) || n < 1 || n > MAX_RUN_ROUNDS)
    throw new InvalidArgumentError(
      `expected a whole number of rounds from 1 to ${MAX_RUN_ROUNDS.toLocaleString('en-US')}.`,
    );
  return n;
}

/** `--time`: a positive number; its upper bound depends on the scenario's hours per round (see checkRunTime). */
export function runTime(text: string): number {
  const n = Number(text);
  if (!Number.isFinite(n) || n <= 0)
    throw new InvalidArgumentError(
      `expected a positive number, at most ${MAX_RUN_ROUNDS.toLocaleString('en-US')} rounds' worth.`,
    );
  return n;
}

/**
 * A deadline longer than MAX_RUN_ROUNDS rounds (from `--time`, or from the scenario's own
 * simulation defaults) is refused with the accepted range, before anything runs.
 */
export function checkRunDeadline(deadline: { rounds?: number; time?: number }, hoursPerRound: number): void {
  const max = MAX_RUN_ROUNDS.toLocaleString('en-US');
  if (deadline.rounds !== undefined && deadline.rounds > MAX_RUN_ROUNDS)
    throw new ParleyError('PARLEY_E_USAGE', `a deadline of ${deadline.rounds} rounds is longer than parley runs`, {
      expected: `--rounds from 1 to ${max}`,
    });
  if (deadline.time === undefined || deadline.time / hoursPerRound <= MAX_RUN_ROUNDS) return;
  throw new ParleyError(
    'PARLEY_E_USAGE',
    `--time ${deadline.time} is ${(deadline.time / hoursPerRound).toExponential(2)} rounds long`,
    {
      expected: `a time above 0 and at most ${(MAX_RUN_ROUNDS * hoursPerRound).toLocaleString('en-US')} (${max} rounds of ${hoursPerRound} each)`,
    },
  );
}
