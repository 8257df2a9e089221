import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { registerAgent } from '../../src/agents/registry.js';
import type { Outcome } from '../../src/core/domain.js';
import { loadInput } from '../../src/formats/input.js';
import { writeScenarioText } from '../../src/formats/scenario/index.js';
import type { AgentView } from '../../src/protocols/agent.js';
import { registerProtocol } from '../../src/protocols/registry.js';
import { parley, tempDir } from '../cli/run.js';
import { takeItOrLeaveIt } from '../support/take-it-or-leave-it.js';

/** The first value of every issue: an outcome any test agent can name without preferences. */
function firstOutcome(view: AgentView): Outcome {
  return Object.fromEntries(
    view.domain.issues.map((i) => [i.name, i.kind === 'discrete' ? i.values[0]! : i.min]),
  ) as Outcome;
}

// One line each, as the registries' own lines: nothing else in parley changes.
registerProtocol(takeItOrLeaveIt);
registerAgent('takes-anything', 'delegation', (ctx) => ({
  role: ctx.role,
  act: (view) =>
    view.expectation.may.includes('accept')
      ? { kind: 'accept', actor: ctx.role, proposal: view.expectation.proposal! }
      : { kind: 'offer', actor: ctx.role, outcome: firstOutcome(view) },
}));
registerAgent('first-text', 'mediator', (ctx) => ({
  role: ctx.role,
  act: (view) =>
    view.expectation.may.includes('table')
      ? { kind: 'table', actor: ctx.role, text: firstOutcome(view), to: [] }
      : null,
}));
registerAgent('only-offers', 'delegation', (ctx) => ({
  role: ctx.role,
  act: (view) => ({ kind: 'offer', actor: ctx.role, outcome: firstOutcome(view) }),
}));

describe('adding a protocol, an agent or a mediator: one file and one registry line', () => {
  it('runs a newly registered protocol end to end through `parley run`, and lists it in the help', async () => {
    const out = tempDir();
    const run = await parley(['run', 'anac/2011/Laptop', '--protocol', 'take-it-or-leave-it', '--out', out, '--json']);
    expect(run.stderr).toBe('');
    const json = JSON.parse(run.stdout) as { protocol: string; endReason: string; agents: unknown[] };
    expect(json.protocol).toBe('take-it-or-leave-it');
    expect(['agreement', 'walk-away']).toContain(json.endReason);
    expect(json.agents).toHaveLength(2);
    expect(readFileSync(join(out, 'events.jsonl'), 'utf8')).toContain('"protocol":"take-it-or-leave-it"');
    const help = await parley(['run', '--help']);
    expect(help.stdout.replace(/\s+/g, ' ')).toContain('saop, single-text, shuttle or take-it-or-leave-it');
  });

  it('lets a scenario file select the new protocol, and seats no mediator it does not have', async () => {
    const dir = tempDir();
    const scenario = loadInput(['anac/2011/Laptop']);
    const file = join(dir, 'laptop.yaml');
    const withProtocol = { ...scenario, simulation: { protocol: 'take-it-or-leave-it' } };
    writeFileSync(file, writeScenarioText(withProtocol, 'yaml'));
    const run = await parley(['run', file, '--agents', 'takes-anything,takes-anything', '--out', dir]);
    expect(run.stderr).toBe('');
    expect(run.stdout).toContain('(take-it-or-leave-it, seed 1)');
    expect(run.stdout).not.toMatch(/Mediator/);
    expect(run.stdout).toMatch(/Agreement\s*│ yes/);
  });

  it('runs a newly registered mediator strategy in mediated talks', async () => {
    const out = tempDir();
    const run = await parley(['run', 'anac/2011/Laptop', '--protocol', 'single-text', '--mediators', 'first-text'], {
      cwd: out,
    });
    expect(run.stderr).toBe('');
    expect(run.stdout).toContain('Mediator (lead) plays first-text');
    expect(run.stdout).toMatch(/Agreement\s*│ (yes|no)/);
    const help = await parley(['run', '--help']);
    expect(help.stdout.replace(/\s+/g, ' ')).toContain('hill-climb, nash, bridging, first-text');
  });

  it('ends at once, naming the seat and the move, when a seat cannot make the move the protocol waits for', async () => {
    const out = tempDir();
    const run = await parley(
      ['run', 'anac/2011/Laptop', '--protocol', 'take-it-or-leave-it', '--agents', 'only-offers,only-offers'],
      { cwd: out },
    );
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/PARLEY_E_STALLED/);
    expect(run.stderr).toMatch(/was asked to accept or reject \(about offer-1\), and its agent tried offer/);
  });
});
