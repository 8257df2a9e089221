import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ownModuleFile, PACKAGE_ROOT, RUNS_FROM_BUILD } from '../../src/core/package-root.js';
import { SCENARIOS_DIR } from '../../src/formats/builtin.js';
import { PARLEY_VERSION } from '../../src/report/json/version.js';
import { ROOT, runBuilt } from './built-command.js';

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sourceFiles(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : [],
  );
}

describe("parley's own files, from the sources and from the build", () => {
  it('finds the package root, the built-in scenarios and the version from the sources', () => {
    expect(PACKAGE_ROOT).toBe(ROOT.replace(/\/$/, ''));
    expect(existsSync(join(SCENARIOS_DIR, 'cairo-2024.yaml'))).toBe(true);
    expect(PARLEY_VERSION).toBe(JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).version);
  });

  it('finds them from the build, whose modules sit at other depths (shared chunks)', () => {
    const r = runBuilt(['list', '--names']);
    expect(r.status).toBe(0);
    expect(r.stdout.split('\n')).toContain('anac/y2011/Energy');
    expect(r.loaded.some((u) => u.includes('/dist/chunks/'))).toBe(true);
  });

  it("finds no file relative to a module's own URL, which in the build is a shared chunk's", () => {
    const relative = /new URL\(\s*['"`]\.{1,2}\/[^)]*import\.meta\.url/;
    const offenders = sourceFiles(join(ROOT, 'src')).filter((f) => relative.test(readFileSync(f, 'utf8')));
    // Use PACKAGE_ROOT (files of the package) or ownModuleFile (a worker's entry) from src/core/package-root.ts.
    expect(offenders.map((f) => f.slice(ROOT.length))).toEqual([]);
  });

  it("names a worker module's file in the sources or in the build", () => {
    expect(RUNS_FROM_BUILD).toBe(false);
    expect(ownModuleFile('cli/main')).toBe(join(PACKAGE_ROOT, 'src', 'cli', 'main.ts'));
    expect(ownModuleFile('cli/main', true)).toBe(join(PACKAGE_ROOT, 'dist', 'cli', 'main.js'));
    expect(existsSync(ownModuleFile('cli/main'))).toBe(true);
    expect(existsSync(ownModuleFile('cli/main', true))).toBe(true);
  });
});
