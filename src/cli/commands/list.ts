import type { Command } from 'commander';
import { builtins, type Builtin } from '../../formats/builtin.js';
import { loadInput } from '../../formats/input.js';
import type { CliCommand } from '../command.js';
import type { CliIo } from '../io.js';

const WIDTH = 100;

/** parley's own scenarios carry their title and origin inside the file. */
function describeParleyScenario(b: Builtin): string {
  const scenario = loadInput([b.name]);
  return [scenario.title, scenario.origin].filter((x) => x).join(' — ') || 'parley scenario';
}

/** Names in as many columns as fit in WIDTH. */
function columns(names: readonly string[]): string {
  const cell = Math.max(...names.map((n) => n.length)) + 2;
  const perLine = Math.max(1, Math.floor((WIDTH - 2) / cell));
  const lines: string[] = [];
  for (let i = 0; i < names.length; i += perLine)
    lines.push(
      '  ' +
        names
          .slice(i, i + perLine)
          .map((n) => n.padEnd(cell))
          .join('')
          .trimEnd(),
    );
  return lines.join('\n');
}

/** parley scenarios one a line with their title; the classic domains grouped by origin. */
export function renderBuiltinList(all: readonly Builtin[]): string {
  const own = all.filter((b) => b.kind === 'parley');
  const width = Math.max(...own.map((b) => b.name.length)) + 2;
  const parts = [
    `parley scenarios\n${own.map((b) => `  ${b.name.padEnd(width)}${describeParleyScenario(b)}`).join('\n')}`,
  ];
  const groups = new Map<string, string[]>();
  for (const b of all.filter((b) => b.kind !== 'parley'))
    groups.set(b.origin ?? b.kind, [...(groups.get(b.origin ?? b.kind) ?? []), b.name]);
  for (const [origin, names] of groups) parts.push(`${origin}\n${columns(names)}`);
  return parts.join('\n\n') + '\n';
}

export const listCommand: CliCommand = {
  name: 'list',
  register(program: Command, io: CliIo) {
    program
      .command('list')
      .description('the built-in scenarios and where they come from')
      .option('--names', 'print only the names, one a line')
      .action((options: { names?: boolean }) => {
        const all = builtins();
        if (options.names) {
          io.out(all.map((b) => b.name).join('\n') + '\n');
          return;
        }
        io.out(renderBuiltinList(all));
        io.out(
          `\n${all.length} built-in scenarios. Use a name wherever an input is expected, e.g. \`parley analyze anac/2011/Energy\`\n(the year may be written 2011 or y2011).\n`,
        );
      });
  },
};
