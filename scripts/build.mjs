/**
 * `npm run build`, and `prepare` (so `npm install` and `npm ci` build): src/ to dist/.
 *
 * - JavaScript: esbuild bundles the entry points below into ES modules, with the code they
 *   share split into dist/chunks/. A dynamic `import()` (each command of the CLI, vega in
 *   report/plot/vega.ts) becomes its own chunk, loaded only when reached, so `parley
 *   --version` reads a few files instead of hundreds.
 * - Types: tsc writes the .d.ts files (tsconfig.build.json) at the sources' paths under dist/.
 *
 * Entry points: src/index.ts (the library), src/cli/main.ts (the command), and every file
 * named `*worker.ts` under src/ (e.g. src/tournament/worker.ts -> dist/tournament/worker.js),
 * for thread pools that load a file by path; find it with `builtModulePath` from
 * src/core/package-root.ts, never with a path relative to `import.meta.url` (inside the
 * bundle that is the chunk's path).
 *
 * Dependencies: the pure-JavaScript ones in INLINE are bundled (fewer files to load at start:
 * zod alone is 95 files, 68 of them locales parley never uses); every other one stays an
 * `import` of node_modules: native modules (better-sqlite3), packages that spawn their own
 * workers or load files by path (piscina, bullmq, tsx), and heavy ones imported only by the
 * commands that need them (vega, fastify, pg, …). zod is bundled together with every package
 * that takes zod schemas (fastify-type-provider-zod), so that they share one copy of zod: a
 * package that reads zod schemas must be in INLINE too, never left as an external import.
 *
 * Browser consoles: vite builds web/ (react + TypeScript) into dist/web, which `parley serve`
 * serves at `/`. When vite is not installed (an install without devDependencies), the
 * consoles are left out and the server says so at `/`.
 *
 * It builds into a fresh folder and renames it over dist/, so a file deleted from src/ leaves
 * nothing behind and a failed build leaves the previous dist/ whole. dist/.build-stamp, written
 * last, marks a complete build (test/package/ensure-built.ts rebuilds when a source is newer).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const INLINE = new Set([
  'zod',
  'fastify-type-provider-zod',
  'commander',
  'yaml',
  'cli-table3',
  'cli-progress',
  'csv-stringify',
]);

const root = dirname(dirname(fileURLToPath(import.meta.url)));
const src = join(root, 'src');
const dist = join(root, 'dist');
const staging = join(root, `.dist-${process.pid}`);

/** Every `*worker.ts` under src/, as a path relative to the root. */
function workerEntries(dir = src) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return workerEntries(path);
    return /worker\.ts$/.test(e.name) ? [relative(root, path)] : [];
  });
}

async function bundle() {
  const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
  const external = Object.keys(manifest.dependencies ?? {}).filter((d) => !INLINE.has(d));
  await build({
    absWorkingDir: root,
    entryPoints: ['src/index.ts', 'src/cli/main.ts', ...workerEntries()],
    outbase: 'src',
    outdir: staging,
    entryNames: '[dir]/[name]',
    chunkNames: 'chunks/[name]-[hash]',
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    // Dependencies and their sub-paths (vega-lite/build/…) stay imports of node_modules.
    external: external.flatMap((d) => [d, `${d}/*`]),
    // Bundled CommonJS dependencies call require() for Node's built-ins.
    banner: {
      js: "import { createRequire as __parleyRequire } from 'node:module';\nconst require = __parleyRequire(import.meta.url);",
    },
    logLevel: 'warning',
  });
}

async function consoles() {
  let vite;
  try {
    vite = await import('vite');
  } catch {
    console.warn('build: vite is not installed; the browser consoles (web/) are not built');
    return;
  }
  await vite.build({
    configFile: join(root, 'web', 'vite.config.ts'),
    build: { outDir: join(staging, 'web'), emptyOutDir: true },
    logLevel: 'warn',
  });
}

function declarations() {
  const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
  execFileSync(process.execPath, [tsc, '-p', join(root, 'tsconfig.build.json'), '--outDir', staging], {
    stdio: 'inherit',
  });
}

try {
  rmSync(staging, { recursive: true, force: true });
  await bundle();
  await consoles();
  declarations();
  writeFileSync(join(staging, '.build-stamp'), `${new Date().toISOString()}\n`);
  const old = join(root, `.dist-old-${process.pid}`);
  if (existsSync(dist)) renameSync(dist, old);
  renameSync(staging, dist);
  rmSync(old, { recursive: true, force: true });
} catch (error) {
  rmSync(staging, { recursive: true, force: true });
  console.error(`build: failed: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`);
  process.exit(1);
}
