import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analysis/index.js';
import { ParleyError } from '../../src/core/errors.js';
import { outcomeCloud } from '../../src/report/plot/cloud.js';
import { plotFrontier } from '../../src/report/plot/frontier.js';
import { renderVegaLite } from '../../src/report/plot/vega.js';
import { talks } from './fixtures.js';

const axisTitles = (svg: string) => [...svg.matchAll(/<text[^>]*>(Utility of [^<]*)<\/text>/g)].map((m) => m[1]);

describe('the frontier plot', () => {
  it('is an SVG with axes named by the parties and a legend of the solutions', async () => {
    const scenario = talks();
    const svg = await plotFrontier(scenario, analyze(scenario));
    expect(svg.startsWith('<svg')).toBe(true);
    expect(svg.trimEnd().endsWith('</svg>')).toBe(true);
    expect(axisTitles(svg).sort()).toEqual(['Utility of North*', 'Utility of South']);
    for (const label of [
      'Nash',
      'Kalai–Smorodinsky',
      'Max welfare',
      'Egalitarian',
      'Reservation',
      'Pareto frontier',
      'Outcome',
      'Acceptable to all',
    ]) {
      expect(svg).toContain(`>${label}</text>`);
    }
  });

  it('leaves out of the legend the solutions that do not exist, and says why', async () => {
    const scenario = talks({ redLines: true });
    const svg = await plotFrontier(scenario, analyze(scenario));
    expect(svg).not.toContain('>Nash</text>');
    expect(svg).not.toContain('>Acceptable to all</text>');
    expect(svg).toContain('no Nash or Kalai–Smorodinsky point: no outcome is acceptable to every party');
  });

  it('draws one panel per pair of parties for three parties', async () => {
    const scenario = talks({ thirdParty: true });
    const svg = await plotFrontier(scenario, analyze(scenario));
    const titles = axisTitles(svg);
    expect(titles).toHaveLength(6);
    expect(new Set(titles)).toEqual(new Set(['Utility of North*', 'Utility of South', 'Utility of West']));
  });

  it('writes the file whole and leaves no temporary file beside it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'parley-plot-'));
    const scenario = talks();
    const file = join(dir, 'nested', 'frontier.svg');
    const svg = await plotFrontier(scenario, analyze(scenario), { file });
    expect(readFileSync(file, 'utf8')).toBe(svg);
    expect(readdirSync(join(dir, 'nested'))).toEqual(['frontier.svg']);
  });

  it('fails with a clear error and writes nothing when the folder cannot be made', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'parley-plot-'));
    writeFileSync(join(dir, 'taken'), 'a file, not a folder');
    const scenario = talks();
    await expect(
      plotFrontier(scenario, analyze(scenario), { file: join(dir, 'taken', 'frontier.svg') }),
    ).rejects.toThrow(ParleyError);
    expect(readdirSync(dir)).toEqual(['taken']);
  });

  it('draws every outcome of a small space and a seeded sample of a large one', () => {
    const all = outcomeCloud(talks());
    expect(all?.sampled).toBe(false);
    expect(all?.points).toHaveLength(30);
    const sample = outcomeCloud(talks(), { max: 10, seed: 7 });
    expect(sample?.sampled).toBe(true);
    expect(sample?.points).toHaveLength(10);
    expect(outcomeCloud(talks(), { max: 10, seed: 7 })).toEqual(sample);
    expect(outcomeCloud(talks(), { budget: 10 })).toBeNull();
  });

  it('tells outcomes every party accepts from the rest', () => {
    const open = outcomeCloud(talks())!;
    const closed = outcomeCloud(talks({ redLines: true }))!;
    expect(open.acceptable.filter(Boolean).length).toBeGreaterThan(0);
    expect(open.acceptable.filter(Boolean).length).toBeLessThan(30);
    expect(closed.acceptable.some(Boolean)).toBe(false);
  });

  it('renders any vega-lite spec to SVG', async () => {
    const svg = await renderVegaLite({
      data: { values: [{ a: 1, b: 2 }] },
      mark: 'bar',
      encoding: { x: { field: 'a', type: 'ordinal' }, y: { field: 'b', type: 'quantitative' } },
    });
    expect(svg).toMatch(/^<svg[^>]*xmlns="http:\/\/www.w3.org\/2000\/svg"/);
  });
});
