import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isParleyError } from '../../src/core/errors.js';
import { loadInput } from '../../src/formats/input.js';
import { agentNames, agentSpecsFromList, createAgent, loadAgentModule } from '../../src/agents/index.js';
import { runMeasured } from '../support/run.js';
import { gridDomain, randomParty } from './support/fixtures.js';

const domain = gridDomain(2, 3);
const self = randomParty(domain, 'A', 1);
const context = { kind: 'delegation' as const, domain, party: 'A', self };

function usageError(f: () => unknown): string {
  try {
    f();
  } catch (e) {
    expect(isParleyError(e) && e.code).toBe('PARLEY_E_USAGE');
    return String((e as Error).message);
  }
  throw new Error('expected a usage error');
}

describe('agent registry', () => {
  it('names every built-in agent', () => {
    expect(agentNames()).toEqual(
      expect.arrayContaining([
        'boulware',
        'linear',
        'conceder',
        'tit-for-tat',
        'micro',
        'random',
        'hill-climb',
        'nash',
        'bridging',
        'principal',
        'working-group',
      ]),
    );
  });

  it('refuses an unknown agent name, listing the known ones', () => {
    const message = usageError(() => createAgent({ strategy: 'boulwar' }, 'A', context));
    expect(message).toMatch(/unknown agent "boulwar".*boulware, linear, conceder/);
  });

  it('refuses a misspelt parameter, listing the known ones', () => {
    expect(usageError(() => createAgent({ strategy: 'boulware', params: { exponnet: 0.1 } }, 'A', context))).toMatch(
      /exponnet.*exponent/,
    );
  });

  it('reads a command-line list of names, module paths and parameters', async () => {
    const specs = await agentSpecsFromList('./examples/my-agent.ts, boulware:exponent=0.1:acceptance=next+time');
    expect(specs).toEqual([
      { strategy: './examples/my-agent.ts', params: {} },
      { strategy: 'boulware', params: { exponent: '0.1', acceptance: 'next+time' } },
    ]);
    await expect(agentSpecsFromList('boulware,nope')).rejects.toThrow(/unknown agent "nope"/);
  });

  it('loads a user agent from one TypeScript module and runs it against a built-in', async () => {
    await loadAgentModule('./examples/my-agent.ts');
    expect(agentNames()).toContain('./examples/my-agent.ts');
    const scenario = loadInput(['anac/2011/Laptop']);
    const [p0, p1] = scenario.parties as [(typeof scenario.parties)[0], (typeof scenario.parties)[0]];
    const agents = [
      createAgent({ strategy: './examples/my-agent.ts', params: { threshold: 0.6 } }, p0!.name, {
        kind: 'delegation',
        domain: scenario.domain,
        party: p0!.name,
        self: p0,
      }),
      createAgent({ strategy: 'linear' }, p1!.name, {
        kind: 'delegation',
        domain: scenario.domain,
        party: p1!.name,
        self: p1,
      }),
    ];
    const { result } = runMeasured({
      scenario,
      protocol: 'saop',
      agents,
      deadline: { rounds: 50 },
      seed: 2,
      analysis: 'skip',
    });
    expect(result.rejectedActions).toBe(0);
    expect(result.agreement).toBe(true);
    expect(result.parties[0]!.utility).toBeGreaterThanOrEqual(0.6);
  });

  it('says what a module must export when it exports something else', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'parley-agent-'));
    const bad = join(dir, 'bad-agent.ts');
    writeFileSync(bad, 'export default 42;\n');
    await expect(loadAgentModule(bad)).rejects.toThrow(/default-export a factory/);
    await expect(loadAgentModule(join(dir, 'missing.ts'))).rejects.toThrow(/not found/);
  });

  it('accepts a module whose default export is an object with create', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'parley-agent-'));
    const path = join(dir, 'waiter.ts');
    writeFileSync(
      path,
      'export default { create: (ctx: { role: string }) => ({ role: ctx.role, act: () => null }) };\n',
    );
    await loadAgentModule(path);
    expect(createAgent({ strategy: path }, 'A', context).role).toBe('A');
  });
});
