import { chainRecord, lineHash } from '../session/log-chain.js';

/**
 * The log's hash chain, as `src/session/log-chain.ts` defines it: each stored line is its
 * record with `prev` (the hash of the line before; none on the header), and its hash is the
 * SHA-256 of the line's text.
 */
export function chainLine(record: object, previous: string | null): { line: string; hash: string } {
  return chainRecord(record, previous);
}

/** The first stored line whose hash or `prev` does not follow from the lines before it, or -1. */
export function brokenLink(lines: readonly { readonly line: string; readonly hash: string }[]): number {
  let previous: string | null = null;
  for (let i = 0; i < lines.length; i++) {
    const { line, hash } = lines[i]!;
    const prev = (JSON.parse(line) as { prev?: string }).prev ?? null;
    if (prev !== previous || hash !== lineHash(line)) return i;
    previous = hash;
  }
  return -1;
}
