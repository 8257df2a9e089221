import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { InvalidArgumentError, type Command } from 'commander';
import { agentNames, agentSpecsFromList, isModulePath } from '../../agents/index.js';
import type { AgentSpec, Scenario } from '../../core/scenario.js';
import { loadInput } from '../../formats/input.js';
import { noteLenientForms } from '../report-error.js';
import { writeFileAtomic } from '../../formats/atomic-write.js';
import { Narrator, timeUnit } from '../../report/run/narrate.js';
import { planRun, type RunRequest } from '../../session/plan.js';
import { runToJson } from '../../report/run/json.js';
import { simulate, type RunOutcome } from '../../session/simulate.js';
import { resultText } from '../../report/run/table.js';
import { writeRunReport, type RunFiles } from '../../report/run/write.js';
import type { ProtocolEvent } from '../../protocols/events.js';
import { protocolNames, registeredProtocols } from '../../protocols/registry.js';
import type { CliCommand } from '../command.js';
import type { CliIo } from '../io.js';
import { LOG_KEY_HELP, logKey } from '../log-key.js';
import type { DemoStep } from './demo.js';
import { checkRunDeadline, MAX_RUN_ROUNDS, runRounds, runTime } from '../options.js';

export interface RunOptions {
  readonly protocol?: string;
  readonly agents?: string;
  readonly mediators?: string;
  readonly rounds?: number;
  readonly time?: number;
  readonly seed?: number;
  readonly out?: string;
  readonly json?: boolean;
  readonly quiet?: boolean;
  /** HMAC key that signs the event log's seal (see log-key.ts). */
  readonly key?: string;
}

/** Next to the log: what the run was made from, so `parley replay` can measure it again. */
export const REPLAY_FILE = 'run-inputs.json';

export interface ReplayInputs {
  readonly inputs: readonly string[];
  readonly request: RunRequest;
}

function integer(text: string): number {
  const n = Number(text);
  if (!Number.isInteger(n)) throw new InvalidArgumentError('expected a whole number.');
  return n;
}

/** `a, b or c`: the registered names as the help has always listed them. */
function orList(names: readonly string[], last = 'or'): string {
  return names.length <= 1 ? (names[0] ?? '') : `${names.slice(0, -1).join(', ')} ${last} ${names.at(-1)}`;
}

/** Module paths as absolute paths, so the inputs file works from any folder. */
function absoluteSpecs(specs: readonly AgentSpec[] | undefined, cwd: string): AgentSpec[] | undefined {
  return specs?.map((s) => (isModulePath(s.strategy) ? { ...s, strategy: resolve(cwd, s.strategy) } : s));
}

/** Inputs that name files become absolute; built-in names stay as they are. */
function absoluteInputs(inputs: readonly string[], cwd: string): string[] {
  return inputs.map((i) => (existsSync(resolve(cwd, i)) ? resolve(cwd, i) : i));
}

/** Narrates each event as a line on stdout. */
export function narrating(scenario: Scenario, io: CliIo): (e: ProtocolEvent) => void {
  let narrator: Narrator | null = null;
  return (e) => {
    if (e.kind === 'started') narrator = null;
    narrator ??= new Narrator(
      {
        domain: scenario.domain,
        parties: scenario.parties.map((p) => p.name),
        roles: scenario.roles,
        timeline: scenario.timeline,
        deadline: {},
        seed: 0,
      },
      timeUnit(scenario.simulation?.hoursPerRound),
    );
    const line = narrator.line(e);
    if (line !== null) io.out(line + '\n');
  };
}

/** Where the files went, relative to the working folder. */
export function filesText(files: RunFiles, cwd: string): string {
  const rel = (f: string) => {
    const r = relative(cwd, f);
    return r && !r.startsWith('..') ? r : f;
  };
  return `\nWrote ${rel(files.log)} (event log), ${rel(files.offers)}, ${rel(files.concession)} (plots) and ${rel(files.agreement)} (agreement text).\n`;
}

async function requestOf(options: RunOptions, cwd: string): Promise<RunRequest> {
  // Module paths are read relative to the working folder, as the user typed them.
  const inCwd = async (list: string | undefined) =>
    list === undefined
      ? undefined
      : agentSpecsFromList(
          list
            .split(',')
            .map((a) => (isModulePath(a.split(':')[0]!) ? resolve(cwd, a) : a))
            .join(','),
        );
  return {
    protocol: options.protocol,
    agents: await inCwd(options.agents),
    mediators: await inCwd(options.mediators),
    rounds: options.rounds,
    time: options.time,
    seed: options.seed,
  };
}

/** Runs a simulation, narrates it, writes the report files and prints the result (or the JSON contract). */
export async function runSimulation(inputs: string[], options: RunOptions, io: CliIo): Promise<RunOutcome> {
  const scenario = loadInput(
    inputs.map((i) => (existsSync(resolve(io.cwd, i)) ? resolve(io.cwd, i) : i)),
    noteLenientForms(io, inputs),
  );
  const request = await requestOf(options, io.cwd);
  const plan = planRun(scenario, request);
  checkRunDeadline(plan.deadline, plan.hoursPerRound);
  const talk = !options.json && !options.quiet;
  if (talk)
    io.out(
      `Simulating ${scenario.title ?? scenario.name} (${plan.protocol}, seed ${plan.seed}): ${plan.seats
        .filter((s) => s.kind !== 'working-group')
        .map((s) => `${s.role}${s.spec.params?.lead === true ? ' (lead)' : ''} plays ${s.spec.strategy}`)
        .join('; ')}.\n\n`,
    );
  const run = simulate(plan, { onEvent: talk ? narrating(plan.scenario, io) : undefined });
  const outDir = resolve(io.cwd, options.out ?? join('out', scenario.name));
  const files = await writeRunReport(run, outDir, { logKey: logKey(options.key, io) });
  const replayInputs: ReplayInputs = {
    inputs: absoluteInputs(inputs, io.cwd),
    request: {
      ...request,
      agents: absoluteSpecs(request.agents, io.cwd),
      mediators: absoluteSpecs(request.mediators, io.cwd),
    },
  };
  writeFileAtomic(join(outDir, REPLAY_FILE), JSON.stringify(replayInputs, null, 2) + '\n');
  if (options.json) {
    io.out(JSON.stringify(runToJson(run, { ...files })) + '\n');
    return run;
  }
  io.out(`\n${resultText(run)}`);
  io.out(filesText(files, io.cwd));
  return run;
}

/** Reads the inputs file written beside a log, if there is one. */
export function readReplayInputs(logFile: string): ReplayInputs | null {
  const file = join(dirname(logFile), REPLAY_FILE);
  if (!existsSync(file)) return null;
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as ReplayInputs;
  } catch {
    return null;
  }
}

export const runCommand: CliCommand = {
  name: 'run',
  register(program: Command, io: CliIo) {
    const mediated = registeredProtocols()
      .filter((p) => p.seats.mediators !== 'none')
      .map((p) => p.name);
    program
      .command('run')
      .description(
        'simulate a negotiation: agents (and mediators) through a protocol on a virtual clock, with a narrated log, result table, plots and agreement text',
      )
      .argument(
        '<inputs...>',
        'a built-in name (cairo-2024, anac/2011/Laptop), a scenario file, or GENIUS/GeniusWeb files or folder',
      )
      .option('--protocol <name>', `${orList(protocolNames())} (default: the scenario's, else saop)`)
      .option(
        '--agents <list>',
        `one agent per party, in party order: ${orList([...agentNames('delegation'), './module.ts'])}; parameters as name:key=value`,
      )
      .option(
        '--mediators <list>',
        `mediators for ${orList(mediated, 'and')}: ${agentNames('mediator').join(', ')} (the first leads)`,
      )
      .option('--rounds <n>', `deadline in rounds (1 to ${MAX_RUN_ROUNDS.toLocaleString('en-US')})`, runRounds)
      .option('--time <s>', 'deadline in virtual time (hours for scenarios with a timeline)', runTime)
      .option('--seed <n>', "random seed (default: the scenario's, else 1)", integer)
      .option('--out <dir>', 'folder for the log, plots and agreement text (default out/<scenario>/)')
      .option('--json', 'print one JSON object (schema/run.schema.json) instead of the narration and tables')
      .option('--quiet', 'print only the result, not the negotiation as it goes')
      .option('--key <key>', `${LOG_KEY_HELP}; \`parley replay --key\` then checks it`)
      .addHelpText(
        'after',
        '\nExamples:\n  parley run cairo-2024\n  parley run anac/2011/Laptop --agents boulware,conceder --rounds 200 --seed 7\n  parley run anac/2010/ItexvsCypress --agents ./examples/my-agent.ts,tit-for-tat --json',
      )
      .action(async (inputs: string[], options: RunOptions) => {
        await runSimulation(inputs, options, io);
      });
  },
};

/** The demo's simulation step: the scenario with its own default agents and mediators, and the full report. */
export const simulationDemoStep: DemoStep = {
  title: 'Simulation',
  async run(ctx) {
    await runSimulation([ctx.scenarioName], { out: ctx.outDir }, ctx.io);
  },
};
