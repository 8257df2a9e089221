import type { Command } from 'commander';
import { ParleyError } from '../../core/errors.js';
import { validateInput } from '../../formats/validate.js';
import type { CliCommand } from '../command.js';
import type { CliIo } from '../io.js';

export const validateCommand: CliCommand = {
  name: 'validate',
  register(program: Command, io: CliIo) {
    program
      .command('validate')
      .description('check a scenario, or GENIUS/GeniusWeb files, and print a summary; errors name file:line:column')
      .argument('<inputs...>', 'a built-in name, a scenario file, or GENIUS/GeniusWeb files or folder')
      .action((inputs: string[]) => {
        const result = validateInput(inputs);
        io.out(result.summary.endsWith('\n') ? result.summary : `${result.summary}\n`);
        const errors = result.problems.filter((p) => p.severity === 'error');
        if (errors.length)
          throw new ParleyError(
            'PARLEY_E_SCHEMA',
            `${errors.length} problem${errors.length === 1 ? '' : 's'} found (listed above, each with its file:line:column)`,
            { position: { file: errors[0]!.position.file } },
          );
      });
  },
};
