import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { validateInput } from '../../src/formats/validate.js';
import { parley } from '../cli/run.js';

const dir = mkdtempSync(join(tmpdir(), 'parley-lint-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

mkdirSync(join(dir, 'seeds'));
writeFileSync(join(dir, 'seeds', 'report.txt'), 'The talks “resumed” in Cairo\non Sunday, officials said.\n');

/** A small two-party scenario; `extra` lines are appended at the end (timeline, simulation). */
function scenario(name: string, extra: string): string {
  const text = `parley: 1
name: lint-case
reports:
  - {file: report.txt, outlet: Wire, headline: The talks "resumed" in Cairo on Sunday}
issues:
  - {name: truce, values: [short, long]}
  - {name: aid, values: [closed, open]}
parties:
  - name: A
    source: {file: report.txt, quote: officials said}
    preferences:
      weights: {truce: 1, aid: 0}
      values:
        truce: {short: 1, long: 0}
        aid: {closed: 0, open: 1}
    reservation: 0.9
  - name: B
    preferences:
      weights: {truce: 0.5, aid: 0.5}
      values:
        truce: {short: 0, long: 1}
        aid: {closed: 0, open: 1}
    reservation: 0.2
${extra}`;
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

const messages = (path: string) =>
  validateInput([path]).problems.map((p) => `${p.severity} ${p.position.line}:${p.position.column} ${p.message}`);

describe('parley validate beyond the format', () => {
  it('passes a scenario whose sources hold their quotes, with typographic quotation marks and line breaks read loosely', () => {
    const path = scenario('clean.yaml', '');
    expect(validateInput([path]).problems).toEqual([]);
    expect(validateInput([path]).ok).toBe(true);
  });

  it('names a source file that does not exist and a quote its file does not hold, at their positions', () => {
    const path = scenario(
      'sources.yaml',
      `positions:
  - {party: A, public: true, text: A speaks., source: {file: missing.txt, quote: anything}}
  - {party: B, public: true, text: B speaks., source: {file: report.txt, quote: officials denied}}
`,
    );
    expect(messages(path)).toEqual([
      'error 25:62 "file" of position #1 names the source file "missing.txt", which does not exist',
      'error 26:81 "quote" of position #2 is not found in report.txt',
    ]);
  });

  it('reports an outside event after the deadline: an error against the scenario’s own rounds, a warning against run’s default', () => {
    const timeline = (at: number) => `timeline:
  - {id: late, at: ${at}, title: Something late}
`;
    expect(messages(scenario('late-own.yaml', timeline(30) + 'simulation: {rounds: 10, hoursPerRound: 2}\n'))).toEqual([
      'error 25:20 "at" of event "late" is hour 30, after the deadline (hour 20, from simulation.rounds × 2 hours per round): the event never fires in a run',
    ]);
    const [warning] = validateInput([scenario('late-default.yaml', timeline(150))]).problems;
    expect(warning?.severity).toBe('warning');
    expect(warning?.message).toContain("parley run's default of 100 rounds");
    expect(validateInput([scenario('late-default.yaml', timeline(150))]).ok).toBe(true);
  });

  it('follows deadline effects in time order before judging later events', () => {
    const path = scenario(
      'moved.yaml',
      `timeline:
  - {id: after, at: 15, title: After the cut}
  - {id: cut, at: 5, title: Deadline brought forward, effects: [{kind: deadline, delta: -8}]}
simulation: {rounds: 20}
`,
    );
    expect(messages(path)).toEqual([
      'error 25:21 "at" of event "after" is hour 15, after the deadline (hour 12, from simulation.rounds): the event never fires in a run',
    ]);
  });

  it('reports an effect that would push a walk-away value out of [0, 1], counting earlier effects, and a weight effect that does nothing', () => {
    const path = scenario(
      'effects.yaml',
      `timeline:
  - id: one
    at: 1
    title: First
    effects: [{kind: reservation, party: A, delta: 0.05}, {kind: weight, party: A, issue: aid, factor: 2}]
  - id: two
    at: 2
    title: Second
    effects: [{kind: reservation, party: A, delta: 0.1}]
`,
    );
    expect(messages(path)).toEqual([
      `warning 28:104 "factor" of effect #2 of event "one" scales A's weight of aid, which is 0: it would do nothing`,
      `error 32:52 "delta" of effect #1 of event "two" would move A's walk-away value from 0.95 to 1.05, outside [0, 1] (a run would cap it at 1)`,
    ]);
  });

  it('refuses simulation defaults that run could not build: unknown strategy, wrong kind of seat, unknown parameter, value out of range', () => {
    const path = scenario(
      'agents.yaml',
      `simulation:
  agents:
    - {strategy: bouldware, role: A}
    - {strategy: linear, role: B, params: {exponent: 2, speed: 3}}
  mediators:
    - {strategy: conceder}
    - {strategy: nash, params: {start: middle}}
`,
    );
    const found = messages(path);
    expect(found[0]).toMatch(/^error 26:18 names an unknown strategy "bouldware"; known: boulware, linear, conceder/);
    expect(found[1]).toMatch(/^error 27:57 agent "linear": unknown parameter "speed"/);
    expect(found[2]).toBe('error 29:18 "conceder" plays a party\'s delegation, not a mediator');
    expect(found[3]).toMatch(/^error 30:33 agent "nash": parameter "start" must be one of central, random/);
    expect(found).toHaveLength(4);
  });

  it('prints every problem with file:line:column and exits 1 when one is an error', async () => {
    const path = scenario('cli.yaml', `simulation:\n  agents: [{strategy: ./mine.ts}]\n`);
    const run = await parley(['validate', path]);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain(
      `error: ${path}:25:23: names the agent module ./mine.ts; modules are given on the command line`,
    );
    expect(run.stderr).toContain('1 problem found (listed above, each with its file:line:column) [PARLEY_E_SCHEMA]');
  });
});
