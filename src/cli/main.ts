import { Command, Help } from 'commander';
import { ParleyError } from '../core/errors.js';
import { PARLEY_VERSION } from '../report/json/version.js';
import { COMMANDS, commandNamed, type LazyCommand } from './commands/index.js';
import type { CliCommand } from './command.js';
import { processIo, type CliIo } from './io.js';
import { reportError } from './report-error.js';

export const EXIT_CODES_HELP = `
Exit codes:
  0  success
  1  bad input (a file that cannot be read or is invalid, a bad outcome)
  2  usage (unknown command or option, missing argument)
  3  internal error (a bug in parley)
`;

/** A command's module, or a clear error when it (or a dependency it needs) cannot be loaded. */
async function loadCommand(entry: LazyCommand): Promise<CliCommand> {
  try {
    return await entry.load();
  } catch (cause) {
    const message = cause instanceof Error ? cause.message : String(cause);
    throw new ParleyError(
      'PARLEY_E_INTERNAL',
      `the ${entry.name} command could not be loaded (is a dependency missing or not built? run npm install): ${message}`,
      { cause },
    );
  }
}

/**
 * The `parley` program, writing through `io`. Only the commands named in `load` are
 * imported and registered in full (`'all'` for every one); the others are listed by name
 * and summary, so `parley --help` and `parley --version` import no command module.
 */
export async function buildProgram(io: CliIo, load: readonly string[] | 'all' = 'all'): Promise<Command> {
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
  const listed = new Map<Command, LazyCommand>();
  for (const entry of COMMANDS) {
    if (load === 'all' || load.includes(entry.name)) (await loadCommand(entry)).register(program, io);
    else listed.set(program.command(entry.name).description(entry.summary), entry);
  }
  // An unloaded command is listed with the term its entry gives, as the loaded one would be.
  program.configureHelp({
    subcommandTerm: (cmd) => listed.get(cmd)?.term ?? Help.prototype.subcommandTerm.call(new Help(), cmd),
  });
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
  try {
    const invoked = commandNamed(argv);
    const program = await buildProgram(io, invoked ? [invoked.name] : []);
    if (argv.length === 0) {
      program.outputHelp();
      return 0;
    }
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
