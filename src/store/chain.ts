import { createHash } from 'node:crypto';

/** The hash of a log line chained to the one before it ('' before the first line). */
export function chainHash(previous: string, line: string): string {
  return createHash('sha256').update(previous).update('\n').update(line).digest('hex');
}

/** The first line whose stored hash does not follow from the lines before it, or -1. */
export function brokenLink(lines: readonly { readonly line: string; readonly hash: string }[]): number {
  let previous = '';
  for (let i = 0; i < lines.length; i++) {
    const expected = chainHash(previous, lines[i]!.line);
    if (expected !== lines[i]!.hash) return i;
    previous = expected;
  }
  return -1;
}
