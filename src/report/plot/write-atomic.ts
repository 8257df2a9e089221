import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { ParleyError } from '../../core/errors.js';

/**
 * Writes through a temporary file in the same folder and renames it into place, so a
 * reader never sees half a file and a failed write leaves no file behind.
 */
export function writeFileAtomic(file: string, content: string): void {
  const dir = dirname(file);
  const temp = join(dir, `.${basename(file)}.${process.pid}.${Date.now()}.tmp`);
  try {
    mkdirSync(dir, { recursive: true });
    writeFileSync(temp, content);
    renameSync(temp, file);
  } catch (e) {
    removeQuietly(temp);
    throw new ParleyError('PARLEY_E_INPUT', `cannot write ${file}: ${(e as Error).message}`, { cause: e });
  }
}

function removeQuietly(file: string): void {
  try {
    rmSync(file, { force: true });
  } catch {
    // Nothing was written there (e.g. the folder is a file): nothing to clean up.
  }
}
