import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parley, tempDir } from './run.js';

describe('parley eval', () => {
  it("gives each party's utility of the max-welfare outcome as analyze reports it", async () => {
    const analysis = JSON.parse((await parley(['analyze', 'anac/2011/Energy', '--json'])).stdout);
    const r = await parley([
      'eval',
      'anac/2011/Energy',
      '--outcome',
      JSON.stringify(analysis.maxWelfare.outcome),
      '--json',
    ]);
    expect(r.code).toBe(0);
    const e = JSON.parse(r.stdout);
    e.parties.forEach((p: { utility: number }, i: number) =>
      expect(p.utility).toBeCloseTo(analysis.maxWelfare.utilities[i], 9),
    );
    expect(e.inZone).toBe(true);
    expect(e.crossesRedLine).toBe(false);
  });

  it('says which red lines an outcome crosses and that it is outside the zone', async () => {
    const analysis = JSON.parse((await parley(['analyze', 'cairo-2024', '--json'])).stdout);
    const r = await parley(['eval', 'cairo-2024', '--outcome', JSON.stringify(analysis.maxWelfare.outcome)]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Red lines crossed:');
    expect(r.stdout).toContain('In the zone of possible agreement: no');
  });

  it('exits 1 naming the issue and the value of a bad outcome', async () => {
    const r = await parley(['eval', 'cairo-2024', '--outcome', '{"withdrawal": "some"}']);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('"some" is not a value of issue "withdrawal"');
    expect(r.stderr).toContain('[PARLEY_E_OUTCOME]');
  });

  it('reads the outcome from a file given as @file', async () => {
    const analysis = JSON.parse((await parley(['analyze', 'anac/2011/Energy', '--json'])).stdout);
    const file = join(tempDir(), 'outcome.json');
    writeFileSync(file, JSON.stringify(analysis.nash.outcome));
    const e = JSON.parse((await parley(['eval', 'anac/2011/Energy', '--outcome', `@${file}`, '--json'])).stdout);
    expect(e.parties[0].utility).toBeCloseTo(analysis.nash.utilities[0], 9);
    const missing = await parley(['eval', 'anac/2011/Energy', '--outcome', '@/no/such/outcome.json']);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('cannot read the outcome file /no/such/outcome.json');
  });

  it('exits 2 without --outcome', async () => {
    expect((await parley(['eval', 'cairo-2024'])).code).toBe(2);
  });
});

describe('parley validate', () => {
  it('prints a summary of a good scenario', async () => {
    const r = await parley(['validate', 'cairo-2024']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Israel');
    expect(r.stdout).toContain('Hamas');
  });

  it('exits 1 with file:line:column for a bad scenario', async () => {
    const dir = tempDir();
    const bad = join(dir, 'bad.yaml');
    writeFileSync(
      bad,
      'parley: 1\nname: x\nissues:\n  - name: a\n    values: [x, y]\nparties:\n  - name: P\n    reservation: lots\n',
    );
    const r = await parley(['validate', bad]);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(new RegExp(`^parley: ${bad.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:\\d+:\\d+: `));
  });
});

describe('parley convert', () => {
  it('writes a scenario that reads back with the same analysis', async () => {
    const dir = tempDir();
    const out = join(dir, 'energy.yaml');
    const r = await parley(['convert', 'anac/2011/Energy', out]);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(`Wrote ${out} (yaml)\n`);
    const before = JSON.parse((await parley(['analyze', 'anac/2011/Energy', '--json'])).stdout);
    const after = JSON.parse((await parley(['analyze', out, '--json'])).stdout);
    expect(after.frontier.map((p: { utilities: number[] }) => p.utilities)).toEqual(
      before.frontier.map((p: { utilities: number[] }) => p.utilities),
    );
  });

  it('exits 1 and leaves nothing behind when the target format cannot hold the scenario', async () => {
    const dir = tempDir();
    const r = await parley(['convert', 'cairo-2024', join(dir, 'cairo'), '--format', 'genius']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('[PARLEY_E_UNREPRESENTABLE]');
    expect(readdirSync(dir)).toEqual([]);
  });

  it('exits 2 without an output or with an unknown format', async () => {
    expect((await parley(['convert', 'cairo-2024'])).code).toBe(2);
    expect((await parley(['convert', 'cairo-2024', 'x.yaml', '--format', 'docx'])).code).toBe(2);
  });
});

describe('parley list and demo', () => {
  it('lists the built-in scenarios with their origin', async () => {
    const r = await parley(['list']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('cairo-2024');
    expect(r.stdout).toMatch(/ANAC 2011 \(GENIUS XML\)[^\n]*\n[\s\S]*anac\/y2011\/Energy/);
    expect(r.stdout).toContain('geniusweb/Party');
    const names = (await parley(['list', '--names'])).stdout.trim().split('\n');
    expect(names).toContain('anac/y2011/Energy');
  });

  it('demo analyses cairo-2024 and draws its frontier under out/', async () => {
    const cwd = tempDir();
    const r = await parley(['demo'], { cwd });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('The zone is EMPTY');
    expect(r.stdout).toContain(`Frontier plot written to ${join('out', 'cairo-2024', 'frontier.svg')}`);
    expect(readFileSync(join(cwd, 'out', 'cairo-2024', 'frontier.svg'), 'utf8')).toContain('Utility of Israel');
    expect(existsSync(join(cwd, 'out', 'cairo-2024'))).toBe(true);
    // Act two: a hypothetical that says so, names the relaxed lines of both sides, and ends in a ratified text.
    const act2 = r.stdout.slice(r.stdout.indexOf('=== 3. Act two'));
    expect(act2).toContain('This act is a HYPOTHETICAL, not a record of the talks.');
    expect(act2).toMatch(/ {2}- Israel: [\w-]+/);
    expect(act2).toMatch(/ {2}- Hamas: [\w-]+/);
    expect(readFileSync(join(cwd, 'out', 'cairo-2024', 'act-two', 'agreement.md'), 'utf8')).toMatch(
      /^# (Agreement|No agreement): /,
    );
  });

  it('prints help with the exit codes, and the version', async () => {
    const help = await parley(['--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('Exit codes:');
    const version = await parley(['--version']);
    expect(version.stdout.trim()).toBe(JSON.parse(readFileSync('package.json', 'utf8')).version);
  });
});
