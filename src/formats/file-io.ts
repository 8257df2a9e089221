import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { basename, extname, join } from 'node:path';
import { ParleyError } from '../core/errors.js';

export function readText(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (cause) {
    const missing = (cause as NodeJS.ErrnoException).code === 'ENOENT';
    throw new ParleyError(
      missing ? 'PARLEY_E_FILE_NOT_FOUND' : 'PARLEY_E_INPUT',
      `${path}: cannot read the file (${(cause as Error).message})`,
      {
        position: { file: path },
        cause,
      },
    );
  }
}

export const isDirectory = (path: string): boolean => existsSync(path) && statSync(path).isDirectory();

/** Files of a folder in code-point order of their names (as GENIUS folders are read). */
export function filesIn(folder: string): string[] {
  return readdirSync(folder)
    .filter((name) => !name.startsWith('.'))
    .sort((x, y) => (x < y ? -1 : x > y ? 1 : 0))
    .map((name) => join(folder, name))
    .filter((path) => statSync(path).isFile());
}

/** Party name from a profile file: its name without the extension. */
export const stem = (path: string): string => basename(path, extname(path));
