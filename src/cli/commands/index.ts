import type { CliCommand } from '../command.js';

/**
 * One entry of the command list: what `parley --help` shows for a command, and how to load it.
 *
 * Commands load lazily. `parley <name> …` imports the module of `<name>` only, so what a
 * command imports (vega for plots, fastify, kysely, better-sqlite3, pg, piscina, bullmq, …)
 * is never loaded by `parley --version`, `parley --help` or another command, and a native
 * dependency that failed to build breaks only the command that needs it.
 *
 * To add a command:
 *   1. write `commands/<name>.ts` exporting a `CliCommand` (it may import anything);
 *   2. append an entry here whose `load` imports that module with `await import(…)`;
 *      never import a command module statically, here or in main.ts;
 *   3. copy its `summary` (the command's `.description(…)`) and its `term` (`<name>`, then
 *      ` [options]` if it has options, then its arguments as `--help` writes them);
 *      test/cli/lazy-commands.test.ts fails until both match what the command registers.
 */
export interface LazyCommand {
  readonly name: string;
  /** How `parley --help` lists it, e.g. `analyze [options] <inputs...>`. */
  readonly term: string;
  /** The command's description, shown by `parley --help` without loading the command. */
  readonly summary: string;
  readonly load: () => Promise<CliCommand>;
}

/** Every `parley` command, in the order `parley --help` lists them. Append new ones. */
export const COMMANDS: readonly LazyCommand[] = [
  {
    name: 'analyze',
    term: 'analyze [options] <inputs...>',
    summary: 'Pareto frontier, bargaining solutions, zone of agreement, blockers and sticking points',
    load: async () => (await import('./analyze.js')).analyzeCommand,
  },
  {
    name: 'eval',
    term: 'eval [options] <inputs...>',
    summary:
      "each party's utility of one outcome, the red lines it crosses, and whether it is in the zone of agreement",
    load: async () => (await import('./eval.js')).evalCommand,
  },
  {
    name: 'validate',
    term: 'validate <inputs...>',
    summary: 'check a scenario, or GENIUS/GeniusWeb files, and print a summary; errors name file:line:column',
    load: async () => (await import('./validate.js')).validateCommand,
  },
  {
    name: 'convert',
    term: 'convert [options] <paths...>',
    summary: 'write a scenario in another format: parley YAML/JSON, GENIUS XML or GeniusWeb JSON',
    load: async () => (await import('./convert.js')).convertCommand,
  },
  {
    name: 'list',
    term: 'list [options]',
    summary: 'the built-in scenarios and where they come from',
    load: async () => (await import('./list.js')).listCommand,
  },
  {
    name: 'run',
    term: 'run [options] <inputs...>',
    summary:
      'simulate a negotiation: agents (and mediators) through a protocol on a virtual clock, with a narrated log, result table, plots and agreement text',
    load: async () => (await import('./run.js')).runCommand,
  },
  {
    name: 'replay',
    term: 'replay [options] <log.jsonl>',
    summary:
      "check an event log's hash chain and seal, rebuild the run from it, check the replayed events equal the logged ones, and print it",
    load: async () => (await import('./replay.js')).replayCommand,
  },
  {
    name: 'demo',
    term: 'demo [scenario]',
    summary:
      'analyse and simulate the built-in cairo-2024 scenario, writing plots, log and agreement text to out/cairo-2024/ (what `npm start` runs)',
    load: async () => (await import('./demo.js')).demoCommand,
  },
  {
    name: 'tournament',
    term: 'tournament [options] <definition>',
    summary:
      'run every agent against every other on many scenarios (worker threads, or a Redis queue across machines) and rank them by ANAC scores',
    load: async () => (await import('./tournament.js')).tournamentCommand,
  },
  {
    name: 'worker',
    term: 'worker [options]',
    summary: 'run tournament negotiations from a Redis queue (start any number, on any machines)',
    load: async () => (await import('./worker.js')).workerCommand,
  },
];

/** The command that `argv` runs or asks help for (`parley help <name>`), if any. */
export function commandNamed(argv: readonly string[]): LazyCommand | undefined {
  const words = argv.filter((a) => !a.startsWith('-'));
  const name = words[0] === 'help' ? words[1] : words[0];
  return COMMANDS.find((c) => c.name === name);
}
