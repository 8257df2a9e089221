import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runJsonSchema, runSchemaFileText, RUN_SCHEMA_FILE } from '../../src/report/run/json-schema.js';
import { parley, tempDir } from '../cli/run.js';

const ROOT = new URL('../../', import.meta.url).pathname;

describe('parley run', () => {
  it('prints exactly one JSON object that follows the contract and the published schema', async () => {
    const out = tempDir();
    const r = await parley([
      'run',
      'anac/2011/Laptop',
      '--agents',
      'boulware,conceder',
      '--seed',
      '7',
      '--out',
      out,
      '--json',
    ]);
    expect(r.code, r.stderr).toBe(0);
    const lines = r.stdout.trim().split('\n');
    expect(lines).toHaveLength(1);
    const json = JSON.parse(lines[0]!);
    expect(runJsonSchema.parse(json)).toBeTruthy();
    expect(json).toMatchObject({
      parley: expect.any(String),
      seed: 7,
      rounds: expect.any(Number),
      events: expect.any(Number),
    });
    expect(json.utilities).toHaveLength(2);
    // Laptop discounts: the discounted utilities are there and below the undiscounted ones.
    expect(json.discounted).toHaveLength(2);
    json.discounted.forEach((d: number, i: number) => expect(d).toBeLessThanOrEqual(json.utilities[i] + 1e-12));
    const logLines = readFileSync(join(out, 'events.jsonl'), 'utf8').trim().split('\n');
    expect(logLines.filter((l) => JSON.parse(l).type === 'event')).toHaveLength(json.events);
    if (json.agreement === null) expect(json.endReason).not.toBe('agreement');
    else expect(Object.keys(json.agreement)).toEqual(['Laptop', 'Harddisk', 'External Monitor']);
  });

  it('keeps schema/run.schema.json equal to the schema the code defines', () => {
    expect(readFileSync(RUN_SCHEMA_FILE, 'utf8')).toBe(runSchemaFileText());
  });

  it('writes an identical event log for the same seed, and a different one for another seed', async () => {
    const [a, b, c] = [tempDir(), tempDir(), tempDir()];
    const args = ['run', 'anac/2012/CameraB', '--agents', 'random,tit-for-tat', '--rounds', '60', '--quiet'];
    for (const [dir, seed] of [
      [a, '3'],
      [b, '3'],
      [c, '4'],
    ] as const)
      expect((await parley([...args, '--seed', seed, '--out', dir])).code).toBe(0);
    const log = (dir: string) => readFileSync(join(dir, 'events.jsonl'), 'utf8');
    expect(log(a)).toBe(log(b));
    expect(log(a)).not.toBe(log(c));
  });

  it('replays a log to the same events and says so', async () => {
    const out = tempDir();
    expect((await parley(['run', 'anac/2011/Laptop', '--agents', 'linear,micro', '--out', out, '--quiet'])).code).toBe(
      0,
    );
    const r = await parley(['replay', join(out, 'events.jsonl')]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/the (\d+) events equal the \1 logged/);
    expect(r.stdout).toContain('Welfare');
    const json = JSON.parse((await parley(['replay', join(out, 'events.jsonl'), '--json'])).stdout);
    expect(json).toMatchObject({ replayed: true, identical: true });
  });

  it('refuses a replay whose log was tampered with', async () => {
    const out = tempDir();
    await parley(['run', 'anac/2011/Laptop', '--out', out, '--quiet']);
    const file = join(out, 'events.jsonl');
    const text = readFileSync(file, 'utf8').replace(
      '"kind":"offer","audience":{"kind":"all"},"actor":"laptop_seller_utility"',
      '"kind":"offer","audience":{"kind":"all"},"actor":"somebody"',
    );
    writeFileSync(file, text);
    const r = await parley(['replay', file]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/the hash chain breaks at line \d+/);
    expect(r.stderr).toContain('[PARLEY_E_LOG_INTEGRITY]');
  });

  it('names the expected count and the parties when --agents has the wrong number of agents', async () => {
    const r = await parley(['run', 'anac/2011/Laptop', '--agents', 'boulware', '--out', tempDir()]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--agents names 1 agent but anac/y2011/Laptop has 2 parties');
    expect(r.stderr).toContain('laptop_buyer_utility, laptop_seller_utility');
  });

  it('rejects unknown agents, mediators and protocols as usage errors, and unknown inputs as bad input', async () => {
    const agent = await parley(['run', 'anac/2011/Laptop', '--agents', 'boulware,stubborn']);
    expect(agent.code).toBe(2);
    expect(agent.stderr).toMatch(/unknown agent "stubborn"; known agents: boulware, linear, conceder/);
    const protocol = await parley(['run', 'anac/2011/Laptop', '--protocol', 'auction']);
    expect(protocol.code).toBe(2);
    expect(protocol.stderr).toMatch(/unknown protocol "auction"; known protocols: saop, single-text, shuttle/);
    const mediator = await parley(['run', 'anac/2011/Laptop', '--mediators', 'nash']);
    expect(mediator.code).toBe(2);
    expect(mediator.stderr).toMatch(/saop has no mediators/);
    expect((await parley(['run', 'no/such/scenario'])).code).toBe(1);
    expect((await parley(['run', 'anac/2011/Laptop', '--rounds', '0'])).code).toBe(2);
  });

  it('says so, with exit 1, when it cannot write into --out', async () => {
    const file = join(tempDir(), 'a-file');
    writeFileSync(file, '');
    const r = await parley(['run', 'anac/2011/Laptop', '--out', join(file, 'out'), '--quiet']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/cannot write the run report into .*a-file\/out/);
  });

  it('runs a custom agent module given by path', async () => {
    const out = tempDir();
    const r = await parley(
      [
        'run',
        'anac/2011/Laptop',
        '--agents',
        'examples/my-agent.ts:threshold=0.6,conceder',
        '--rounds',
        '40',
        '--out',
        out,
        '--json',
      ],
      { cwd: ROOT },
    );
    expect(r.code, r.stderr).toBe(0);
    const json = JSON.parse(r.stdout);
    expect(json.agents[0].agent).toMatch(/examples\/my-agent\.ts$/);
    const offers = readFileSync(join(out, 'events.jsonl'), 'utf8')
      .split('\n')
      .filter((l) => l.includes('"kind":"offer"') && l.includes('laptop_buyer_utility'));
    expect(offers.length).toBeGreaterThan(0);
  });

  it('adds a hill-climb mediator for single-text talks on a scenario without mediators', async () => {
    const r = await parley(['run', 'anac/2011/Laptop', '--protocol', 'single-text', '--out', tempDir(), '--json']);
    expect(r.code, r.stderr).toBe(0);
    const json = JSON.parse(r.stdout);
    expect(json.agents[0]).toEqual({ role: 'Mediator', agent: 'hill-climb' });
    expect(json.protocol).toBe('single-text');
  });
});
