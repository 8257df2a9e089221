import { isDeepStrictEqual } from 'node:util';
import { ParleyError } from '../core/errors.js';
import type { BaseState } from '../protocols/base.js';
import type { ProtocolEvent } from '../protocols/events.js';
import { checkHeaderShape, parseEventLogLines, type EventLog } from './event-log.js';
import { verifyChain, type LogIntegrity, type VerifyChainOptions } from './log-chain.js';
import { replay } from './replay.js';

/** A log that passed every check: its records, what its chain establishes, and the state it replays to. */
export interface VerifiedLog {
  readonly log: EventLog;
  readonly integrity: LogIntegrity;
  readonly state: BaseState;
  /** The events as replay rebuilt them (equal to the logged ones). */
  readonly events: readonly ProtocolEvent[];
}

const UNCHAINED =
  'the log was written before parley chained and sealed its logs (version 1): edits to it cannot be detected';

/**
 * Checks a log (the text of a JSON-lines file) the way `parley replay` does, in order:
 * its hash chain, seal and (with a key) signature; the shape of its header; then that
 * re-executing its actions rebuilds exactly the logged events. Throws PARLEY_E_LOG_INTEGRITY
 * (exit 1) at the first check that fails, naming the line or the event.
 */
export function verifyLog(text: string, options: VerifyChainOptions = {}): VerifiedLog {
  const file = options.file ?? '<event log>';
  const parsed = parseEventLogLines(text, file);
  let integrity: LogIntegrity;
  if (parsed.log.header.version >= 2)
    integrity = verifyChain(parsed.lines, parsed.records, { ...options, file, numbers: parsed.numbers });
  else if (options.key !== undefined)
    throw new ParleyError(
      'PARLEY_E_LOG_INTEGRITY',
      `${file} was written before parley signed its logs (version 1), so the key cannot confirm it`,
      { position: { file, line: 1 } },
    );
  else
    integrity = {
      chain: 'none',
      sealed: false,
      signature: 'absent',
      lines: parsed.lines.length,
      head: null,
      warnings: [UNCHAINED],
    };
  checkHeaderShape(parsed.records[0]!, { file, line: parsed.numbers[0]! });
  const replayed = replayMatches(parsed.log, file);
  return { log: parsed.log, integrity, ...replayed };
}

/**
 * Re-executes a log's actions and checks the rebuilt events equal the logged ones: what
 * the chain cannot show (a consistent rewrite whose events no run could produce). For a
 * log held in memory or in a store, as well as one read from a file.
 */
export function replayMatches(log: EventLog, file = '<event log>'): { state: BaseState; events: ProtocolEvent[] } {
  const replayed = replay(log);
  // The log is JSON: compare the replayed events as JSON would write them (no undefined fields).
  const rebuilt = JSON.parse(JSON.stringify(replayed.events)) as ProtocolEvent[];
  if (!isDeepStrictEqual(rebuilt, log.events)) {
    const i = rebuilt.findIndex((e, k) => !isDeepStrictEqual(e, log.events[k]));
    const at = i < 0 ? Math.min(rebuilt.length, log.events.length) : i;
    throw new ParleyError(
      'PARLEY_E_LOG_INTEGRITY',
      `${file}: the replayed events differ from the logged ones, first at event ${at}` +
        (log.header.version < 2
          ? '; this version 1 log may come from an earlier parley whose protocols wrote other events'
          : ''),
    );
  }
  return replayed;
}
