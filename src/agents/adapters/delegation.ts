import type { Outcome } from '../../core/domain.js';
import type { Action } from '../../protocols/types.js';
import type { Agent, AgentView } from '../../protocols/agent.js';
import type { Negotiator } from '../negotiator.js';
import type { ParamReader } from '../params.js';
import { amendmentsFor } from './amendments.js';
import { crossedLines, positionStatement, statementPosition } from './statements.js';
import { renderPosition } from '../../protocols/position.js';
import { consultedText, floorOpen } from './floor.js';
import { Restatement } from './restatement.js';
import { proposalOutcome } from './view-reading.js';
import type { ProtocolEvent } from '../../protocols/events.js';

/** How a delegation behaves at the table, apart from its strategy. */
export interface DelegationOptions {
  readonly maxAmendments: number;
  readonly care: number;
  /** Hours between consultations with the decision body (0: only when a package is close). */
  readonly consultEvery: number;
  readonly consultHours: number;
  /** A package within this much of acceptable is worth consulting on before answering. */
  readonly consultMargin: number;
  /** Hours between public statements; 0 for none. */
  readonly statementEvery: number;
}

export function readDelegationOptions(params: ParamReader): DelegationOptions {
  return {
    maxAmendments: params.number('maxAmendments', 2, { min: 1 }),
    care: params.number('care', 0.5, { min: 0 }),
    consultEvery: params.number('consultEvery', 0, { min: 0 }),
    consultHours: params.number('consultHours', 12, { min: 0 }),
    consultMargin: params.number('consultMargin', 0.05, { min: 0, max: 1 }),
    statementEvery: params.number('statementEvery', 24, { min: 0 }),
  };
}

/**
 * A party's delegation, in any protocol: it reads what the protocol expects of it and
 * answers with its strategy. SAOP: accept the standing offer or counter. Single text and
 * shuttle: accept, amend or reject the text. Shuttle: adjourn to consult, return on time.
 */
export class DelegationAgent implements Agent {
  private lastStatement = -Infinity;
  private lastConsult = 0;
  private lastNow = 0;
  /** Return time while adjourned, else null. */
  private away: number | null = null;
  /** The clock step seen between views, to come back before a step carries past the return time. */
  private step = 0;
  private readonly consulted = new Set<string>();
  /** Red-line issues this delegation has asked the mediators to change. */
  private readonly askedLines = new Set<string>();
  private readonly texts = new Map<string, Outcome>();
  private readonly restatement = new Restatement();
  /** Made once: a closure made per turn is an allocation in every decision. */
  private readonly onEvent = (e: ProtocolEvent) => this.track(e);

  constructor(
    readonly role: string,
    readonly party: string,
    private readonly negotiator: Negotiator,
    private readonly options: DelegationOptions,
  ) {}

  act(view: AgentView): Action | null {
    this.negotiator.sync(view, this.onEvent);
    const may = view.expectation.may;
    if (view.now > this.lastNow) [this.step, this.lastNow] = [view.now - this.lastNow, view.now];
    const away = this.away;
    if (away !== null)
      return may.includes('return') && this.timeToReturn(view.now, away) ? { kind: 'return', actor: this.role } : null;
    const statement = this.statement(view);
    if (statement) return statement;
    if (may.includes('offer')) return this.offerMove(view);
    if (may.includes('accept') || may.includes('amend') || may.includes('reject')) return this.answer(view);
    return null;
  }

  /** Follows its adjournments (its own or a mediator's) and returns as the events report them. */
  private track(e: ProtocolEvent): void {
    // A mediator may send it away too, with every party it names.
    if (e.kind === 'talks-adjourned' && e.parties.includes(this.party)) this.away = e.until;
    if (!('party' in e) || e.party !== this.party) return;
    if (e.kind === 'adjourned') this.away = e.until;
    if (e.kind === 'returned' || e.kind === 'return-missed') this.away = null;
    if (e.kind === 'package-tabled' || e.kind === 'package-revised') this.texts.set(e.proposal, e.text);
    // Its decision body refused: what it accepted is below the bar it must meet.
    const refused = e.kind === 'ratification-refused' ? this.texts.get(e.proposal) : undefined;
    if (refused) this.negotiator.prefs.raiseFloor(this.negotiator.prefs.utility(refused));
  }

  /** Back by the stated time: now, or before the next clock step would carry past it. */
  private timeToReturn(now: number, until: number): boolean {
    return now >= until || (this.step > 0 && now + this.step > until);
  }

  private offerMove(view: AgentView): Action | null {
    const may = view.expectation.may;
    const standing = may.includes('accept') ? proposalOutcome(view, view.expectation.proposal) : null;
    if (standing && this.acceptsNow(standing))
      return { kind: 'accept', actor: this.role, proposal: view.expectation.proposal! };
    const next = this.negotiator.propose();
    if (next) return { kind: 'offer', actor: this.role, outcome: next };
    return may.includes('end')
      ? { kind: 'end', actor: this.role, reason: `nothing in reach meets ${this.party}'s minimum` }
      : null;
  }

  /**
   * Never accepts what crosses its red lines or falls below its walk-away value as they
   * stand now (after outside events), whatever its strategy would do.
   */
  private acceptsNow(text: Outcome): boolean {
    return this.negotiator.prefs.acceptable(text) && this.negotiator.accepts(text);
  }

  private answer(view: AgentView): Action | null {
    const proposal = view.expectation.proposal;
    const text = proposalOutcome(view, proposal);
    if (!proposal || !text) return null;
    const consult = this.consultation(view, proposal, text);
    if (consult) return consult;
    const may = view.expectation.may;
    if (may.includes('accept') && this.acceptsNow(text)) return { kind: 'accept', actor: this.role, proposal };
    const lines = crossedLines(this.negotiator.prefs, text);
    // A red line already asked for and still crossed: the mediators were told, so say no.
    const ignored = lines.filter((l) => this.askedLines.has(l.issue));
    const wanted = amendmentsFor(text, this.negotiator, {
      maxIssues: this.options.maxAmendments,
      care: this.options.care,
    });
    const named = [...lines.map((l) => l.issue), ...Object.keys(wanted ?? {})];
    if (wanted && may.includes('amend') && (ignored.length === 0 || !may.includes('reject'))) {
      this.restatement.remember(proposal, text, named);
      for (const line of lines) if (line.issue in wanted) this.askedLines.add(line.issue);
      this.negotiator.observe({ kind: 'sent', outcome: { ...text, ...wanted }, t: view.progress });
      const below = this.negotiator.prefs.utility(text) < this.negotiator.prefs.reservation - 1e-12;
      const position = lines.length || below ? { redLines: lines, belowWalkAway: below || undefined } : undefined;
      return { kind: 'amend', actor: this.role, proposal, amendments: wanted, position };
    }
    if (!may.includes('reject')) return null;
    this.restatement.remember(proposal, text, named);
    const prefs = this.negotiator.prefs;
    const position = {
      redLines: lines,
      asks: wanted ?? undefined,
      belowWalkAway: prefs.utility(text) < prefs.reservation - 1e-12 || undefined,
    };
    return {
      kind: 'reject',
      actor: this.role,
      proposal,
      reason: renderPosition(this.party, position, 'response'),
      position,
    };
  }

  /** Adjourns to consult the decision body when it is time, or when a package comes close. */
  private consultation(view: AgentView, proposal: string, text: Outcome): Action | null {
    if (!view.expectation.may.includes('adjourn') || this.consulted.has(proposal)) return null;
    const prefs = this.negotiator.prefs;
    const next = this.negotiator.propose();
    const bar = next ? prefs.utility(next) : prefs.floor;
    const close = !prefs.crossesRedLines(text) && prefs.utility(text) >= bar - this.options.consultMargin;
    const due = this.options.consultEvery > 0 && view.now - this.lastConsult >= this.options.consultEvery;
    // Not back to back: a close package is worth a journey only after some time at the table.
    const rested = this.consulted.size === 0 || view.now - this.lastConsult >= 2 * this.options.consultHours;
    if (!(close && rested) && !due) return null;
    this.consulted.add(proposal);
    this.lastConsult = view.now;
    return {
      kind: 'adjourn',
      actor: this.role,
      until: view.now + this.options.consultHours,
      reason: `${this.party} consults its leadership on ${proposal}`,
    };
  }

  private statement(view: AgentView): Action | null {
    // A statement uses the turn, so it is made only when nothing awaits an answer.
    if (!view.expectation.may.includes('statement') || view.expectation.proposal !== undefined) return null;
    if (floorOpen(view)) return this.restate(view);
    const every = this.options.statementEvery;
    if (every <= 0) return null;
    if (this.lastStatement > -Infinity && view.now - this.lastStatement < every) return null;
    const position = this.negotiator.propose();
    if (!position) return null;
    this.lastStatement = view.now;
    const stated = statementPosition(this.negotiator, position);
    return {
      kind: 'statement',
      actor: this.role,
      text: positionStatement(this.party, this.negotiator, position),
      position: stated,
    };
  }

  /** After a hold or a consultation: says where it stands now if a text it turned down has come within reach, else nothing. */
  private restate(view: AgentView): Action | null {
    const prefs = this.negotiator.prefs;
    const moved = this.restatement.next(
      this.party,
      (text) => this.acceptsNow(text),
      (text) => prefs.utility(text),
      consultedText(view),
    );
    return moved && { kind: 'statement', actor: this.role, text: moved.text, position: moved.position };
  }
}
