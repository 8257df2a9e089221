import { CommanderError } from 'commander';
import { ERROR_CODES, isParleyError, type ParleyError } from '../core/errors.js';
import { shown } from '../formats/text-limits.js';
import type { FormatWarning } from '../formats/warnings.js';
import type { CliIo } from './io.js';

/** Longest message and `expected` shown: an error echoing a 10 MB value still prints one short line. */
const MAX_MESSAGE = 400;
const MAX_EXPECTED = 240;
const MAX_FILE = 200;

/** `file:line:column: message (expected …)` on one line, each part cut to a readable length. */
export function errorLine(error: ParleyError): string {
  const p = error.position;
  const where = p
    ? `${shown(p.file, MAX_FILE)}${p.line !== undefined ? `:${p.line}${p.column !== undefined ? `:${p.column}` : ''}` : ''}: `
    : '';
  const expected = error.expected ? ` (expected ${shown(error.expected, MAX_EXPECTED)})` : '';
  return `${where}${shown(error.message, MAX_MESSAGE)}${expected}`;
}

/**
 * One line on stderr when inputs were read leniently (as GENIUS reads them): the command goes
 * on, and `parley validate` lists each form. Skipped non-party files are left to validate.
 */
export function noteLenientForms(io: CliIo, inputs: readonly string[]): (warnings: readonly FormatWarning[]) => void {
  return (warnings) => {
    const lenient = warnings.filter((w) => !w.message.startsWith('skipped: ')).length;
    if (lenient === 0) return;
    const command = shown(`parley validate ${inputs.join(' ')}`, 160);
    io.err(
      `parley: note: ${lenient} lenient form${lenient === 1 ? '' : 's'} read as GENIUS reads ${lenient === 1 ? 'it' : 'them'}; \`${command}\` lists ${lenient === 1 ? 'it' : 'them'}\n`,
    );
  };
}

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
    io.err(`parley: ${errorLine(error)} [${error.code}]\n`);
    if (debug && error.stack) io.err(`${error.stack}\n`);
    return error.exitCode;
  }
  const message = error instanceof Error ? error.message : String(error);
  io.err(`parley: internal error: ${shown(message, MAX_MESSAGE)} [PARLEY_E_INTERNAL]\n`);
  if (debug && error instanceof Error && error.stack) io.err(`${error.stack}\n`);
  else io.err('parley: this is a bug in parley; run again with PARLEY_DEBUG=1 to see where it happened\n');
  return ERROR_CODES.PARLEY_E_INTERNAL.exit;
}
