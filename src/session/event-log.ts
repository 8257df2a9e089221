import { readFileSync } from 'node:fs';
import { writeFileAtomic } from '../formats/atomic-write.js';
import { fileError, ParleyError } from '../core/errors.js';
import type { ProtocolEvent } from '../protocols/events.js';
import type { Action, NegotiationSetup } from '../protocols/types.js';
import { checkHeaderShape } from './log-header.js';

export { checkHeaderShape };
import { chainRecord, sealRecord } from './log-chain.js';

/**
 * The version parley writes: 2, JSON lines in a hash chain ending with a seal
 * (src/session/log-chain.ts). Version 1 logs (no chain, no seal) are still read.
 */
export const EVENT_LOG_VERSION = 2;
export const READABLE_EVENT_LOG_VERSIONS: readonly number[] = [1, 2];

export interface LogHeader {
  readonly type: 'header';
  readonly version: number;
  readonly scenario: string;
  readonly protocol: string;
  readonly seed: number;
  readonly hoursPerRound: number;
  readonly setup: NegotiationSetup;
}

/** One action as taken, with the role that took it; `rejected` when the protocol refused it. */
export interface LoggedAction {
  readonly role: string;
  readonly action: Action;
  readonly rejected?: string;
  /** How many events it caused (a refused action causes one `invalid-action`). */
  readonly produced: number;
}

/** A session's full record: enough to re-execute it (`replay`) and to audit every event. */
export interface EventLog {
  readonly header: LogHeader;
  readonly events: readonly ProtocolEvent[];
  readonly actions: readonly LoggedAction[];
}

type Line = LogHeader | { type: 'event'; event: ProtocolEvent } | ({ type: 'action' } & LoggedAction);

/** The records of a log in file order: the header, the opening events, then each action followed by its events. */
export function logRecords(log: EventLog): Line[] {
  const lines: Line[] = [{ ...log.header, version: EVENT_LOG_VERSION }];
  const opening = log.events.length - log.actions.reduce((n, a) => n + a.produced, 0);
  let next = 0;
  const emit = (count: number) => {
    for (let i = 0; i < count; i++) lines.push({ type: 'event', event: log.events[next++]! });
  };
  emit(opening);
  for (const a of log.actions) {
    lines.push({ type: 'action', ...a });
    emit(a.produced);
  }
  return lines;
}

export interface FormatOptions {
  /** HMAC key: the seal is signed with it, so `replay --key` can tell a consistent rewrite. */
  readonly key?: string;
}

/** JSON lines, each chained to the one before, ending with the seal (signed when a key is given). */
export function formatEventLog(log: EventLog, options: FormatOptions = {}): string {
  const out: string[] = [];
  let head: string | null = null;
  for (const record of logRecords(log)) {
    const link = chainRecord(record, head);
    out.push(link.line);
    head = link.hash;
  }
  out.push(sealRecord(head!, out.length, options.key).line);
  return out.join('\n') + '\n';
}

/** Writes the log atomically: a temporary file renamed over the target. */
export function writeEventLog(path: string, log: EventLog, options: FormatOptions = {}): void {
  writeFileAtomic(path, formatEventLog(log, options));
}

export function readEventLogText(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (cause) {
    throw new ParleyError('PARLEY_E_FILE_NOT_FOUND', `cannot read event log ${path}`, {
      position: { file: path },
      cause,
    });
  }
}

/** Reads a log's records without checking its chain; `verifyLog` (verify-log.ts) checks it. */
export function readEventLog(path: string): EventLog {
  return parseEventLog(readEventLogText(path), path);
}

/** A log as read: its records, and each non-empty line's text, record and line number for the chain check. */
export interface ParsedEventLog {
  readonly log: EventLog;
  readonly lines: readonly string[];
  readonly records: readonly Record<string, unknown>[];
  readonly numbers: readonly number[];
}

/** Reads a log's records, checking the header's shape but not the chain (see verifyLog). */
export function parseEventLog(text: string, file = '<event log>'): EventLog {
  const parsed = parseEventLogLines(text, file);
  checkHeaderShape(parsed.records[0]!, { file, line: parsed.numbers[0]! });
  return parsed.log;
}

/**
 * Splits a log into its lines and records. Only the header's type and version are checked
 * here: a verifier checks the chain first (an edit shows as an edit), then the header's shape
 * with `checkHeaderShape`.
 */
export function parseEventLogLines(text: string, file = '<event log>'): ParsedEventLog {
  const events: ProtocolEvent[] = [];
  const actions: LoggedAction[] = [];
  const lines: string[] = [];
  const records: Record<string, unknown>[] = [];
  const numbers: number[] = [];
  let header: LogHeader | undefined;
  text.split('\n').forEach((raw, i) => {
    if (raw.trim() === '') return;
    const line = parseLine(raw, file, i + 1);
    lines.push(raw);
    records.push(line);
    numbers.push(i + 1);
    if (header === undefined) {
      header = checkHeader(line, file, i + 1);
      return;
    }
    if (line.type === 'event' && typeof line.event === 'object' && line.event !== null)
      events.push(line.event as ProtocolEvent);
    else if (line.type === 'action' && typeof line.action === 'object' && typeof line.role === 'string') {
      const { type: _, prev: __, ...rest } = line;
      actions.push(rest as unknown as LoggedAction);
    } else if (line.type !== 'seal' || header.version < 2)
      throw fileError(
        'PARLEY_E_FORMAT',
        `unexpected line of type "${String(line.type)}"`,
        { file, line: i + 1, column: 1 },
        header.version < 2 ? 'an "event" or "action" line' : 'an "event", "action" or "seal" line',
      );
  });
  if (!header)
    throw fileError('PARLEY_E_FORMAT', 'the event log is empty', { file, line: 1, column: 1 }, 'a header line');
  return { log: { header, events, actions }, lines, records, numbers };
}

function parseLine(raw: string, file: string, line: number): Record<string, unknown> {
  try {
    const value: unknown = JSON.parse(raw);
    if (typeof value === 'object' && value !== null && !Array.isArray(value)) return value as Record<string, unknown>;
  } catch (cause) {
    throw new ParleyError('PARLEY_E_PARSE', `line ${line} is not valid JSON`, {
      position: { file, line, column: 1 },
      expected: 'one JSON object per line',
      cause,
    });
  }
  throw fileError(
    'PARLEY_E_PARSE',
    `line ${line} is not a JSON object`,
    { file, line, column: 1 },
    'one JSON object per line',
  );
}

function checkHeader(line: Record<string, unknown>, file: string, number: number): LogHeader {
  if (line.type !== 'header')
    throw fileError(
      'PARLEY_E_FORMAT',
      'the first line is not an event log header',
      { file, line: number, column: 1 },
      '{"type":"header","protocol":…,"seed":…,"setup":…}',
    );
  if (typeof line.version !== 'number' || !READABLE_EVENT_LOG_VERSIONS.includes(line.version))
    throw fileError(
      'PARLEY_E_FORMAT',
      `unsupported event log version ${String(line.version)}`,
      { file, line: number, column: 1 },
      `version ${READABLE_EVENT_LOG_VERSIONS.join(' or ')}`,
    );
  const { prev: _, ...header } = line;
  return header as unknown as LogHeader;
}
