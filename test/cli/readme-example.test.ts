import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { tempDir } from './run.js';

const root = fileURLToPath(new URL('../../', import.meta.url));

/** The first ```ts block under the README's "## Library" heading. */
function libraryExample(): string {
  const readme = readFileSync(join(root, 'README.md'), 'utf8');
  const section = readme.slice(readme.indexOf('\n## Library'));
  const match = /```ts\n([\s\S]*?)```/.exec(section);
  if (!match) throw new Error('README.md has no ```ts block under "## Library"');
  return match[1]!;
}

describe('the README library example', () => {
  it('runs as written and does what it says', () => {
    // Inside the package (in the git-ignored .parley-tmp/) so that `from 'parley'` resolves to this package.
    const dir = join(root, '.parley-tmp');
    mkdirSync(dir, { recursive: true });
    const file = join(dir, `readme-example-${process.pid}.ts`);
    writeFileSync(file, libraryExample());
    const cwd = tempDir();
    try {
      const r = spawnSync(join(root, 'node_modules', '.bin', 'tsx'), [file], { cwd, encoding: 'utf8' });
      expect(r.stderr.replace(/^npm warn.*\n/gm, '')).toBe('');
      expect(r.status).toBe(0);
      expect(r.stdout).toMatch(/^\d+ frontier points \(exact: true\)\n/);
      expect(r.stdout).toContain('Nash: [');
      expect(r.stdout).toMatch(/energy_consumer: \d\.\d{3}, acceptable: true/);
      expect(r.stdout).toContain('390625 outcomes; plot in out/energy/frontier.svg');
      expect(readFileSync(join(cwd, 'out', 'energy', 'frontier.svg'), 'utf8')).toContain('Utility of energy_consumer');
    } finally {
      rmSync(file, { force: true });
    }
    expect(existsSync(file)).toBe(false);
  });

  it('runs the simulation example as written: Boulware against conceder on Laptop agrees', () => {
    const readme = readFileSync(join(root, 'README.md'), 'utf8');
    const section = readme.slice(readme.indexOf('\n## Library'));
    const block = [...section.matchAll(/```ts\n([\s\S]*?)```/g)]
      .map((m) => m[1]!)
      .find((code) => code.includes('runSession'));
    expect(block).toBeDefined();
    const dir = join(root, '.parley-tmp');
    mkdirSync(dir, { recursive: true });
    const file = join(dir, `readme-simulation-${process.pid}.ts`);
    writeFileSync(file, block!);
    try {
      const r = spawnSync(join(root, 'node_modules', '.bin', 'tsx'), [file], { cwd: tempDir(), encoding: 'utf8' });
      expect(r.stderr.replace(/^npm warn.*\n/gm, '')).toBe('');
      expect(r.status).toBe(0);
      expect(r.stdout).toMatch(
        /^true \{ Laptop: '[^']+', Harddisk: '[^']+', 'External Monitor': "[^"]+" \} \[ [\d.]+, [\d.]+ \] \d+\n$/,
      );
    } finally {
      rmSync(file, { force: true });
    }
  });
});
