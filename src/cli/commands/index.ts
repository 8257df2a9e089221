import type { CliCommand } from '../command.js';
import { analyzeCommand } from './analyze.js';
import { convertCommand } from './convert.js';
import { demoCommand } from './demo.js';
import { evalCommand } from './eval.js';
import { listCommand } from './list.js';
import { replayCommand } from './replay.js';
import { runCommand } from './run.js';
import { validateCommand } from './validate.js';
import { tournamentCommand } from './tournament.js';
import { workerCommand } from './worker.js';

/** Every `parley` command, in the order `parley --help` lists them. Add new ones here. */
export const COMMANDS: readonly CliCommand[] = [
  analyzeCommand,
  evalCommand,
  validateCommand,
  convertCommand,
  listCommand,
  runCommand,
  replayCommand,
  demoCommand,
  tournamentCommand,
  workerCommand,
];
