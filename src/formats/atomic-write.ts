import { existsSync, mkdirSync, readdirSync, renameSync, rmdirSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { ParleyError } from '../core/errors.js';

const tempSuffix = (): string => `.parley-tmp-${process.pid}-${Math.random().toString(36).slice(2, 10)}`;

function writeError(path: string, cause: unknown): ParleyError {
  return new ParleyError('PARLEY_E_INPUT', `${path}: cannot write (${(cause as Error).message})`, { position: { file: path }, cause });
}

/** Writes one file by writing a temporary sibling and renaming it over the target. */
export function writeFileAtomic(path: string, text: string): void {
  const temp = join(dirname(path), `.${basename(path)}${tempSuffix()}`);
  try {
    writeFileSync(temp, text, 'utf8');
    renameSync(temp, path);
  } catch (cause) {
    rmSync(temp, { force: true });
    throw writeError(path, cause);
  }
}

/**
 * Writes a new folder of files: all are staged in a temporary sibling folder, which is
 * renamed into place only when every file is written, so a failure leaves nothing partial.
 * The target must not exist or be empty.
 */
export function writeFolderAtomic(folder: string, files: readonly { name: string; text: string }[]): void {
  if (existingEntries(folder).length > 0) {
    throw new ParleyError('PARLEY_E_USAGE', `${folder} already holds files`, { position: { file: folder }, expected: 'a new or empty output folder' });
  }
  const stage = join(dirname(folder), `.${basename(folder)}${tempSuffix()}`);
  try {
    mkdirSync(stage, { recursive: true });
    for (const f of files) writeFileSync(join(stage, f.name), f.text, 'utf8');
    if (existsSync(folder)) rmdirSync(folder);
    renameSync(stage, folder);
  } catch (cause) {
    rmSync(stage, { recursive: true, force: true });
    throw writeError(folder, cause);
  }
}

/** Entries of a folder (none when it does not exist). */
export function existingEntries(folder: string): string[] {
  return existsSync(folder) ? readdirSync(folder) : [];
}
