import type { Domain, Outcome } from '../core/domain.js';
import type { Party } from '../core/party.js';
import { Random } from '../core/random.js';
import type { ProtocolEvent } from '../protocols/events.js';
import { continuesFrom, unseen } from './adapters/view-reading.js';
import type { AgentView } from '../protocols/agent.js';
import { OpponentModels } from './opponent-model.js';
import { OwnPreferences } from './preferences.js';
import type { Strategy, StrategyContext, StrategyEvent } from './strategy.js';

/**
 * A strategy with everything it decides from: own preferences, models of the others and
 * a seeded random source. Feeds it the new events of each view once, whatever the protocol.
 */
export class Negotiator {
  readonly prefs: OwnPreferences;
  readonly opponents: OpponentModels;
  readonly random: Random;
  private lastSeq = -1;
  private read = 0;
  private proposal: Outcome | null | undefined = undefined;
  private t = 0;

  constructor(
    readonly strategy: Strategy,
    readonly party: string,
    domain: Domain,
    self: Party,
    seed: number,
  ) {
    this.prefs = new OwnPreferences(domain, self);
    this.opponents = new OpponentModels(domain);
    this.random = new Random(seed);
  }

  // Made once: a closure made per call costs a wrapper in the hot loop of every decision.
  private readonly next = (): Outcome | null => this.propose();
  /** The context at the current time, made once per time step (a context is never changed once handed out). */
  private ctx: StrategyContext | undefined = undefined;

  get context(): StrategyContext {
    let ctx = this.ctx;
    if (ctx === undefined || ctx.t !== this.t)
      this.ctx = ctx = {
        t: this.t,
        prefs: this.prefs,
        opponents: this.opponents,
        random: this.random,
        next: this.next,
      };
    return ctx;
  }

  /** Brings preferences, time and models up to date with the view; `onEvent` sees each new event. */
  sync(view: AgentView, onEvent?: (event: ProtocolEvent) => void): void {
    if (view.self) this.prefs.update(view.self);
    this.t = this.strategy.time ? this.strategy.time(view) : view.progress;
    this.proposal = undefined;
    // As `unseen` reads them, by index: a copy of the new events each turn is an allocation in every decision.
    const events = view.events;
    if (continuesFrom(events, this.read, this.lastSeq))
      for (let i = this.read; i < events.length; i++) this.take(events[i]!, onEvent);
    else for (const event of unseen(events, this.read, this.lastSeq)) this.take(event, onEvent);
    this.read = events.length;
  }

  private take(event: ProtocolEvent, onEvent: ((event: ProtocolEvent) => void) | undefined): void {
    this.lastSeq = event.seq;
    onEvent?.(event);
    const e = this.strategyEvent(event);
    if (e) this.observe(e);
  }

  observe(event: StrategyEvent): void {
    this.proposal = undefined;
    const ctx = this.context;
    if (event.kind === 'received') this.opponents.of(event.from).observeOffer(event.outcome);
    if (event.kind === 'amended') this.opponents.of(event.from).observeAmendments(event.amendments);
    this.strategy.observe(event, ctx);
  }

  /** The strategy's proposal, computed once until the next new event or time step. */
  propose(): Outcome | null {
    if (this.proposal === undefined)
      this.proposal = this.strategy.propose({
        t: this.t,
        prefs: this.prefs,
        opponents: this.opponents,
        random: this.random,
      });
    return this.proposal;
  }

  accepts(offer: Outcome): boolean {
    return this.strategy.accepts(offer, this.context);
  }

  /** What a protocol event tells a negotiator about the others or about its own moves. */
  private strategyEvent(event: ProtocolEvent): StrategyEvent | null {
    const t = this.t;
    switch (event.kind) {
      case 'offer':
        return event.party === this.party
          ? { kind: 'sent', outcome: event.outcome, t }
          : { kind: 'received', from: event.party, outcome: event.outcome, t };
      case 'text-tabled':
      case 'package-revised':
        return { kind: 'tabled', from: event.kind === 'text-tabled' ? event.actor : event.by, outcome: event.text, t };
      case 'package-tabled':
        return event.party === this.party ? { kind: 'tabled', from: event.actor, outcome: event.text, t } : null;
      case 'text-response':
      case 'package-response':
        if (event.party === this.party || event.answer !== 'amend' || !event.amendments) return null;
        return { kind: 'amended', from: event.party, amendments: event.amendments, t };
      default:
        return null;
    }
  }
}
