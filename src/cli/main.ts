import { Command } from 'commander';
import { PARLEY_VERSION } from '../report/json/version.js';
import { COMMANDS } from './commands/index.js';
import { processIo, type CliIo } from './io.js';
import { reportError } from './report-error.js';

export const EXIT_CODES_HELP = `
Exit codes:
  0  success
  1  bad input (a file that cannot be read or is invalid, a bad outcome)
  2  usage (unknown command or option, missing argument)
  3  internal error (a bug in parley)
`;

/** The `parley` program: every command in COMMANDS, writing through `io`. */
export function buildProgram(io: CliIo): Command {
  const program = new Command('parley')
    .description('Mediated, multi-issue, multi-phase negotiation: analyse, simulate, host')
    .version(PARLEY_VERSION, '-V, --version')
    .exitOverride()
    .showHelpAfterError('(run `parley --help` for usage)')
    .configureOutput({
      writeOut: io.out,
      writeErr: io.err,
      outputError: (text, write) => write(`parley: ${text.replace(/^error: /, '')}`),
    })
    .addHelpText('after', EXIT_CODES_HELP);
  for (const command of COMMANDS) command.register(program, io);
  // Sub-commands inherit the program's output and exit handling.
  for (const sub of program.commands)
    sub
      .exitOverride()
      .configureOutput(program.configureOutput())
      .showHelpAfterError(`(run \`parley ${sub.name()} --help\` for usage)`);
  return program;
}

/** Runs `parley <argv…>` and resolves to the exit code; never throws, never exits the process. */
export async function main(argv: string[], io: CliIo = processIo()): Promise<number> {
  const program = buildProgram(io);
  if (argv.length === 0) {
    program.outputHelp();
    return 0;
  }
  try {
    await program.parseAsync(argv, { from: 'user' });
    return 0;
  } catch (error) {
    return reportError(error, io);
  }
}

// Run directly (`tsx src/cli/main.ts …`, as `npm start` does).
if (process.argv[1] !== undefined && /src[\\/]cli[\\/]main\.ts$/.test(process.argv[1])) {
  process.exitCode = await main(process.argv.slice(2));
}
