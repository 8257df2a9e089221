import { readFileSync } from 'node:fs';
import { writeFileAtomic } from '../formats/atomic-write.js';
import { fileError, ParleyError } from '../core/errors.js';
import type { ProtocolEvent } from '../protocols/events.js';
import type { Action, NegotiationSetup } from '../protocols/types.js';

export const EVENT_LOG_VERSION = 1;

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

/** JSON lines: the header, the opening events, then each action followed by its events. */
export function formatEventLog(log: EventLog): string {
  const lines: Line[] = [log.header];
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
  return lines.map((l) => JSON.stringify(l)).join('\n') + '\n';
}

/** Writes the log atomically: a temporary file renamed over the target. */
export function writeEventLog(path: string, log: EventLog): void {
  writeFileAtomic(path, formatEventLog(log));
}

export function readEventLog(path: string): EventLog {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (cause) {
    throw new ParleyError('PARLEY_E_FILE_NOT_FOUND', `cannot read event log ${path}`, {
      position: { file: path },
      cause,
    });
  }
  return parseEventLog(text, path);
}

export function parseEventLog(text: string, file = '<event log>'): EventLog {
  const events: ProtocolEvent[] = [];
  const actions: LoggedAction[] = [];
  let header: LogHeader | undefined;
  text.split('\n').forEach((raw, i) => {
    if (raw.trim() === '') return;
    const line = parseLine(raw, file, i + 1);
    if (i === 0) {
      header = checkHeader(line, file);
      return;
    }
    if (line.type === 'event' && typeof line.event === 'object' && line.event !== null)
      events.push(line.event as ProtocolEvent);
    else if (line.type === 'action' && typeof line.action === 'object' && typeof line.role === 'string') {
      const { type: _, ...rest } = line;
      actions.push(rest as unknown as LoggedAction);
    } else
      throw fileError(
        'PARLEY_E_FORMAT',
        `unexpected line of type "${String(line.type)}"`,
        { file, line: i + 1, column: 1 },
        'an "event" or "action" line',
      );
  });
  if (!header)
    throw fileError('PARLEY_E_FORMAT', 'the event log is empty', { file, line: 1, column: 1 }, 'a header line');
  return { header, events, actions };
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

function checkHeader(line: Record<string, unknown>, file: string): LogHeader {
  const ok =
    line.type === 'header' &&
    typeof line.protocol === 'string' &&
    typeof line.seed === 'number' &&
    typeof line.setup === 'object' &&
    line.setup !== null;
  if (!ok)
    throw fileError(
      'PARLEY_E_FORMAT',
      'the first line is not an event log header',
      { file, line: 1, column: 1 },
      '{"type":"header","protocol":…,"seed":…,"setup":…}',
    );
  if (line.version !== EVENT_LOG_VERSION)
    throw fileError(
      'PARLEY_E_FORMAT',
      `unsupported event log version ${String(line.version)}`,
      { file, line: 1, column: 1 },
      `version ${EVENT_LOG_VERSION}`,
    );
  return line as unknown as LogHeader;
}
