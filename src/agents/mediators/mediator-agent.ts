import { Random } from '../../core/random.js';
import type { Action } from '../../protocols/types.js';
import type { Agent, AgentView } from '../../protocols/agent.js';
import type { MediatorPolicy } from './policies.js';
import { PartyModels } from './party-model.js';
import { MediationRecord } from './record.js';
import { relayMessage } from './relay.js';

/**
 * A mediator in single-text or shuttle talks: passes each party's answer on to the others
 * in neutral words (where the protocol has relays), and once a text has been answered by
 * everyone it was sent to, drafts and tables the next one with its policy.
 */
export class MediatorAgent implements Agent {
  private record: MediationRecord | null = null;
  private models: PartyModels | null = null;
  private readonly relayed = new Set<string>();
  private random: Random | null = null;
  /** When it last held: at most one hold per moment, so a live session's round passes only as its clock moves. */
  private heldAt: number | null = null;

  constructor(
    readonly role: string,
    private readonly policy: MediatorPolicy,
    /** A mediator that does not lead only relays; the lead tables texts. */
    private readonly lead: boolean,
  ) {}

  act(view: AgentView): Action | null {
    this.record ??= new MediationRecord(view.domain);
    this.random ??= new Random(view.seed);
    this.record.sync(view);
    this.models ??= new PartyModels(view.domain);
    this.models.sync(view);
    const may = view.expectation.may;
    if (may.includes('relay')) {
      const relay = this.nextRelay(view);
      if (relay) return relay;
    }
    if (!this.lead || !may.includes('table') || !this.mayTable(view)) return null;
    const choice = this.policy.next({ view, record: this.record, models: this.models, random: this.random });
    // Consulting the parties, where it may speak, on a turned-down text before tabling it again.
    if (choice.consult !== undefined && may.includes('statement'))
      return {
        kind: 'statement',
        actor: this.role,
        text: choice.consult,
        position: { asks: choice.consultOn ?? choice.text },
      };
    // Holding, where the protocol allows it, rather than tabling a turned-down text again.
    if (choice.hold !== undefined && may.includes('hold')) {
      if (this.heldAt === view.now) return null;
      this.heldAt = view.now;
      return { kind: 'hold', actor: this.role, reason: choice.hold };
    }
    return { kind: 'table', actor: this.role, text: choice.text, to: [], note: choice.note };
  }

  /** Table when nothing is on the table, or everyone has answered and someone did not accept. */
  private mayTable(view: AgentView): boolean {
    const record = this.record!;
    const current = record.current;
    if (!current) return true;
    if (this.lapsedOrRefused(view, current.proposal)) return true;
    if (!record.answered) return false;
    return [...current.responses.values()].some((r) => r.answer !== 'accept');
  }

  private lapsedOrRefused(view: AgentView, proposal: string): boolean {
    return view.events.some(
      (e) =>
        (e.kind === 'return-missed' && e.lapsed === proposal) ||
        (e.kind === 'ratification-refused' && e.proposal === proposal),
    );
  }

  /** The next answer to pass on; one a co-mediator already passed on in the same words is skipped. */
  private nextRelay(view: AgentView): Action | null {
    for (const e of view.events) if (e.kind === 'relayed') this.relayed.add(`${e.to}|${e.message}`);
    for (const round of this.record!.rounds) {
      for (const response of round.responses.values()) {
        const message = relayMessage(view.domain, round.proposal, response);
        for (const to of round.to) {
          const key = `${to}|${message}`;
          if (to === response.party || this.relayed.has(key)) continue;
          this.relayed.add(key);
          return { kind: 'relay', actor: this.role, to, message, about: round.proposal };
        }
      }
    }
    return null;
  }
}
