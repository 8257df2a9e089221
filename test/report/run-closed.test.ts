import { describe, expect, it } from 'vitest';
import { getProtocol } from '../../src/protocols/registry.js';
import type { BaseState } from '../../src/protocols/base.js';
import type { ProtocolEvent } from '../../src/protocols/events.js';
import type { Action } from '../../src/protocols/types.js';
import { agreementMarkdown } from '../../src/report/run/agreement.js';
import { runToJson } from '../../src/report/run/json.js';
import { runJsonSchema } from '../../src/report/run/json-schema.js';
import { Narrator } from '../../src/report/run/narrate.js';
import { whyText } from '../../src/report/run/why.js';
import { attempt } from '../../src/session/attempt.js';
import { setupOf } from '../../src/session/core.js';
import { EVENT_LOG_VERSION, type EventLog, type LoggedAction } from '../../src/session/event-log.js';
import { planRun } from '../../src/session/plan.js';
import { replay } from '../../src/session/replay.js';
import { finishRun, type RunOutcome } from '../../src/session/simulate.js';
import { deal, scenario } from '../session/support/fixtures.js';
import { H, I } from './run-fixtures.js';

const REASON = 'The parties asked for time.';

/** Shuttle talks a convenor closes while pkg-1, accepted by both delegations, waits for Hamas's ratification. */
function closedRun(): RunOutcome {
  const plan = planRun(scenario(), { protocol: 'shuttle', rounds: 10 });
  const setup = setupOf(plan.scenario, plan.deadline, plan.seed);
  const protocol = getProtocol('shuttle');
  const init = protocol.init(setup);
  let state: BaseState = init.state;
  const events: ProtocolEvent[] = [...init.events];
  const actions: LoggedAction[] = [];
  const moves: [string, Action][] = [
    ['Egypt', { kind: 'table', actor: 'Egypt', text: deal, to: [] }],
    [I, { kind: 'accept', actor: I, proposal: 'pkg-1' }],
    [H, { kind: 'accept', actor: H, proposal: 'pkg-1' }],
    ['War-cabinet', { kind: 'ratify', actor: 'War-cabinet', proposal: 'pkg-1' }],
    ['convenor', { kind: 'close', actor: 'convenor', reason: REASON }],
  ];
  for (const [role, action] of moves) {
    const r = attempt(protocol, state, role, action);
    expect(r.rejected).toBeUndefined();
    actions.push({ role, action, produced: r.events.length });
    events.push(...r.events);
    state = r.state;
  }
  const header = {
    type: 'header' as const,
    version: EVENT_LOG_VERSION,
    scenario: plan.scenario.name,
    protocol: 'shuttle',
    seed: plan.seed,
    hoursPerRound: plan.hoursPerRound,
    setup,
  };
  const log: EventLog = { header, events, actions };
  return finishRun(plan, log, state, 0);
}

describe('the reports of talks the convenor closed', () => {
  const run = closedRun();

  it('give the end reason `closed` in the result JSON, with who closed, why and what lapsed, as the schema says', () => {
    const json = runToJson(run, {});
    expect(runJsonSchema.parse(json)).toEqual(json);
    expect(json).toMatchObject({
      agreement: null,
      endReason: 'closed',
      closed: { by: 'convenor', reason: REASON, lapsed: ['pkg-1'] },
    });
    expect(run.result.agreement).toBe(false);
  });

  it('tell the close in the narration and say why the talks ended in the agreement text', () => {
    const narrator = new Narrator(run.log.header.setup, 'hour');
    const closed = run.log.events.find((e) => e.kind === 'closed')!;
    expect(narrator.sentence(closed)).toBe(
      'The convenor CLOSED the talks: The parties asked for time; pkg-1 lapses without agreement.',
    );
    expect(whyText(run)[0]).toBe(
      'Impasse: the convenor closed the talks (“The parties asked for time.”); pkg-1, accepted but not yet agreed, lapsed after 2 rounds.',
    );
    const text = agreementMarkdown(run);
    expect(text).toMatch(/^# No agreement/);
    expect(text).toContain('the convenor closed the talks');
  });

  it('replays to the same events and the same closed ending', () => {
    const replayed = replay(run.log);
    expect(JSON.parse(JSON.stringify(replayed.events))).toEqual(JSON.parse(JSON.stringify(run.log.events)));
    expect(replayed.state.end).toMatchObject({ reason: 'closed', by: 'convenor' });
  });
});
