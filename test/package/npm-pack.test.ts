/**
 * The package as a user gets it: `npm pack`, installed into an empty project from the npm
 * cache (`--prefer-offline`), with install scripts off, so the native SQLite driver is not
 * built (better-sqlite3 has no binary): `analyze` and `run` must not need it. Then imported
 * from plain JavaScript, type-checked from TypeScript, and run through its `parley` bin.
 */
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analyze } from '../../src/analysis/index.js';
import { loadInput } from '../../src/formats/input.js';
import { ROOT } from './built-command.js';

const work = mkdtempSync(join(tmpdir(), 'parley-pack-'));
const project = join(work, 'consumer');
let tarball = '';

/** npm's own variables from an enclosing `npm test` would leak that run's settings into the child. */
function npmEnv(): NodeJS.ProcessEnv {
  const keep = new Set(['npm_config_cache', 'npm_config_registry', 'npm_config_userconfig']);
  const env = Object.fromEntries(
    Object.entries(process.env).filter(([k]) => !k.toLowerCase().startsWith('npm_') || keep.has(k.toLowerCase())),
  );
  return { ...env, npm_config_update_notifier: 'false', npm_config_fund: 'false', npm_config_audit: 'false' };
}

function run(command: string, args: string[], cwd: string): SpawnSyncReturns<string> {
  const r = spawnSync(command, args, { cwd, encoding: 'utf8', env: npmEnv() });
  if (r.error) throw r.error;
  return r;
}

function ok(r: SpawnSyncReturns<string>): string {
  expect(r.stderr.replace(/^npm (warn|notice).*\n/gim, '')).toBe('');
  expect(r.status).toBe(0);
  return r.stdout;
}

beforeAll(() => {
  // The build is current (test/package/ensure-built.ts); pack it as it is, without rebuilding.
  const pack = run('npm', ['pack', '--ignore-scripts', '--json', '--pack-destination', work], ROOT);
  expect(pack.status, pack.stderr).toBe(0);
  tarball = join(work, (JSON.parse(pack.stdout) as [{ filename: string }])[0].filename);
  mkdirSync(project);
  writeFileSync(join(project, 'package.json'), JSON.stringify({ name: 'consumer', private: true, type: 'module' }));
  const install = run('npm', ['install', '--prefer-offline', '--ignore-scripts', '--no-save', tarball], project);
  expect(install.status, install.stderr).toBe(0);
}, 180_000);

afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('the packed package, installed into an empty project', () => {
  it('ships the build, the bin and the built-in scenarios, not the TypeScript sources or the tests', () => {
    const listing = run('tar', ['-tzf', tarball], work).stdout.split('\n');
    for (const f of ['dist/index.js', 'dist/index.d.ts', 'dist/cli/main.js', 'bin/parley.js', 'package.json'])
      expect(listing).toContain(`package/${f}`);
    expect(listing.some((f) => f.startsWith('package/scenarios/genius/anac/'))).toBe(true);
    expect(listing.filter((f) => /^package\/(src|test|bench)\//.test(f))).toEqual([]);
    expect(existsSync(join(project, 'node_modules', 'better-sqlite3', 'build'))).toBe(false);
  });

  it('imports from plain JavaScript and analyses as the sources do', () => {
    writeFileSync(
      join(project, 'plain.mjs'),
      [
        "import { analyze, loadInput, PARLEY_VERSION, isParleyError } from 'parley';",
        "const analysis = analyze(loadInput(['anac/2011/Laptop']));",
        'let refused = null;',
        "try { loadInput(['no-such-scenario']); } catch (e) { refused = isParleyError(e) ? e.code : String(e); }",
        'console.log(JSON.stringify({ version: PARLEY_VERSION, frontier: analysis.frontier.length, refused }));',
      ].join('\n'),
    );
    const out = JSON.parse(ok(run(process.execPath, ['plain.mjs'], project)));
    const version = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;
    expect(out).toEqual({
      version,
      frontier: analyze(loadInput(['anac/2011/Laptop'])).frontier.length,
      refused: 'PARLEY_E_FILE_NOT_FOUND',
    });
  });

  it("type-checks the README's library example from TypeScript, and refuses a wrong use of a type", () => {
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    const example = /```ts\n([\s\S]*?)```/.exec(readme.slice(readme.indexOf('\n## Library')))![1]!;
    writeFileSync(join(project, 'example.ts'), example);
    writeFileSync(
      join(project, 'wrong.ts'),
      "import { loadInput, analyze } from 'parley';\nconst points: string = analyze(loadInput(['cairo-2024'])).frontier;\nexport { points };\n",
    );
    const options = { module: 'nodenext', target: 'es2022', strict: true, skipLibCheck: true, noEmit: true };
    const files = ['example.ts', 'wrong.ts'];
    writeFileSync(
      join(project, 'tsconfig.json'),
      JSON.stringify({ compilerOptions: { ...options, types: [] }, files }),
    );
    const tsc = run(process.execPath, [join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', '.'], project);
    // Only the wrong use fails: the example type-checks against the shipped declarations.
    const errors = tsc.stdout.split('\n').filter((l) => /error TS/.test(l));
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/^wrong\.ts\(2,7\): error TS2322: Type '.*' is not assignable to type 'string'/);
  });

  it('runs analyze and run through its bin, with a user agent written in TypeScript, without the SQLite driver', () => {
    const bin = join(project, 'node_modules', '.bin', 'parley');
    const analysis = JSON.parse(ok(run(bin, ['analyze', 'anac/2011/Laptop', '--json'], project)));
    expect(analysis.scenario).toBe('anac/y2011/Laptop');
    cpSync(join(project, 'node_modules', 'parley', 'examples', 'my-agent.ts'), join(project, 'my-agent.ts'));
    const args = ['run', 'anac/2011/Laptop', '--agents', './my-agent.ts,conceder', '--json', '--out', 'out'];
    const result = JSON.parse(ok(run(bin, args, project)));
    expect(result.agents[0].agent).toMatch(/my-agent\.ts$/);
    expect(existsSync(join(project, 'out', 'events.jsonl'))).toBe(true);
  });
});
