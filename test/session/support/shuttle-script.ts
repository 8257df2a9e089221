import type { Action } from '../../../src/protocols/types.js';
import { runMeasured } from '../../support/run.js';
import { deal, scenario } from './fixtures.js';
import { ConstantAgent, ScriptedAgent } from './scripted.js';

const I = 'Israel-delegation';
const H = 'Hamas-delegation';

/** A whole shuttle negotiation through the runner: table, adjourn, return, accept, ratify. */
export function shuttleScript() {
  const waitUntil = (t: number, action: Action) => (v: { now: number }) => (v.now >= t ? action : null);
  const egypt = new ScriptedAgent('Egypt', [
    { kind: 'table', actor: 'Egypt', text: deal, to: [] },
    { kind: 'relay', actor: 'Egypt', to: 'Israel', message: 'Hamas asks for more time' },
  ]);
  const hamasAgent = new ScriptedAgent(H, [
    { kind: 'adjourn', actor: H, until: 3, reason: 'consult in Doha' },
    waitUntil(3, { kind: 'return', actor: H }),
    { kind: 'accept', actor: H, proposal: 'pkg-1' },
  ]);
  const israelAgent = new ScriptedAgent(I, [null, null, null, null, { kind: 'accept', actor: I, proposal: 'pkg-1' }]);
  const leadership = new ConstantAgent('Hamas-leadership', (v) =>
    v.expectation.may.includes('ratify')
      ? { kind: 'ratify', actor: 'Hamas-leadership', proposal: v.expectation.proposal! }
      : null,
  );
  const cabinet = new ConstantAgent('War-cabinet', (v) =>
    v.expectation.may.includes('ratify')
      ? { kind: 'ratify', actor: 'War-cabinet', proposal: v.expectation.proposal! }
      : null,
  );
  const agents = [egypt, hamasAgent, israelAgent, leadership, cabinet];
  const session = runMeasured({
    scenario: scenario(),
    protocol: 'shuttle',
    agents,
    deadline: { time: 48 },
    seed: 3,
    analysis: 'skip',
  });
  return { ...session, agents };
}
