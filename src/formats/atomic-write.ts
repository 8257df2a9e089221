import { existsSync, mkdirSync, readdirSync, renameSync, rmdirSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { ParleyError } from '../core/errors.js';

const tempSuffix = (): string => `.parley-tmp-${process.pid}-${Math.random().toString(36).slice(2, 10)}`;

function writeError(path: string, cause: unknown): ParleyError {
  return new ParleyError('PARLEY_E_INPUT', `cannot write (${(cause as Error).message})`, {
    position: { file: path },
    cause,
  });
}

/**
 * Writes one file by writing a temporary sibling and renaming it over the target, creating
 * its folder if needed: a reader never sees half a file, and a failed write leaves none.
 */
export function writeFileAtomic(path: string, text: string): void {
  const temp = join(dirname(path), `.${basename(path)}${tempSuffix()}`);
  try {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(temp, text, 'utf8');
    renameSync(temp, path);
  } catch (cause) {
    removeQuietly(temp);
    throw writeError(path, cause);
  }
}

function removeQuietly(path: string): void {
  try {
    rmSync(path, { recursive: true, force: true });
  } catch {
    // Nothing could be written there (e.g. the folder is a file): nothing to clean up.
  }
}

/**
 * Writes a new folder of files: all are staged in a temporary sibling folder, which is
 * renamed into place only when every file is written, so a failure leaves nothing partial.
 * The target must not exist or be empty.
 */
export function writeFolderAtomic(folder: string, files: readonly { name: string; text: string }[]): void {
  if (existingEntries(folder).length > 0) {
    throw new ParleyError('PARLEY_E_USAGE', `${folder} already holds files`, {
      position: { file: folder },
      expected: 'a new or empty output folder',
    });
  }
  const stage = join(dirname(folder), `.${basename(folder)}${tempSuffix()}`);
  try {
    mkdirSync(stage, { recursive: true });
    for (const f of files) writeFileSync(join(stage, f.name), f.text, 'utf8');
    if (existsSync(folder)) rmdirSync(folder);
    renameSync(stage, folder);
  } catch (cause) {
    removeQuietly(stage);
    throw writeError(folder, cause);
  }
}

/** Entries of a folder (none when it does not exist). */
export function existingEntries(folder: string): string[] {
  return existsSync(folder) ? readdirSync(folder) : [];
}
