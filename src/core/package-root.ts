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
