import { CommanderError } from 'commander';
import { ERROR_CODES, isParleyError } from '../core/errors.js';
import type { CliIo } from './io.js';

/**
 * Turns anything a command threw into a message on stderr and an exit code:
 * 1 bad input, 2 usage, 3 internal. A user never sees a stack unless PARLEY_DEBUG=1.
 */
export function reportError(error: unknown, io: CliIo): number {
  const debug = io.env.PARLEY_DEBUG === '1';
  if (error instanceof CommanderError) {
    // commander has already printed its message; help and --version end here with 0.
    return error.exitCode === 0 ? 0 : ERROR_CODES.PARLEY_E_USAGE.exit;
  }
  if (isParleyError(error)) {
    io.err(`parley: ${error.describe()} [${error.code}]\n`);
    if (debug && error.stack) io.err(`${error.stack}\n`);
    return error.exitCode;
  }
  const message = error instanceof Error ? error.message : String(error);
  io.err(`parley: internal error: ${message} [PARLEY_E_INTERNAL]\n`);
  if (debug && error instanceof Error && error.stack) io.err(`${error.stack}\n`);
  else io.err('parley: this is a bug in parley; run again with PARLEY_DEBUG=1 to see where it happened\n');
  return ERROR_CODES.PARLEY_E_INTERNAL.exit;
}
