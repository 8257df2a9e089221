import type { ProtocolEvent } from '../protocols/events.js';
import type { Action } from '../protocols/types.js';
import type { LogHeader } from '../session/event-log.js';
import type { NewLine, StoredLine } from '../store/store.js';
import { sealRecord } from '../session/log-chain.js';

/**
 * Log lines exactly as `parley run` writes events.jsonl: a header, then each action
 * followed by the events it caused. A hosted action also names the client's `actionId`,
 * which `parley replay` ignores. Each is its record's JSON text, which the store chains.
 */
export function headerLine(header: LogHeader): NewLine {
  return { type: 'header', eventSeq: null, text: JSON.stringify(header) };
}

/** An event's line text, `{"type":"event","event":…}`: also the stream's frame for the event. */
export function eventText(event: ProtocolEvent): string {
  return JSON.stringify({ type: 'event', event });
}

/** An event's line (see `eventText`). */
export function eventLine(event: ProtocolEvent): NewLine {
  return { type: 'event', eventSeq: event.seq, text: eventText(event) };
}

export interface ActionRecord {
  readonly role: string;
  readonly action: Action;
  readonly rejected?: string;
  readonly produced: number;
  readonly actionId: string;
}

export function actionLine(record: ActionRecord): NewLine {
  return { type: 'action', eventSeq: null, text: JSON.stringify({ type: 'action', ...record }) };
}

export type ParsedLine =
  | { readonly type: 'header'; readonly header: LogHeader }
  | { readonly type: 'event'; readonly event: ProtocolEvent }
  | { readonly type: 'action'; readonly record: ActionRecord };

export function parseLine(line: StoredLine): ParsedLine {
  const value = JSON.parse(line.line) as Record<string, unknown>;
  if (value.type === 'header') return { type: 'header', header: value as unknown as LogHeader };
  if (value.type === 'event') return { type: 'event', event: value.event as ProtocolEvent };
  const { type: _, prev: __, ...record } = value;
  return { type: 'action', record: record as unknown as ActionRecord };
}

/** The stored log as the text of an events.jsonl file; a finished session's log ends with its seal. */
export function logText(lines: readonly StoredLine[], finished: boolean): string {
  const text = lines.map((l) => l.line);
  const head = lines[lines.length - 1];
  if (finished && head) text.push(sealRecord(head.hash, lines.length).line);
  return text.join('\n') + '\n';
}
