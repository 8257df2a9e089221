import type { Agent, AgentView } from '../../../src/protocols/agent.js';
import type { Action } from '../../../src/protocols/types.js';

export type Script = Action | null | ((view: AgentView) => Action | null);

/** An agent that plays its script in order, then waits; it keeps every view it was given. */
export class ScriptedAgent implements Agent {
  readonly views: AgentView[] = [];
  private next = 0;

  constructor(
    readonly role: string,
    private readonly script: readonly Script[],
  ) {}

  act(view: AgentView): Action | null {
    this.views.push(view);
    if (this.next >= this.script.length) return null;
    const step = this.script[this.next]!;
    // A function step holds its place until it acts, so "wait until t" is one step.
    const action = typeof step === 'function' ? step(view) : step;
    if (typeof step !== 'function' || action !== null) this.next++;
    return action;
  }

  /** Every event kind this agent has been shown. */
  seenKinds(): Set<string> {
    return new Set(this.views.flatMap((v) => v.events.map((e) => e.kind)));
  }
}

/** An agent that does the same thing whenever asked (e.g. always waits, or always offers). */
export class ConstantAgent implements Agent {
  calls = 0;
  readonly views: AgentView[] = [];
  constructor(
    readonly role: string,
    private readonly decide: (view: AgentView) => Action | null,
  ) {}
  act(view: AgentView): Action | null {
    this.calls++;
    this.views.push(view);
    return this.decide(view);
  }
}
