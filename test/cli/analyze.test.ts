import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ANALYSIS_SCHEMA_FILE } from '../../src/report/json/write-schema.js';
import { parley, tempDir } from './run.js';

const schema = z.fromJSONSchema(JSON.parse(readFileSync(ANALYSIS_SCHEMA_FILE, 'utf8')));

describe('parley analyze', () => {
  it('prints exactly one JSON object that follows the contract for a real ANAC domain', async () => {
    const r = await parley(['analyze', 'anac/2011/Energy', '--json']);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    const json = JSON.parse(r.stdout);
    expect(schema.safeParse(json).error).toBeUndefined();
    expect(json.parties).toEqual(['energy_consumer', 'energy_distributor']);
    expect(json.outcomes).toBe(String(5 ** 8));
    expect(json.exact).toBe(true);
    expect(json.frontier.length).toBeGreaterThan(1);
    for (const key of ['nash', 'kalaiSmorodinsky', 'maxWelfare'])
      expect(Object.keys(json[key].outcome)).toHaveLength(8);
    expect(json.stickingPoints.map((s: { issue: string }) => s.issue).sort()).toEqual(
      Object.keys(json.maxWelfare.outcome).sort(),
    );
  });

  it('reports the empty zone, the blocking issues and the assumed numbers of cairo-2024', async () => {
    const text = await parley(['analyze', 'cairo-2024']);
    const json = JSON.parse((await parley(['analyze', 'cairo-2024', '--json'])).stdout);
    expect(text.code).toBe(0);
    expect(json.zopa.size).toBe('0');
    expect(text.stdout).toContain('The zone is EMPTY');
    const blocking = json.stickingPoints
      .filter((s: { blocking: boolean }) => s.blocking)
      .map((s: { issue: string }) => s.issue);
    expect(blocking.length).toBeGreaterThan(0);
    for (const issue of blocking) expect(text.stdout).toMatch(new RegExp(`│ ${issue}\\s+│[^\\n]*│ yes`));
    expect(text.stdout).toContain('What blocks agreement');
    expect(text.stdout).toContain('│ Israel* │');
    expect(text.stdout).toMatch(/Reservation[\s\S]*0\.300\*/);
    expect(text.stdout).toContain('Assumed numbers');
    expect(json.assumed.length).toBeGreaterThan(0);
    for (const note of json.assumed.slice(0, 3)) expect(text.stdout).toContain(note.path);
  });

  it('draws the frontier to an SVG with the party names, next to the report', async () => {
    const dir = tempDir();
    const file = join(dir, 'plots', 'frontier.svg');
    const r = await parley(['analyze', 'examples/three-towns', '--plot', file]);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain(`wrote the frontier plot to ${file}`);
    const svg = readFileSync(file, 'utf8');
    expect(svg).toMatch(/^<svg[\s\S]*<\/svg>\s*$/);
    for (const party of ['North', 'East', 'South']) expect(svg).toContain(`Utility of ${party}`);
  });

  it('says the frontier is approximate when the time limit cuts the search short', async () => {
    const json = JSON.parse(
      (await parley(['analyze', 'anac/2014/50issues', '--time-limit', '0.001', '--json'])).stdout,
    );
    expect(json.exact).toBe(false);
    expect(schema.safeParse(json).error).toBeUndefined();
    const text = await parley(['analyze', 'anac/2014/50issues', '--time-limit', '0.001']);
    expect(text.stdout).toContain('(approximate: the time limit was reached before the search finished)');
  });

  it('exits 1 naming file, line and column for a broken scenario, and writes no plot', async () => {
    const dir = tempDir();
    const bad = join(dir, 'bad.yaml');
    writeFileSync(bad, 'parley: 1\nname: bad\nissues:\n  - name: a\n    values: [x, y\n');
    const plot = join(dir, 'frontier.svg');
    const r = await parley(['analyze', bad, '--plot', plot]);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(
      new RegExp(`^parley: ${bad.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:\\d+:\\d+: .*\\[PARLEY_E_PARSE\\]\\n$`),
    );
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(existsSync(plot)).toBe(false);
  });

  it('exits 1 for a name that is neither a file nor a built-in, suggesting close names', async () => {
    const r = await parley(['analyze', 'anac/2011/Energie']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('anac/y2011/Energy');
    expect(r.stderr).toContain('[PARLEY_E_FILE_NOT_FOUND]');
  });

  it('exits 2 on bad usage', async () => {
    expect((await parley(['analyze'])).code).toBe(2);
    expect((await parley(['analyze', 'cairo-2024', '--time-limit', 'soon'])).code).toBe(2);
    expect((await parley(['analyze', 'cairo-2024', '--no-such-option'])).code).toBe(2);
    const r = await parley(['analyse-this']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("unknown command 'analyse-this'");
  });
});
