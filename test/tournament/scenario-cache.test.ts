import { describe, expect, it } from 'vitest';
import { planTournament } from '../../src/tournament/plan.js';
import { approximateBytes, runBatch, ScenarioCache } from '../../src/tournament/execute.js';
import { batchesOf } from '../../src/tournament/plan.js';
import { readTournamentFile } from '../../src/tournament/definition.js';
import type { Batch } from '../../src/tournament/types.js';
import { writeDefinition } from './support.js';

/** Three small ANAC domains, two agents, 50 rounds: one batch of each scenario is enough here. */
const file = writeDefinition({
  'parley-tournament': 1,
  name: 'cache',
  agents: ['linear', 'micro'],
  scenarios: ['anac/2011/Laptop', 'anac/2013/Icecream', 'anac/2012/CameraB'],
  rounds: 50,
});
const plan = await planTournament(readTournamentFile(file), 4);
const firstBatch = (name: string): Batch =>
  batchesOf(plan, plan.negotiations).find((b) => b.negotiations[0]!.scenario.endsWith(name))!;
const [laptop, icecream, camera] = [firstBatch('Laptop'), firstBatch('Icecream'), firstBatch('CameraB')];
const megabytes = (b: Batch) => {
  const k = new ScenarioCache().get(b.scenario);
  return approximateBytes(b.scenario, k.scenario, k.analysis) / 2 ** 20;
};
const withoutTimes = (rows: readonly { seconds: number }[]) => rows.map(({ seconds: _, ...rest }) => rest);

describe("a worker's scenario cache", () => {
  it('keeps every scenario of a small tournament under the default budget', async () => {
    const cache = new ScenarioCache();
    for (const b of [laptop, icecream, camera]) await runBatch(b, cache);
    expect(cache.size).toBe(3);
    expect(cache.approximateSize).toBeGreaterThan(0);
  });

  it('drops the least recently used scenario first once over its budget', async () => {
    // Room for the two larger of the three, not for all three.
    const sizes = [laptop, icecream, camera].map(megabytes).sort((a, b) => b - a);
    const cache = new ScenarioCache({ maxMegabytes: sizes[0]! + sizes[1]! });
    await runBatch(laptop, cache);
    await runBatch(icecream, cache);
    await runBatch(laptop, cache); // Laptop is now the most recently used.
    await runBatch(camera, cache);
    expect(cache.has(laptop.scenario.hash)).toBe(true);
    expect(cache.has(camera.scenario.hash)).toBe(true);
    expect(cache.has(icecream.scenario.hash)).toBe(false);
    expect(cache.approximateSize / 2 ** 20).toBeLessThanOrEqual(sizes[0]! + sizes[1]! + 1e-9);
  });

  it('always keeps the scenario in use, even with a budget of 0', async () => {
    const cache = new ScenarioCache({ maxMegabytes: 0 });
    await runBatch(laptop, cache);
    await runBatch(icecream, cache);
    expect(cache.size).toBe(1);
    expect(cache.has(icecream.scenario.hash)).toBe(true);
  });

  it('gives the same rows for a scenario built again after it was dropped', async () => {
    const cache = new ScenarioCache({ maxMegabytes: 0 });
    const first = await runBatch(laptop, cache);
    await runBatch(icecream, cache);
    expect(cache.has(laptop.scenario.hash)).toBe(false);
    expect(withoutTimes(await runBatch(laptop, cache))).toEqual(withoutTimes(first));
  });

  it('refuses a negative budget', () => {
    expect(() => new ScenarioCache({ maxMegabytes: -1 })).toThrow(/0 or more MB/);
  });
});
