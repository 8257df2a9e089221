import { chainText, lineHash } from '../session/log-chain.js';
import type { Database } from './schema.js';

/** A line to store, not yet chained: its record's JSON text (see `NewLine`). */
export interface UnchainedRow {
  readonly seq: number;
  readonly type: string;
  readonly event_seq: number | null;
  readonly text: string;
}

/**
 * The log's hash chain, as `src/session/log-chain.ts` defines it: each stored line is its
 * record with `prev` (the hash of the line before; none on the header), and its hash is the
 * SHA-256 of the line's text. `previous` is the hash of the line the rows follow (null
 * before the header). The writer chains in the transaction that checks the head, on the
 * hash it reads there, so the chain follows what is stored, whoever wrote it.
 */
export function chainRows(session: string, rows: readonly UnchainedRow[], previous: string | null): Database['log'][] {
  let hash = previous;
  return rows.map((r) => {
    const link = chainText(r.text, hash);
    hash = link.hash;
    return { session, seq: r.seq, type: r.type, event_seq: r.event_seq, line: link.line, hash: link.hash };
  });
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
