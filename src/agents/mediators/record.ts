import type { Domain, Outcome } from '../../core/domain.js';
import type { Answer } from '../../protocols/events.js';
import type { Position } from '../../protocols/position.js';
import type { AgentView } from '../../protocols/agent.js';
import { unseen } from '../adapters/view-reading.js';
import { OpponentModels } from '../opponent-model.js';

export interface Response {
  readonly party: string;
  readonly answer: Answer;
  readonly amendments?: Outcome;
  readonly reason?: string;
  readonly position?: Position;
}

/** One text a mediator tabled and the answers it drew. */
export interface TabledRound {
  readonly proposal: string;
  readonly text: Outcome;
  readonly to: readonly string[];
  readonly responses: Map<string, Response>;
}

/**
 * What a mediator has learnt from the talks so far: every text tabled (by anyone it can
 * see) with the answers, and a frequency model of each party built from those answers.
 * Everything here comes from the events the mediator may see, never from private data.
 */
export class MediationRecord {
  readonly rounds: TabledRound[] = [];
  readonly models: OpponentModels;
  /** Rounds held (no new text) since the last text was tabled. */
  holdsSinceText = 0;
  private lastSeq = -1;
  private read = 0;

  constructor(readonly domain: Domain) {
    this.models = new OpponentModels(domain);
  }

  sync(view: AgentView): void {
    for (const e of unseen(view.events, this.read, this.lastSeq)) {
      this.lastSeq = e.seq;
      switch (e.kind) {
        case 'text-tabled':
          this.rounds.push({ proposal: e.proposal, text: e.text, to: view.parties, responses: new Map() });
          this.holdsSinceText = 0;
          break;
        case 'held':
          this.holdsSinceText++;
          break;
        case 'package-tabled':
          this.tabledTo(e.proposal, e.text, e.party);
          break;
        case 'text-response':
        case 'package-response':
          this.respond(e.proposal, {
            party: e.party,
            answer: e.answer,
            amendments: e.amendments,
            reason: e.reason,
            position: e.position,
          });
          break;
        default:
          break;
      }
    }
    this.read = view.events.length;
  }

  get current(): TabledRound | undefined {
    return this.rounds[this.rounds.length - 1];
  }

  /** Whether every party the current text went to has answered it. */
  get answered(): boolean {
    const c = this.current;
    return c !== undefined && c.to.every((p) => c.responses.has(p));
  }

  /** Every text tabled so far, as keys, so a mediator does not table the same one twice. */
  triedKeys(): Set<string> {
    return new Set(this.rounds.map((r) => outcomeKey(r.text)));
  }

  private tabledTo(proposal: string, text: Outcome, party: string): void {
    const existing = this.rounds.find((r) => r.proposal === proposal);
    if (existing) {
      if (!existing.to.includes(party)) (existing.to as string[]).push(party);
    } else {
      this.rounds.push({ proposal, text, to: [party], responses: new Map() });
      this.holdsSinceText = 0;
    }
  }

  private respond(proposal: string, response: Response): void {
    const round = this.rounds.find((r) => r.proposal === proposal);
    if (!round) return;
    round.responses.set(response.party, response);
    const model = this.models.of(response.party);
    if (response.answer === 'accept') model.observeOffer(round.text);
    if (response.answer === 'amend' && response.amendments) {
      model.observeAmendments(response.amendments);
      model.observeOffer({ ...round.text, ...response.amendments });
    }
  }
}

export function outcomeKey(o: Outcome): string {
  return JSON.stringify(
    Object.keys(o)
      .sort()
      .map((k) => [k, o[k]]),
  );
}

/** Score of a text by its answers: an accept counts 1, an amendment less the more it asks. */
export function responseScore(round: TabledRound): number {
  let score = 0;
  for (const r of round.responses.values()) {
    if (r.answer === 'accept') score += 1;
    else if (r.answer === 'amend') score += 0.5 / (1 + Object.keys(r.amendments ?? {}).length);
  }
  return score;
}
