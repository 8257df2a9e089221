import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isParleyError } from '../../src/core/errors.js';
import { readEventLog, writeEventLog, type EventLog } from '../../src/session/event-log.js';
import { replay } from '../../src/session/replay.js';
import { runMeasured } from '../support/run.js';
import { VirtualClock } from '../../src/session/clock.js';
import { rocketAttack, scenario } from './support/fixtures.js';
import { RandomConceder } from './support/agents.js';
import { shuttleScript } from './support/shuttle-script.js';

const plain = <T>(x: T): T => JSON.parse(JSON.stringify(x));

function randomRun(seed: number) {
  const agents = [new RandomConceder('Israel-delegation'), new RandomConceder('Hamas-delegation')];
  return runMeasured({
    scenario: scenario({ timeline: [rocketAttack] }),
    protocol: 'saop',
    agents,
    deadline: { rounds: 30 },
    seed,
    hoursPerRound: 2,
    analysis: 'skip',
  });
}

function expectCode(f: () => unknown, code: string, message: RegExp) {
  try {
    f();
    expect.unreachable();
  } catch (e) {
    expect(isParleyError(e) && e.code).toBe(code);
    expect((e as Error).message).toMatch(message);
  }
}

describe('determinism and replay', () => {
  it('gives an identical log for the same seed, and a different one for another seed', () => {
    const a = randomRun(42);
    const b = randomRun(42);
    expect(JSON.stringify(a.log)).toBe(JSON.stringify(b.log));
    expect(a.log.actions.length).toBeGreaterThan(2);
    expect(JSON.stringify(randomRun(43).log.events)).not.toBe(JSON.stringify(a.log.events));
  });

  it('replays a run to the same final state and events', () => {
    for (const run of [randomRun(5), shuttleScript()]) {
      const again = replay(run.log);
      expect(again.state).toEqual(run.state);
      expect(again.events).toEqual(run.log.events);
    }
  });

  it('writes the log as JSON lines and reads it back to replay identically', () => {
    const run = shuttleScript();
    const path = join(mkdtempSync(join(tmpdir(), 'parley-log-')), 'run.jsonl');
    writeEventLog(path, run.log);
    const lines = readFileSync(path, 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(lines[0]).toMatchObject({ type: 'header', scenario: 'cairo-test', protocol: 'shuttle', seed: 3 });
    expect(lines[1]).toMatchObject({ type: 'event', event: { kind: 'started' } });
    expect(lines.filter((l) => l.type === 'action')).toHaveLength(run.log.actions.length);
    const read = readEventLog(path);
    expect(read).toEqual(plain(run.log));
    const again = replay(read);
    expect(plain(again.state)).toEqual(plain(run.state));
    expect(plain(again.events)).toEqual(plain(run.log.events));
  });

  it('keeps refused actions in the log so replay refuses them again', () => {
    const run = randomRun(1);
    const bad = {
      role: 'Hamas-delegation',
      action: { kind: 'offer' as const, actor: 'Hamas-delegation', outcome: {} },
      produced: 0,
    };
    const tampered: EventLog = { ...run.log, actions: [bad, ...run.log.actions] };
    expectCode(
      () => replay(tampered),
      'PARLEY_E_LOG_INTEGRITY',
      /the log does not replay: action 1 \(offer by Hamas-delegation\) was accepted in the log and is refused/,
    );
  });

  it('reports a broken line with its file and line number', () => {
    const run = randomRun(1);
    const dir = mkdtempSync(join(tmpdir(), 'parley-log-'));
    const path = join(dir, 'bad.jsonl');
    writeEventLog(path, run.log);
    const lines = readFileSync(path, 'utf8').split('\n');
    lines[1] = '{"type": "event", ';
    writeFileSync(path, lines.join('\n'));
    try {
      readEventLog(path);
      expect.unreachable();
    } catch (e) {
      expect(isParleyError(e) && e.code).toBe('PARLEY_E_PARSE');
      expect(isParleyError(e) && e.describe()).toMatch(
        new RegExp(`${path.replace(/[.]/g, '\\.')}:2:1: line 2 is not valid JSON`),
      );
    }
    writeFileSync(path, '{"type":"event"}\n');
    expectCode(() => readEventLog(path), 'PARLEY_E_FORMAT', /not an event log header/);
    expectCode(() => readEventLog(join(dir, 'missing.jsonl')), 'PARLEY_E_FILE_NOT_FOUND', /cannot read event log/);
  });
});

describe('virtual clock', () => {
  it('moves only forward, by what it is told', () => {
    const clock = new VirtualClock(2);
    expect(clock.advance(3)).toBe(5);
    expect(clock.now()).toBe(5);
    expect(() => clock.advance(-1)).toThrow(/only moves forward/);
  });
});
