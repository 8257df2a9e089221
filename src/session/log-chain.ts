import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import { fileError, ParleyError, type ErrorCode } from '../core/errors.js';

/**
 * The hash chain of an event log (version 2), shared by `parley run`'s JSON-lines files and
 * any store that keeps a session's records one by one.
 *
 * - A record is one JSON object on one line. Its hash is the SHA-256 (hex) of the exact text
 *   of that line as written (UTF-8, without the newline): `lineHash(line)`.
 * - The first record (the header) has no `prev`; every later record carries `"prev"`: the
 *   hash of the line before it. Editing, inserting, removing or moving a line breaks the chain
 *   at the next line, and `checkLink` says so.
 * - The chain's head is the hash of its last line. A finished log ends with a seal,
 *   `{"type":"seal","lines":N,"prev":head}` (N: the lines before the seal, header included),
 *   so a log cut short is told from a finished one.
 * - With a key, the seal also carries `"signature":"hmac-sha256:<hex>"`, an HMAC of
 *   `parley-log-seal\n<N>\n<head>`. Without the key nobody can rewrite the log consistently
 *   (every hash recomputed) and keep a valid signature; with only the chain, a consistent
 *   rewrite is not detectable, and verification says so rather than vouching for the log.
 *
 * A store appends with `chainRecord(record, head)` or `chainText(json, head)` (or
 * `sealRecord` at the end), keeps each line's text and hash, and checks what it reads with
 * `checkLink` per record or `verifyChain` for a whole sequence.
 */

export const HASH_PATTERN = /^[0-9a-f]{64}$/;
const SIGNATURE_PREFIX = 'hmac-sha256:';
const INTEGRITY: ErrorCode = 'PARLEY_E_LOG_INTEGRITY';

/** SHA-256 (hex) of one line's exact text: what the next line's `prev` must be. */
export function lineHash(line: string): string {
  return createHash('sha256').update(line, 'utf8').digest('hex');
}

/** One chained record: its line (the record with `prev` added, as JSON) and that line's hash. */
export interface ChainLink {
  readonly line: string;
  readonly hash: string;
}

/**
 * Chains a record after the line whose hash is `prev` (null for the first record, the
 * header): returns the line to append and its hash, the `prev` of the record after it.
 */
export function chainRecord(record: object, prev: string | null): ChainLink {
  const line = JSON.stringify(prev === null ? record : { ...record, prev });
  return { line, hash: lineHash(line) };
}

/**
 * Chains a record given as its JSON text (an object without a `prev`, as `JSON.stringify`
 * writes it) after the line whose hash is `prev`: the same line and hash as
 * `chainRecord(JSON.parse(text), prev)`, since `prev` goes last either way. A store that
 * already holds the record's text (to send it, or to keep it) chains it without
 * stringifying the record again, and can do so where the head is known (its writer).
 */
export function chainText(text: string, prev: string | null): ChainLink {
  if (prev === null) return { line: text, hash: lineHash(text) };
  if (text.charCodeAt(0) !== 123 || text.charCodeAt(text.length - 1) !== 125)
    throw new ParleyError('PARLEY_E_INTERNAL', 'a chained record must be a JSON object');
  // `prev` is 64 hex digits, so its JSON is itself in quotes.
  const line = text.length === 2 ? `{"prev":"${prev}"}` : `${text.slice(0, -1)},"prev":"${prev}"}`;
  return { line, hash: lineHash(line) };
}

/** The text that a seal's signature authenticates. */
function sealMessage(lines: number, head: string): string {
  return `parley-log-seal\n${lines}\n${head}`;
}

function sign(key: string, lines: number, head: string): string {
  return SIGNATURE_PREFIX + createHmac('sha256', key).update(sealMessage(lines, head), 'utf8').digest('hex');
}

/** The seal that ends a finished log of `lines` lines whose last line hashes to `head`; signed when a key is given. */
export function sealRecord(head: string, lines: number, key?: string): ChainLink {
  const seal: Record<string, unknown> = { type: 'seal', lines };
  if (key !== undefined) seal.signature = sign(key, lines, head);
  return chainRecord(seal, head);
}

/** Why a record does not follow the one before it, or null when it does. */
export function linkProblem(record: Record<string, unknown>, prev: string | null): string | null {
  if (prev === null) return 'prev' in record ? 'the first record must not have a "prev"' : null;
  if (typeof record.prev !== 'string') return 'it has no "prev" (the hash of the line before it)';
  if (record.prev !== prev)
    return 'its "prev" is not the hash of the line before it (one of the two was edited, or lines were inserted, removed or moved between them)';
  return null;
}

/** Checks that one parsed line follows the line whose hash is `prev`; returns the line's own hash. */
export function checkLink(
  line: string,
  record: Record<string, unknown>,
  prev: string | null,
  where: { file: string; line: number },
): string {
  const problem = linkProblem(record, prev);
  if (problem)
    throw fileError(INTEGRITY, `the hash chain breaks at line ${where.line}: ${problem}`, { ...where, column: 1 });
  return lineHash(line);
}

/** What a log's chain, seal and signature establish. */
export interface LogIntegrity {
  /** `intact`: every line follows the one before; `none`: a log written before the chain (version 1). */
  readonly chain: 'intact' | 'none';
  readonly sealed: boolean;
  /** `verified` with the key; `unchecked`: signed, no key given; `absent`: not signed. */
  readonly signature: 'verified' | 'unchecked' | 'absent';
  /** Lines of the log, header included, seal excluded. */
  readonly lines: number;
  /** Hash of the last line before the seal; null for an unchained log. */
  readonly head: string | null;
  /** What the user should know the checks could not establish (an old log, a signature left unchecked). */
  readonly warnings: readonly string[];
}

export interface VerifyChainOptions {
  readonly file?: string;
  /** The HMAC key the log was signed with; with it, a log that is unsigned or signed otherwise is refused. */
  readonly key?: string;
  /** Accept a chain without its seal (a session still running); by default a missing seal is refused. */
  readonly allowUnsealed?: boolean;
}

/**
 * Verifies a chained log given as its lines' texts and the records parsed from them (the
 * same length; empty lines already dropped, `numbers` giving each line's number in the file).
 * Throws PARLEY_E_LOG_INTEGRITY naming the line where the chain breaks, a seal that does not
 * close the log, or a signature the key does not confirm.
 */
export function verifyChain(
  lines: readonly string[],
  records: readonly Record<string, unknown>[],
  options: VerifyChainOptions & { numbers?: readonly number[] } = {},
): LogIntegrity {
  const file = options.file ?? '<event log>';
  const numberOf = (i: number) => options.numbers?.[i] ?? i + 1;
  let head: string | null = null;
  for (let i = 0; i < lines.length; i++) {
    head = checkLink(lines[i]!, records[i]!, head, { file, line: numberOf(i) });
    if (records[i]!.type === 'seal') {
      if (i !== lines.length - 1)
        throw fileError(INTEGRITY, `line ${numberOf(i + 1)} follows the seal, which must end the log`, {
          file,
          line: numberOf(i + 1),
          column: 1,
        });
      return checkSeal(records[i]!, i, records[i]!.prev as string, { ...options, file, line: numberOf(i) });
    }
  }
  if (!options.allowUnsealed)
    throw fileError(
      INTEGRITY,
      `the log is not sealed: it ends at line ${numberOf(lines.length - 1)} without the seal a finished run writes, so lines may have been cut from its end`,
      { file, line: numberOf(lines.length - 1), column: 1 },
      '{"type":"seal","lines":…,"prev":…} as the last line',
    );
  return { chain: 'intact', sealed: false, signature: 'absent', lines: lines.length, head, warnings: ['not sealed'] };
}

function checkSeal(
  seal: Record<string, unknown>,
  count: number,
  head: string,
  options: VerifyChainOptions & { file: string; line: number },
): LogIntegrity {
  const at = { file: options.file, line: options.line, column: 1 };
  if (seal.lines !== count)
    throw fileError(INTEGRITY, `the seal counts ${String(seal.lines)} lines but ${count} precede it`, at);
  const signature = typeof seal.signature === 'string' ? seal.signature : undefined;
  const base = { chain: 'intact' as const, sealed: true, lines: count, head };
  if (options.key === undefined)
    return signature === undefined
      ? // Unsigned is how most logs are written: said in the result (`signature`), not warned about.
        { ...base, signature: 'absent', warnings: [] }
      : {
          ...base,
          signature: 'unchecked',
          warnings: [
            'the log is signed, but no key was given (--key or PARLEY_LOG_KEY): a rewrite that recomputed every hash is not ruled out',
          ],
        };
  if (signature === undefined)
    throw fileError(INTEGRITY, 'the log is not signed, so the key cannot confirm it', at, 'a seal with a "signature"');
  if (!sameText(signature, sign(options.key, count, head)))
    throw fileError(
      INTEGRITY,
      "the seal's signature does not match the key: the log was rewritten after it was signed, or signed with another key",
      at,
    );
  return { ...base, signature: 'verified', warnings: [] };
}

function sameText(a: string, b: string): boolean {
  const x = Buffer.from(a, 'utf8');
  const y = Buffer.from(b, 'utf8');
  return x.length === y.length && timingSafeEqual(x, y);
}
