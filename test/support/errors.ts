import { ParleyError } from '../../src/core/errors.js';

/** The ParleyError `run` throws; anything else thrown, or nothing thrown, fails the test. */
export function parleyErrorOf(run: () => unknown): ParleyError {
  try {
    run();
  } catch (e) {
    if (e instanceof ParleyError) return e;
    throw e;
  }
  throw new Error('expected a ParleyError');
}
