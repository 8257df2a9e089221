import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { parseTournamentText, readTournamentFile, tournamentJsonSchema } from '../../src/tournament/definition.js';
import { assignments, batchesOf, planTournament } from '../../src/tournament/plan.js';
import { parleyErrorOf } from '../support/errors.js';
import { ROOT, ROUND_ROBIN, writeDefinition } from './support.js';

function expectSchemaError(text: string, at: { line: number; column?: number }): void {
  const e = parleyErrorOf(() => parseTournamentText(text, 't.yaml'));
  expect(e.code).toBe('PARLEY_E_SCHEMA');
  expect(e.position).toMatchObject({ file: 't.yaml', ...at });
}

const plan = (definition: object) => planTournament(readTournamentFile(writeDefinition(definition)));

describe('tournament definitions', () => {
  it('names the line and column of a schema error', () => {
    const text = 'parley-tournament: 1\nname: t\nagents: [boulware]\nscenarios: [anac/2011/Laptop]\nrounds: -5\n';
    expectSchemaError(text, { line: 5, column: 9 });
  });

  it('rejects an unknown key where it stands', () => {
    const text = 'parley-tournament: 1\nname: t\nagents: [boulware]\nscenarios: [anac/2011/Laptop]\nrepetition: 3\n';
    expectSchemaError(text, { line: 5, column: 1 });
  });

  it('refuses seeds together with repetitions', () => {
    const text =
      'parley-tournament: 1\nname: t\nagents: [boulware]\nscenarios: [anac/2011/Laptop]\nseeds: [1]\nrepetitions: 2\n';
    expectSchemaError(text, { line: 6 });
  });

  it('publishes the JSON Schema that npm run schema writes', () => {
    const published = JSON.parse(readFileSync(join(ROOT, 'schema', 'tournament.schema.json'), 'utf8'));
    expect(published).toEqual(JSON.parse(JSON.stringify(tournamentJsonSchema())));
  });

  it('plays every ordered pair on every scenario with every seed: 216 negotiations in the round robin', async () => {
    const p = await plan(ROUND_ROBIN);
    expect(p.negotiations).toHaveLength(3 * 36 * 2);
    expect(new Set(p.negotiations.map((n) => n.id)).size).toBe(216);
    expect(p.negotiations.map((n) => n.index)).toEqual([...Array(216).keys()]);
    // Same definition, same ids: results can be matched across runs and machines.
    expect((await plan(ROUND_ROBIN)).negotiations.map((n) => n.id)).toEqual(p.negotiations.map((n) => n.id));
  });

  it('assigns agents to parties with or without role swaps and self-play', () => {
    expect(assignments(3, 2, true, true)).toHaveLength(9);
    expect(assignments(3, 2, false, true)).toEqual([
      [0, 1],
      [0, 2],
      [1, 0],
      [1, 2],
      [2, 0],
      [2, 1],
    ]);
    expect(assignments(3, 2, true, false)).toHaveLength(6);
    expect(assignments(3, 2, false, false)).toEqual([
      [0, 1],
      [0, 2],
      [1, 2],
    ]);
    // Multilateral: three parties from four agents, each set once, no agent twice.
    expect(assignments(4, 3, false, false)).toHaveLength(4);
  });

  it('seats three agents on a three-party scenario, and mediators under a mediated protocol', async () => {
    const p = await plan({
      'parley-tournament': 1,
      name: 'towns',
      agents: ['boulware', 'conceder', 'micro'],
      mediators: ['hill-climb', 'nash'],
      scenarios: ['examples/three-towns'],
      protocols: ['saop', 'single-text'],
      selfPlay: false,
      repetitions: 2,
      seed: 5,
    });
    // 6 permutations × (saop + single-text with 2 mediators) × seeds 5 and 6
    expect(p.negotiations).toHaveLength(6 * 3 * 2);
    expect(new Set(p.negotiations.map((n) => n.seed))).toEqual(new Set([5, 6]));
    expect(p.negotiations.every((n) => n.agents.length === 3)).toBe(true);
    expect(p.negotiations.filter((n) => n.mediator?.label === 'nash')).toHaveLength(12);
  });

  it('expands globs over built-in names and files, relative to the definition', async () => {
    const file = writeDefinition({
      'parley-tournament': 1,
      name: 'globs',
      agents: ['boulware'],
      scenarios: ['anac/2010/*', 'mine/*.yaml'],
    });
    const dir = join(file, '..');
    mkdirSync(join(dir, 'mine'));
    writeFileSync(join(dir, 'mine', 'towns.yaml'), readFileSync(join(ROOT, 'scenarios/examples/three-towns.yaml')));
    const p = await planTournament(readTournamentFile(file));
    expect(p.scenarios.map((s) => s.scenario.name)).toEqual([
      'anac/y2010/EnglandZimbabwe',
      'anac/y2010/ItexvsCypress',
      'anac/y2010/Travel',
      'three-towns',
    ]);
  });

  it('labels agents by name or by strategy and parameters, and refuses two with one label', async () => {
    const p = await plan({
      ...ROUND_ROBIN,
      agents: ['boulware', { strategy: 'conceder', params: { exponent: 3 } }, { strategy: 'micro', name: 'mine' }],
    });
    expect(p.agents.map((a) => a.label)).toEqual(['boulware', 'conceder(exponent=3)', 'mine']);
    await expect(plan({ ...ROUND_ROBIN, agents: ['boulware', 'boulware'] })).rejects.toThrow(/two agents/);
    await expect(plan({ ...ROUND_ROBIN, agents: ['bouleware'] })).rejects.toThrow(/unknown agent "bouleware"/);
    // A bad parameter stops the tournament before anything runs, not in a worker.
    await expect(plan({ ...ROUND_ROBIN, agents: [{ strategy: 'boulware', params: { speed: 2 } }] })).rejects.toThrow(
      /unknown parameter "speed"/,
    );
  });

  it('cuts negotiations into batches of one scenario each, of the size asked', async () => {
    const p = await planTournament(readTournamentFile(writeDefinition(ROUND_ROBIN)), 25);
    const batches = batchesOf(p, p.negotiations);
    expect(batches.map((b) => b.negotiations.length)).toEqual([25, 25, 22, 25, 25, 22, 25, 25, 22]);
    for (const b of batches)
      expect(new Set(b.negotiations.map((n) => n.scenarioHash))).toEqual(new Set([b.scenario.hash]));
  });
});
