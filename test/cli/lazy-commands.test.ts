import { Command, Help } from 'commander';
import { describe, expect, it } from 'vitest';
import { capturingIo } from '../../src/cli/io.js';
import { buildProgram, main } from '../../src/cli/main.js';
import { COMMANDS, commandNamed } from '../../src/cli/commands/index.js';

describe('the lazy command list', () => {
  it('gives each command the term and summary the command itself registers, so `parley --help` tells the truth', async () => {
    for (const entry of COMMANDS) {
      const program = new Command('parley');
      (await entry.load()).register(program, capturingIo(process.cwd()));
      const command = program.commands.find((c) => c.name() === entry.name);
      expect(command, entry.name).toBeDefined();
      expect(new Help().subcommandTerm(command!), entry.name).toBe(entry.term);
      expect(command!.description(), entry.name).toBe(entry.summary);
    }
  });

  it('prints the same `parley --help` without loading any command as with all of them loaded', async () => {
    const lazy = capturingIo(process.cwd());
    expect(await main(['--help'], lazy)).toBe(0);
    const full = capturingIo(process.cwd());
    (await buildProgram(full, 'all')).outputHelp();
    expect(lazy.stdout()).toBe(full.stdout());
    expect(lazy.stdout()).toContain('replay [options] <log.jsonl>');
  });

  it('finds the command a command line runs, or asks help for', () => {
    expect(commandNamed(['analyze', 'cairo-2024', '--json'])?.name).toBe('analyze');
    expect(commandNamed(['help', 'run'])?.name).toBe('run');
    expect(commandNamed(['--version'])).toBeUndefined();
    expect(commandNamed(['frobnicate'])).toBeUndefined();
  });

  it('still answers `parley help <command>` and suggests a command for a typo', async () => {
    const help = capturingIo(process.cwd());
    expect(await main(['help', 'replay'], help)).toBe(0);
    expect(help.stdout()).toContain('Usage: parley replay [options] <log.jsonl>');
    const typo = capturingIo(process.cwd());
    expect(await main(['analyse', 'cairo-2024'], typo)).toBe(2);
    expect(typo.stderr()).toContain("unknown command 'analyse'");
    expect(typo.stderr()).toContain('analyze');
  });
});
