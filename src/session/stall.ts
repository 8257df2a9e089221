import { ParleyError } from '../core/errors.js';
import type { Action, Expectation } from '../protocols/types.js';

/** A seat the runner asked that did not move: it waited, or tried a move the protocol refused. */
export interface SeatTry {
  readonly expectation: Expectation;
  readonly refused?: { readonly action: Action; readonly reason: string };
}

const orList = (kinds: readonly string[]) =>
  kinds.length <= 1 ? (kinds[0] ?? 'nothing') : `${kinds.slice(0, -1).join(', ')} or ${kinds.at(-1)}`;

/** One seat's part of the story: what it was asked for, and what it did instead. */
function seatLine({ expectation, refused }: SeatTry): string {
  const about = expectation.proposal === undefined ? '' : ` (about ${expectation.proposal})`;
  const did = refused
    ? `its agent tried ${refused.action.kind}, which was refused: ${refused.reason}`
    : 'it made no move';
  return `${expectation.role} was asked to ${orList(expectation.may)}${about}, and ${did}`;
}

/**
 * The error for a session that can never go on: no seat made a move the protocol accepts
 * in a whole clock round, and nothing time could bring (an outside event, a time
 * deadline, a return date) is left. Without it the runner would tick idly until it gave up.
 */
export function stallError(protocol: string, tries: readonly SeatTry[]): ParleyError {
  const seats = tries.length === 0 ? ['no seat was asked for anything'] : tries.map(seatLine);
  return new ParleyError(
    'PARLEY_E_STALLED',
    `the ${protocol} session cannot go on: ${seats.join('; ')}; nothing else is due, so no later round could differ`,
  );
}
