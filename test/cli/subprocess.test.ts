import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ANALYSIS_SCHEMA_FILE } from '../../src/report/json/write-schema.js';
import { loadedPackage, ROOT, runBuilt } from '../package/built-command.js';

const HEAVY = ['vega', 'vega-lite', 'fastify', 'kysely', 'better-sqlite3', 'pg', 'piscina', 'bullmq', 'ioredis', 'tsx'];
const fromSources = (r: { loaded: readonly string[] }) =>
  r.loaded.filter((u) => u.includes('/src/') || u.endsWith('.ts'));

const scratch = mkdtempSync(join(tmpdir(), 'parley-built-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('the installed command (bin/parley.js on the build in dist/, in a child process)', () => {
  it('prints analysis JSON that validates against the published schema, and exits 0', () => {
    const r = runBuilt(['analyze', 'anac/2011/Energy', '--json']);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const schema = z.fromJSONSchema(JSON.parse(readFileSync(ANALYSIS_SCHEMA_FILE, 'utf8')));
    expect(schema.safeParse(JSON.parse(r.stdout)).error).toBeUndefined();
  });

  it('exits 1 on a missing file and 2 on an unknown option', () => {
    const missing = runBuilt(['analyze', 'no/such/file.yaml']);
    expect(missing.status).toBe(1);
    expect(missing.stderr).toContain('[PARLEY_E_FILE_NOT_FOUND]');
    expect(runBuilt(['analyze', 'cairo-2024', '--frobnicate']).status).toBe(2);
  });

  it('runs the JavaScript build, not the TypeScript sources', () => {
    const r = runBuilt(['--version']);
    expect(r.stdout).toBe(`${JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).version}\n`);
    expect(r.stderr).toBe('');
    expect(r.loaded).toContain(new URL('dist/cli/main.js', `file://${ROOT}`).href);
    expect(fromSources(r)).toEqual([]);
  });

  it('loads no command and no heavy dependency for --version and --help', () => {
    for (const args of [['--version'], ['--help']]) {
      const r = runBuilt(args);
      expect(r.status).toBe(0);
      for (const name of HEAVY) expect(loadedPackage(r, name), `${args} loads ${name}`).toBe(false);
      expect(r.loaded.filter((u) => /\/dist\/chunks\/(analyze|run|replay|demo)-/.test(u))).toEqual([]);
      // The bundled dependencies (zod, yaml, …) sit in chunks that only commands import.
      const bytes = (urls: readonly string[]) => urls.reduce((n, u) => n + statSync(fileURLToPath(u)).size, 0);
      const read = bytes([...new Set(r.loaded.filter((u) => u.startsWith('file:') && u.includes('/dist/')))]);
      expect(read, `${args} reads ${read} bytes of the build`).toBeLessThan(250_000);
    }
  });

  it('loads vega only when a plot is drawn, and tsx only for an agent written in TypeScript', () => {
    const json = runBuilt(['analyze', 'anac/2011/Laptop', '--json']);
    expect(json.status).toBe(0);
    for (const name of HEAVY) expect(loadedPackage(json, name), name).toBe(false);
    const plot = runBuilt(['analyze', 'anac/2011/Laptop', '--plot', join(scratch, 'plot.svg')]);
    expect(plot.status).toBe(0);
    expect(loadedPackage(plot, 'vega')).toBe(true);
    const quiet = ['--quiet', '--json', '--out', join(scratch, 'run')];
    const builtIn = runBuilt(['run', 'anac/2011/Laptop', '--agents', 'boulware,conceder', ...quiet]);
    expect(builtIn.status).toBe(0);
    expect(loadedPackage(builtIn, 'tsx')).toBe(false);
    const own = runBuilt(['run', 'anac/2011/Laptop', '--agents', './examples/my-agent.ts,conceder', ...quiet]);
    expect(own.stderr).toBe('');
    expect(own.status).toBe(0);
    expect(loadedPackage(own, 'tsx')).toBe(true);
    expect(JSON.parse(own.stdout).agents[0].agent).toMatch(/examples\/my-agent\.ts$/);
  });
});
