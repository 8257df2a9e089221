import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build, type Plugin } from 'esbuild';

/** Each source keeps its own `import.meta.url`, so files it reads beside it are found as without a bundle. */
const ownUrls: Plugin = {
  name: 'own-import-meta-url',
  setup(b) {
    b.onLoad({ filter: /[\\/]src[\\/].*\.ts$/ }, (args) => ({
      contents: readFileSync(args.path, 'utf8').replaceAll(
        'import.meta.url',
        JSON.stringify(pathToFileURL(args.path).href),
      ),
      loader: 'ts',
    }));
  },
};

/**
 * Packages left out of the bundle: native drivers, optional native helpers, and the
 * swagger UI, which serves files it finds beside its own module.
 */
const UNBUNDLED = ['better-sqlite3', 'pg', 'pg-native', 'bufferutil', 'utf-8-validate', '@fastify/swagger-ui'];

/**
 * `parley serve` as its own process, bundled once with esbuild, packages included, so that
 * it restarts in about half a second on a loaded machine (tsx would compile the sources
 * again at every start; resolving and reading each package's modules alone took about as
 * long as everything else). The bundle sits in .parley-tmp/ at the repository root, so the
 * packages left out resolve as usual.
 */
export async function bundleServe(): Promise<string> {
  const root = process.cwd();
  mkdirSync(join(root, '.parley-tmp'), { recursive: true });
  const dir = mkdtempSync(join(root, '.parley-tmp', 'serve-'));
  const entry = join(dir, 'parley.ts');
  const src = (path: string) => JSON.stringify(join(root, 'src', 'cli', path));
  // Only the serve command, as `parley serve` runs it; the other commands' modules stay out.
  writeFileSync(
    entry,
    [
      "import { Command } from 'commander';",
      `import { serveCommand } from ${src('commands/serve.ts')};`,
      `import { processIo } from ${src('io.ts')};`,
      "const program = new Command('parley');",
      'serveCommand.register(program, processIo());',
      "await program.parseAsync(process.argv.slice(2), { from: 'user' });",
    ].join('\n'),
  );
  await build({
    entryPoints: [entry],
    // Chunks per dynamic import, so that what a command loads lazily stays lazy.
    splitting: true,
    outdir: dir,
    outExtension: { '.js': '.mjs' },
    bundle: true,
    platform: 'node',
    format: 'esm',
    external: UNBUNDLED,
    // Bundled CommonJS packages require Node's own modules; an ES module has no `require` of its own.
    banner: {
      js: "import { createRequire as parleyRequire } from 'node:module'; const require = parleyRequire(import.meta.url);",
    },
    plugins: [ownUrls],
    logLevel: 'warning',
  });
  return join(dir, 'parley.mjs');
}

export class ServerProcess {
  private child: ChildProcess | null = null;
  output = '';

  constructor(
    private readonly bundle: string,
    private readonly args: readonly string[],
    private readonly cwd: string,
  ) {}

  /** Starts the server and resolves with what it printed once it listens. */
  start(): Promise<string> {
    const env = { ...process.env };
    delete env.NODE_OPTIONS;
    const child = spawn(process.execPath, [this.bundle, 'serve', ...this.args], { cwd: this.cwd, env });
    this.child = child;
    let out = '';
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`server did not start: ${out}`)), 30_000);
      const onData = (d: Buffer) => {
        out += String(d);
        this.output += String(d);
        if (/listening on/.test(out) && out.endsWith('\n')) {
          clearTimeout(timer);
          // The admin token line follows the listening line on a first start.
          setTimeout(() => resolve(out), 50);
        }
      };
      child.stdout!.on('data', onData);
      child.stderr!.on('data', onData);
      child.on('exit', (code) => {
        clearTimeout(timer);
        if (!/listening on/.test(out)) reject(new Error(`server exited with ${code}: ${out}`));
      });
    });
  }

  /** SIGKILL: no shutdown code runs, as in a crash or a power cut of the process. */
  async kill(signal: NodeJS.Signals = 'SIGKILL'): Promise<void> {
    const child = this.child;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((r) => child.once('exit', r));
    child.kill(signal);
    await exited;
  }
}
