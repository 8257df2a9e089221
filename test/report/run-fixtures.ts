import type { Party } from '../../src/core/party.js';
import type { AgentView } from '../../src/protocols/agent.js';
import type { Action } from '../../src/protocols/types.js';
import type { RunOutcome } from '../../src/session/simulate.js';
import { counter, deal, hamas, israel, scenario } from '../session/support/fixtures.js';
import { ConstantAgent, ScriptedAgent } from '../session/support/scripted.js';
import { scriptedRun } from '../support/runs.js';

export const I = 'Israel-delegation';
export const H = 'Hamas-delegation';

/** SAOP on the Cairo fixture: Israel offers, Hamas counters, Israel repeats, Hamas accepts offer-3. */
export function saopDeal(): RunOutcome {
  return scriptedRun(scenario({ roles: { ...scenario().roles, mediators: [] } }), { protocol: 'saop', rounds: 10 }, [
    new ScriptedAgent(I, [
      { kind: 'offer', actor: I, outcome: deal },
      { kind: 'offer', actor: I, outcome: deal },
    ]),
    new ScriptedAgent(H, [
      { kind: 'offer', actor: H, outcome: counter },
      { kind: 'accept', actor: H, proposal: 'offer-3' },
    ]),
  ]);
}

/** Red lines that exclude each other on the ceasefire. */
export const hardIsrael: Party = {
  ...israel,
  redLines: [{ id: 'pause-only', issue: 'ceasefire', allowed: ['pause'], description: 'Only a pause.' }],
};
export const hardHamas: Party = {
  ...hamas,
  redLines: [{ id: 'permanent-only', issue: 'ceasefire', allowed: ['permanent'] }],
};

/** SAOP until the round deadline, each side repeating its own offer, red lines clashing. */
export function saopDeadline(): RunOutcome {
  const s = scenario({ parties: [hardIsrael, hardHamas], roles: { ...scenario().roles, mediators: [] } });
  return scriptedRun(s, { protocol: 'saop', rounds: 2 }, [
    new ConstantAgent(I, () => ({ kind: 'offer', actor: I, outcome: deal })),
    new ConstantAgent(H, () => ({ kind: 'offer', actor: H, outcome: counter })),
  ]);
}

/** Shuttle talks: Egypt tables the deal; Israel accepts, Hamas asks for changes, the war cabinet refuses; a second package is accepted and ratified by both. */
export function shuttleRatified(): RunOutcome {
  const table = (n: number) => ({ kind: 'table', actor: 'Egypt', text: deal, to: [], note: `draft ${n}` }) as const;
  const once = (proposal: string, action: Action) => (v: AgentView) =>
    v.expectation.proposal === proposal ? action : null;
  const refused = (v: AgentView) => v.events.some((e) => e.kind === 'ratification-refused');
  return scriptedRun(scenario(), { protocol: 'shuttle', rounds: 10 }, [
    new ScriptedAgent('Egypt', [table(1), (v) => (refused(v) ? table(2) : null)]),
    new ScriptedAgent(I, [
      { kind: 'accept', actor: I, proposal: 'pkg-1' },
      once('pkg-2', { kind: 'accept', actor: I, proposal: 'pkg-2' }),
    ]),
    new ScriptedAgent(H, [
      { kind: 'amend', actor: H, proposal: 'pkg-1', amendments: { withdrawal: 'full' } },
      once('pkg-2', { kind: 'accept', actor: H, proposal: 'pkg-2' }),
    ]),
    new ScriptedAgent('War-cabinet', [
      once('pkg-1', { kind: 'refuse-ratification', actor: 'War-cabinet', proposal: 'pkg-1', reason: 'too early' }),
      once('pkg-2', { kind: 'ratify', actor: 'War-cabinet', proposal: 'pkg-2' }),
    ]),
    new ScriptedAgent('Hamas-leadership', [
      once('pkg-2', { kind: 'ratify', actor: 'Hamas-leadership', proposal: 'pkg-2' }),
    ]),
  ]);
}
