/**
 * vitest global set-up: makes sure dist/ is built from the current sources before any test
 * runs, since the CLI subprocess tests run the built `parley` and the README's library
 * example imports the package. It builds only when a file under src/ (or the build
 * configuration) is newer than dist/.build-stamp, so a run after an unchanged build costs a
 * directory walk.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../', import.meta.url));
const stamp = join(root, 'dist', '.build-stamp');

/** The newest modification time under `path`; folders count too, so a deleted file counts. */
function newest(path: string): number {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return readdirSync(path).reduce((m, name) => Math.max(m, newest(join(path, name))), stat.mtimeMs);
}

export function buildIsCurrent(): boolean {
  if (!existsSync(stamp)) return false;
  const sources = ['src', 'web', 'package.json', 'tsconfig.json', 'tsconfig.build.json', 'scripts/build.mjs'];
  return sources.every((s) => newest(join(root, s)) <= statSync(stamp).mtimeMs);
}

export default function ensureBuilt(): void {
  if (buildIsCurrent()) return;
  execFileSync(process.execPath, [join(root, 'scripts', 'build.mjs')], { cwd: root, stdio: 'inherit' });
}
