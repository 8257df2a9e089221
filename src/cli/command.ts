import type { Command } from 'commander';
import type { CliIo } from './io.js';

/**
 * One `parley` sub-command. Each lives in its own file under commands/ and adds itself to
 * the program; the action throws ParleyError on bad input and returns when done.
 */
export interface CliCommand {
  readonly name: string;
  register(program: Command, io: CliIo): void;
}
