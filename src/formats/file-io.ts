import { existsSync, readFileSync, readdirSync, statSync, type Stats } from 'node:fs';
import { basename, extname, join } from 'node:path';
import { ParleyError } from '../core/errors.js';
import { count, shown } from './text-limits.js';
import { ignoreWarnings, type WarningSink } from './warnings.js';

/** Inputs larger than this are refused before they are read: no negotiation file comes near it. */
export const MAX_INPUT_BYTES = 256 * 1024 * 1024;

function inputError(path: string, message: string, expected?: string, cause?: unknown): ParleyError {
  return new ParleyError('PARLEY_E_INPUT', message, { position: { file: path }, expected, cause });
}

/** What a path is when it is not a regular file: a FIFO would block a read, a device never ends. */
function specialKind(stats: Stats): string | undefined {
  if (stats.isFIFO()) return 'a named pipe (FIFO)';
  if (stats.isCharacterDevice()) return 'a character device';
  if (stats.isBlockDevice()) return 'a block device';
  if (stats.isSocket()) return 'a socket';
  if (stats.isDirectory()) return 'a folder';
  return stats.isFile() ? undefined : 'not a regular file';
}

function statOf(path: string): Stats {
  try {
    return statSync(path);
  } catch (cause) {
    const missing = (cause as NodeJS.ErrnoException).code === 'ENOENT';
    throw new ParleyError(
      missing ? 'PARLEY_E_FILE_NOT_FOUND' : 'PARLEY_E_INPUT',
      missing ? 'no such file' : `cannot read the file (${(cause as Error).message})`,
      { position: { file: path }, cause },
    );
  }
}

/** The bytes of a regular file, refusing devices, pipes, folders and absurd sizes with a clear message. */
export function readBytes(path: string): Buffer {
  const stats = statOf(path);
  const special = specialKind(stats);
  if (special) throw inputError(path, `is ${special}, not a file`, 'a GENIUS, GeniusWeb or parley scenario file');
  if (stats.size > MAX_INPUT_BYTES)
    throw inputError(
      path,
      `is ${count(stats.size)} bytes, more than parley reads (${count(MAX_INPUT_BYTES)})`,
      'a negotiation file of a reasonable size',
    );
  try {
    return readFileSync(path);
  } catch (cause) {
    throw inputError(path, `cannot read the file (${(cause as Error).message})`, undefined, cause);
  }
}

/** The encoding an XML declaration names in the first bytes, if any (`encoding="ISO-8859-1"`). */
function declaredEncoding(bytes: Buffer): string | undefined {
  const head = bytes.subarray(0, 512).toString('latin1');
  const m = /<\?xml[^>]*?encoding\s*=\s*["']([A-Za-z0-9._:-]+)["']/.exec(head);
  return m?.[1]?.toLowerCase();
}

/** UTF-16 without a byte-order mark: `<` followed or preceded by a zero byte. */
function bomlessUtf16(bytes: Buffer): 'utf-16le' | 'utf-16be' | undefined {
  if (bytes.length < 4) return undefined;
  if (bytes[0] === 0x3c && bytes[1] === 0 && bytes[2] !== 0 && bytes[3] === 0) return 'utf-16le';
  if (bytes[0] === 0 && bytes[1] === 0x3c && bytes[2] === 0 && bytes[3] !== 0) return 'utf-16be';
  return undefined;
}

function decoderFor(path: string, label: string): TextDecoder {
  try {
    return new TextDecoder(label);
  } catch {
    throw inputError(
      path,
      `declares the encoding "${shown(label, 40)}", which parley cannot decode`,
      'UTF-8, UTF-16, ISO-8859-1 or another encoding the WHATWG Encoding Standard names',
    );
  }
}

/** The first zero byte in text that should have none (UTF-8 or a one-byte encoding). */
function zeroByte(bytes: Buffer): number {
  return bytes.indexOf(0);
}

/**
 * Decodes a file as it declares: a byte-order mark (UTF-8, UTF-16 LE/BE), UTF-16 without one,
 * or an XML declaration's `encoding`; UTF-8 otherwise. A zero byte in UTF-8 text means the
 * file is binary. Bytes that are not valid UTF-8 are read as U+FFFD, with a warning, as
 * GENIUS's Java reader does.
 */
export function decodeText(path: string, bytes: Buffer, warn: WarningSink = ignoreWarnings): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes);
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes);
  const utf16 = bomlessUtf16(bytes);
  if (utf16) return new TextDecoder(utf16).decode(bytes);
  const declared = declaredEncoding(bytes);
  const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  const zero = zeroByte(bytes);
  if (zero >= 0)
    throw inputError(
      path,
      `is a binary file, not text (a zero byte at offset ${zero})`,
      'a GENIUS XML, GeniusWeb JSON or parley YAML/JSON text file',
    );
  if (!bom && declared && !/^utf-?8$/.test(declared)) return decoderFor(path, declared).decode(bytes);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    const text = new TextDecoder('utf-8').decode(bytes);
    const bad = text.indexOf('\ufffd');
    warn({
      position: { file: path },
      message: `bytes that are not UTF-8 (first at character ${bad + 1}) were read as U+FFFD; declare the file's encoding if it has another`,
    });
    return text;
  }
}

/** Reads a text file: regular files only, decoded as declared (see decodeText). */
export function readText(path: string, warn: WarningSink = ignoreWarnings): string {
  return decodeText(path, readBytes(path), warn);
}

export const isDirectory = (path: string): boolean => existsSync(path) && statSync(path).isDirectory();

/** Entries of a folder in code-point order of their names (as GENIUS folders are read); hidden ones skipped. */
export function entriesIn(folder: string): string[] {
  return readdirSync(folder)
    .filter((name) => !name.startsWith('.'))
    .sort((x, y) => (x < y ? -1 : x > y ? 1 : 0))
    .map((name) => join(folder, name));
}

/** Regular files of a folder in code-point order of their names. */
export function filesIn(folder: string): string[] {
  return entriesIn(folder).filter((path) => statSync(path).isFile());
}

/** Party name from a profile file: its name without the extension. */
export const stem = (path: string): string => basename(path, extname(path));
