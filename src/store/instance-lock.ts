import { openSync, readFileSync, rmSync, writeSync, closeSync } from 'node:fs';
import { ParleyError } from '../core/errors.js';

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * SQLite serves from one process: a lock file beside the database names the serving
 * process. A second `parley serve` on the same file is refused; a lock left by a process
 * that died (a crash, a kill) is taken over.
 */
export function lockSqliteForServing(file: string): () => void {
  const lock = `${file}.serve-lock`;
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(lock, 'wx');
      writeSync(fd, String(process.pid));
      closeSync(fd);
      return () => rmSync(lock, { force: true });
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      const pid = Number(readFileSync(lock, 'utf8').trim());
      if (Number.isInteger(pid) && pid > 0 && pid !== process.pid && alive(pid))
        throw new ParleyError(
          'PARLEY_E_USAGE',
          `${file} is already served by process ${pid}; SQLite serves from one process (use PostgreSQL with --database postgres://… for several instances)`,
        );
      rmSync(lock, { force: true });
    }
  }
  throw new ParleyError('PARLEY_E_INTERNAL', `cannot take the serving lock ${lock}`);
}
