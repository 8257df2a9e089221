import { resolve } from 'node:path';
import type { Command } from 'commander';
import { loadAgentModule, isModulePath } from '../../agents/index.js';
import { ParleyError } from '../../core/errors.js';
import type { Scenario } from '../../core/scenario.js';
import { loadInput } from '../../formats/input.js';
import type { ProtocolEvent } from '../../protocols/events.js';
import { visibleTo } from '../../protocols/visibility.js';
import { runToJson } from '../../report/run/json.js';
import { Narrator, timeUnit } from '../../report/run/narrate.js';
import { planRun } from '../../session/plan.js';
import { finishRun, type RunOutcome } from '../../session/simulate.js';
import { resultText } from '../../report/run/table.js';
import { readEventLogText, type EventLog } from '../../session/event-log.js';
import type { LogIntegrity } from '../../session/log-chain.js';
import { verifyLog, type VerifiedLog } from '../../session/verify-log.js';
import { actingRoles, seatOf } from '../../session/views.js';
import type { CliCommand } from '../command.js';
import type { CliIo } from '../io.js';
import { LOG_KEY_HELP, logKey } from '../log-key.js';
import { readReplayInputs } from './run.js';

export interface ReplayOptions {
  readonly json?: boolean;
  readonly as?: string;
  readonly key?: string;
}

/** Only what one role could see, through the one visibility filter. */
function eventsFor(
  log: EventLog,
  events: readonly ProtocolEvent[],
  role: string | undefined,
): readonly ProtocolEvent[] {
  if (role === undefined) return events;
  const setup = log.header.setup;
  const known = [...actingRoles(setup), ...setup.roles.observers.map((o) => o.name)];
  if (!known.includes(role))
    throw new ParleyError('PARLEY_E_USAGE', `--as "${role}" is not a role in this log; roles: ${known.join(', ')}`);
  const viewer = seatOf(setup, role).viewer;
  return events.filter((e) => visibleTo(e, viewer));
}

/** The scenario the run was made from: the inputs file beside the log, else a built-in of the logged name. */
async function measured(logFile: string, log: EventLog, state: VerifiedLog['state']): Promise<RunOutcome | null> {
  const saved = readReplayInputs(logFile);
  let scenario: Scenario;
  try {
    scenario = loadInput(saved?.inputs ?? [log.header.scenario]);
  } catch {
    return null;
  }
  for (const spec of [...(saved?.request.agents ?? []), ...(saved?.request.mediators ?? [])])
    if (isModulePath(spec.strategy)) await loadAgentModule(spec.strategy);
  const plan = planRun(scenario, { ...(saved?.request ?? {}), protocol: log.header.protocol, seed: log.header.seed });
  return finishRun(
    { ...plan, deadline: log.header.setup.deadline, scenario: { ...plan.scenario, roles: log.header.setup.roles } },
    log,
    state,
    10,
  );
}

/** One sentence on what the chain, seal and signature establish. */
export function integrityText(integrity: LogIntegrity): string {
  if (integrity.chain === 'none')
    return 'Integrity: not checked: the log has no hash chain (written before version 2).';
  const sealed = integrity.sealed ? 'sealed' : 'not sealed';
  const signature = {
    verified: 'its signature verified with the key',
    unchecked: 'signed, but the signature was not checked (no key given)',
    absent: 'not signed, so a rewrite that recomputed every hash would not be detected',
  }[integrity.signature];
  return `Integrity: hash chain intact over ${integrity.lines} lines, ${sealed}, ${signature}.`;
}

export async function runReplay(file: string, options: ReplayOptions, io: CliIo): Promise<void> {
  const path = resolve(io.cwd, file);
  const verified = verifyLog(readEventLogText(path), { file, key: logKey(options.key, io) });
  const { log, integrity } = verified;
  for (const warning of integrity.warnings) io.err(`parley: warning: ${file}: ${warning}\n`);
  const shown = eventsFor(log, verified.events, options.as);
  const run = await measured(path, log, verified.state);
  if (options.json) {
    const json = run ? runToJson(run, { log: path }) : null;
    io.out(
      JSON.stringify({
        replayed: true,
        identical: true,
        integrity,
        actions: log.actions.length,
        events: log.events.length,
        as: options.as ?? null,
        shown: shown.length,
        run: json,
      }) + '\n',
    );
    return;
  }
  const { setup } = log.header;
  const narrator = new Narrator(setup, timeUnit(log.header.hoursPerRound !== 1 ? log.header.hoursPerRound : undefined));
  io.out(
    `Replaying ${log.header.scenario} (${log.header.protocol}, seed ${log.header.seed})${options.as ? ` as ${options.as} sees it` : ''}.\n\n`,
  );
  for (const e of shown) {
    const line = narrator.line(e);
    if (line !== null) io.out(line + '\n');
  }
  io.out(
    `\nReplayed ${log.actions.length} actions through ${log.header.protocol}: the ${verified.events.length} events equal the ${log.events.length} logged.\n`,
  );
  if (options.as) io.out(`${options.as} could see ${shown.length} of them.\n`);
  io.out(`${integrityText(integrity)}\n`);
  if (run && !options.as) io.out(`\n${resultText(run)}`);
  else if (!run) io.out('(The scenario was not found, so utilities are not shown.)\n');
}

export const replayCommand: CliCommand = {
  name: 'replay',
  register(program: Command, io: CliIo) {
    program
      .command('replay')
      .description(
        "check an event log's hash chain and seal, rebuild the run from it, check the replayed events equal the logged ones, and print it",
      )
      .argument('<log.jsonl>', 'an event log written by `parley run` (out/<scenario>/events.jsonl)')
      .option('--json', 'print one JSON object: whether the replay matched, and the run result')
      .option('--as <role>', 'show only what one role could see (a delegation, mediator, decision body or observer)')
      .option('--key <key>', `${LOG_KEY_HELP}; with a key, a log not signed with it is refused`)
      .addHelpText(
        'after',
        '\nExamples:\n  parley replay out/cairo-2024/events.jsonl\n  parley replay out/cairo-2024/events.jsonl --as "Hamas delegation"',
      )
      .action((file: string, options: ReplayOptions) => runReplay(file, options, io));
  },
};
