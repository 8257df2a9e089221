import type { Command } from 'commander';
import { Option } from 'commander';
import { ParleyError } from '../../core/errors.js';
import { convert, outputFormat } from '../../formats/convert.js';
import type { CliCommand } from '../command.js';
import type { CliIo } from '../io.js';

type Format = 'genius' | 'geniusweb' | 'yaml' | 'json';

export const convertCommand: CliCommand = {
  name: 'convert',
  register(program: Command, io: CliIo) {
    program
      .command('convert')
      .description('write a scenario in another format: parley YAML/JSON, GENIUS XML or GeniusWeb JSON')
      .argument('<paths...>', 'the input(s) as for analyze, then the output file or folder')
      .addOption(
        new Option('--format <format>', 'output format (default: from the output name)').choices([
          'genius',
          'geniusweb',
          'yaml',
          'json',
        ]),
      )
      .addHelpText(
        'after',
        '\nExamples:\n  parley convert anac/2011/Energy energy.yaml\n  parley convert cairo-2024 out/cairo --format genius',
      )
      .action((paths: string[], options: { format?: Format }) => {
        if (paths.length < 2)
          throw new ParleyError('PARLEY_E_USAGE', 'convert needs at least one input and an output', {
            expected: 'parley convert <inputs...> <out>',
          });
        const out = paths[paths.length - 1]!;
        const opts = options.format ? { format: options.format } : {};
        convert(paths.slice(0, -1), out, opts);
        io.out(`Wrote ${out} (${outputFormat(out, opts)})\n`);
      });
  },
};
