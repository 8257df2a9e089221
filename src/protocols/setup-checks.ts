import { ParleyError } from '../core/errors.js';
import type { NegotiationSetup } from './types.js';

/** A setup no run could make sense of is a usage error, found before the first step. */
export function checkSetup(protocol: string, setup: NegotiationSetup, needsMediator: boolean): void {
  const fail = (why: string) => {
    throw new ParleyError('PARLEY_E_INPUT', `${protocol}: ${why}`);
  };
  if (setup.parties.length < 2) fail(`needs at least two parties, got ${setup.parties.length}`);
  if (new Set(setup.parties).size !== setup.parties.length)
    fail(`party names must be unique: ${setup.parties.join(', ')}`);
  const { rounds, time } = setup.deadline;
  if (rounds === undefined && time === undefined) fail('needs a deadline in rounds or in time');
  if (rounds !== undefined && !(Number.isInteger(rounds) && rounds > 0))
    fail(`deadline rounds must be a positive integer, got ${rounds}`);
  if (time !== undefined && !(time > 0)) fail(`deadline time must be positive, got ${time}`);
  if (needsMediator && setup.roles.mediators.length === 0) fail('needs at least one mediator role');
  const ids = setup.timeline.map((e) => e.id);
  if (new Set(ids).size !== ids.length) fail('outside event ids must be unique');
}
