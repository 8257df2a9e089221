import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * parley's own folder: the nearest folder above this module whose package.json is parley's.
 * Walking up, rather than a fixed `../..`, finds it the same from the TypeScript sources
 * (src/core/) and from the build (dist/core/), whatever the build's depth.
 */
function findPackageRoot(start: string): string {
  for (let dir = start; ; dir = dirname(dir)) {
    const manifest = join(dir, 'package.json');
    if (existsSync(manifest) && (JSON.parse(readFileSync(manifest, 'utf8')) as { name?: unknown }).name === 'parley')
      return dir;
    if (dirname(dir) === dir) throw new Error(`parley's package.json was not found above ${start}`);
  }
}

export const PACKAGE_ROOT: string = findPackageRoot(dirname(fileURLToPath(import.meta.url)));

/** parley's package.json, read once. */
export const PACKAGE_JSON: { readonly name: string; readonly version: string } = JSON.parse(
  readFileSync(join(PACKAGE_ROOT, 'package.json'), 'utf8'),
) as { name: string; version: string };

/** Whether parley runs from its build (dist/, bundled JavaScript) rather than its TypeScript sources. */
export const RUNS_FROM_BUILD: boolean = !/\.ts$/.test(fileURLToPath(import.meta.url));

/**
 * The file of one of parley's own modules that something loads by path, such as a thread
 * pool's worker: `ownModuleFile('tournament/worker')` is dist/tournament/worker.js when parley
 * runs from its build (scripts/build.mjs makes every `src/**\/*worker.ts` an entry at that
 * path) and src/tournament/worker.ts when it runs from its sources (tsx, vitest). A path
 * relative to `import.meta.url` would not do: in the build, that is the path of a shared chunk.
 */
export function ownModuleFile(path: string, fromBuild = RUNS_FROM_BUILD): string {
  return fromBuild ? join(PACKAGE_ROOT, 'dist', `${path}.js`) : join(PACKAGE_ROOT, 'src', `${path}.ts`);
}
