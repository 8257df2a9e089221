import { ParleyError } from '../core/errors.js';
import type { GroupEntry } from './commit-group.js';

/** A line to store without its text (carried apart), as the group's JSON holds it. */
type LineShell = readonly [seq: number, type: string, eventSeq: number | null];

interface EntryShell {
  readonly session: string;
  readonly after: number;
  readonly lines: readonly LineShell[];
  readonly snapshot?: GroupEntry['snapshot'];
}

/**
 * A group as text for the SQLite writer thread: the entries as JSON without their lines'
 * text, then each line's text on a line of its own. A stored line is JSON, which never holds
 * a raw newline, so the lines (most of a group's bytes) cross as they are instead of being
 * escaped into a second JSON text on this side and parsed back on the other.
 */
export function groupText(entries: readonly GroupEntry[]): string {
  const texts: string[] = [];
  const shells = entries.map((e): EntryShell => {
    const lines = e.lines.map((l): LineShell => {
      if (l.text.includes('\n')) throw new ParleyError('PARLEY_E_INTERNAL', `log line ${l.seq} holds a raw newline`);
      texts.push(l.text);
      return [l.seq, l.type, l.event_seq];
    });
    return {
      session: e.session,
      after: e.after,
      lines,
      ...(e.snapshot ? { snapshot: e.snapshot } : {}),
    };
  });
  return texts.length === 0 ? JSON.stringify(shells) : `${JSON.stringify(shells)}\n${texts.join('\n')}`;
}

/** The group `groupText` wrote, as it was. */
export function readGroupText(text: string): GroupEntry[] {
  const parts = text.split('\n');
  const shells = JSON.parse(parts[0]!) as EntryShell[];
  let next = 1;
  const entries = shells.map((s): GroupEntry => ({
    session: s.session,
    after: s.after,
    lines: s.lines.map(([seq, type, eventSeq]) => {
      const text = parts[next++];
      if (text === undefined)
        throw new ParleyError('PARLEY_E_INTERNAL', 'a group reached the writer without all its lines');
      return { seq, type, event_seq: eventSeq, text };
    }),
    ...(s.snapshot ? { snapshot: s.snapshot } : {}),
  }));
  if (next !== parts.length)
    throw new ParleyError('PARLEY_E_INTERNAL', 'a group reached the writer with lines to spare');
  return entries;
}
