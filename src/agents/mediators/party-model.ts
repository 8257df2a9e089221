import type { Domain, Outcome } from '../../core/domain.js';
import { issueSize, type Value } from '../../core/issue.js';
import type { Effect } from '../../core/timeline.js';
import type { AgentView, VisibleEvent } from '../../protocols/agent.js';
import type { Position, StatedRedLine } from '../../protocols/position.js';
import { positionIssues } from '../../protocols/position.js';
import { unseen } from '../adapters/view-reading.js';
import { positionOf } from './texts.js';

/** What a mediator knows of one party, from what the party said and did at the table. */
export interface PartyKnowledge {
  readonly party: string;
  /** Red lines the party stated (in a response or a statement) or an outside event added, by id. */
  readonly redLines: Map<string, StatedRedLine>;
  /** Per issue, per value position: how strongly the party showed it wants that value. */
  readonly likes: Float64Array[];
  /** Per issue, per value position: how often the party objected to a text holding that value. */
  readonly dislikes: Float64Array[];
  /** Per issue: how often the party asked for or objected on it. */
  readonly attention: Float64Array;
  /** The values the party asked for most recently, by issue. */
  lastAsks: Readonly<Record<string, Value>>;
  /** Texts the party said were worth less to it than no agreement. */
  readonly belowWalkAway: Outcome[];
  /** Texts the party accepted. */
  readonly accepted: Outcome[];
  /** What changed for this party (an outside event, a red line, its walk-away value), in order. */
  readonly changes: string[];
  /** Every answer the party gave to a text, in order: what it revealed of its position each time. */
  readonly answers: Answered[];
}

/**
 * What a party revealed of its position at one moment: it accepted a text, answered one
 * otherwise with the values it asked for, or stated the values it asks for now.
 */
export type Answered =
  | { readonly kind: 'accepted'; readonly proposal: string; readonly text: Outcome }
  | { readonly kind: 'answered'; readonly proposal: string; readonly asks: Readonly<Record<string, Value>> }
  | { readonly kind: 'stated'; readonly asks: Readonly<Record<string, Value>> };

/** A text that was not accepted, and what each party that turned it down objected to. */
export interface TurnedDown {
  readonly proposal: string;
  readonly text: Outcome;
  /** Issues each objecting party named (red lines, asks, objections); empty: the whole text. */
  readonly objected: Map<string, readonly string[]>;
  /** The values each objecting party asked for instead. */
  readonly asks: Map<string, Readonly<Record<string, Value>>>;
  /** How many changes each party, and the talks as a whole, had seen when it was turned down. */
  readonly versions: Map<string, number>;
  /** How many answers each objecting party had given when it turned the text down. */
  readonly answersBefore: Map<string, number>;
  readonly talksVersion: number;
}

function emptyKnowledge(domain: Domain, party: string): PartyKnowledge {
  return {
    party,
    redLines: new Map(),
    likes: domain.issues.map((i) => new Float64Array(issueSize(i))),
    dislikes: domain.issues.map((i) => new Float64Array(issueSize(i))),
    attention: new Float64Array(domain.issues.length),
    lastAsks: {},
    belowWalkAway: [],
    accepted: [],
    changes: [],
    answers: [],
  };
}

/**
 * A mediator's model of the parties, built only from the events its seat receives:
 * stated red lines, the values each party asked for, the texts it accepted or turned
 * down and why, and the outside events the mediator was told of. It never reads a
 * party's profile.
 */
export class PartyModels {
  readonly parties = new Map<string, PartyKnowledge>();
  readonly turnedDown: TurnedDown[] = [];
  /** Changes to the talks as a whole (outside events, moved deadlines). */
  readonly talksChanges: string[] = [];
  /** Every text tabled so far, by proposal id (revised texts under their revision). */
  readonly tabled = new Map<string, Outcome>();
  private lastSeq = -1;
  private read = 0;

  constructor(readonly domain: Domain) {}

  of(party: string): PartyKnowledge {
    let k = this.parties.get(party);
    if (!k) this.parties.set(party, (k = emptyKnowledge(this.domain, party)));
    return k;
  }

  sync(view: AgentView): void {
    for (const party of view.parties) this.of(party);
    for (const e of unseen(view.events, this.read, this.lastSeq)) {
      this.lastSeq = e.seq;
      this.learn(e);
    }
    this.read = view.events.length;
  }

  /** Every red line the mediator has been told of, with the party that holds it. */
  knownLines(): { party: string; line: StatedRedLine }[] {
    return [...this.parties.values()].flatMap((k) =>
      [...k.redLines.values()].map((line) => ({ party: k.party, line })),
    );
  }

  private learn(e: VisibleEvent): void {
    switch (e.kind) {
      case 'text-tabled':
      case 'package-tabled':
      case 'package-revised':
        this.tabled.set(e.proposal, e.text);
        return;
      case 'text-response':
      case 'package-response':
        return this.respond(e.proposal, e.party, e.answer, e.amendments, e.position);
      case 'statement': {
        if (e.party !== undefined && e.position) this.stated(e.party, e.position);
        return;
      }
      case 'outside-event':
        this.talksChanges.push(`outside event "${e.title}"`);
        for (const effect of e.effects) this.applyEffect(effect, e.title);
        return;
      case 'ratification-refused': {
        // Its decision body sent the text back: the whole text is turned down for that party.
        const text = this.tabled.get(e.proposal);
        if (text) this.recordTurnedDown(e.proposal, text, e.party, []);
        return;
      }
      case 'deadline-moved':
        this.talksChanges.push(`the deadline moved (${e.cause})`);
        return;
      default:
        return;
    }
  }

  /**
   * A public statement states the party's whole set of red lines as it stands now, and the
   * values it asks for now: these count as its answer of the moment (a concession when they
   * take a turned-down text's value on an issue the party objected to).
   */
  private stated(party: string, position: Position): void {
    const k = this.of(party);
    if (position.redLines) {
      // Learning a line not heard before changes nothing; dropping or moving a stated one does.
      const now = new Map(position.redLines.map((l) => [l.id, JSON.stringify(l)]));
      const moved = [...k.redLines.values()].filter((l) => now.get(l.id) !== JSON.stringify(l)).map((l) => l.id);
      k.redLines.clear();
      for (const line of position.redLines) k.redLines.set(line.id, line);
      if (moved.length)
        k.changes.push(
          `${party} no longer states its red line${moved.length > 1 ? 's' : ''} ${moved.join(', ')} as before`,
        );
    }
    this.learnAsks(k, position.asks ?? {}, 0.5);
    if (position.asks && Object.keys(position.asks).length) {
      k.lastAsks = { ...k.lastAsks, ...position.asks };
      k.answers.push({ kind: 'stated', asks: position.asks });
    }
  }

  private applyEffect(effect: Effect, title: string): void {
    if (effect.kind === 'deadline') return;
    const k = this.of(effect.party);
    switch (effect.kind) {
      case 'add-red-line':
        k.redLines.set(effect.redLine.id, effect.redLine);
        k.changes.push(`"${title}" added ${effect.party}'s red line ${effect.redLine.id}`);
        return;
      case 'remove-red-line':
        k.redLines.delete(effect.id);
        k.changes.push(`"${title}" removed ${effect.party}'s red line ${effect.id}`);
        return;
      case 'reservation':
        k.changes.push(`"${title}" moved ${effect.party}'s walk-away value`);
        return;
      case 'weight':
        k.changes.push(`"${title}" changed how much ${effect.party} weighs ${effect.issue}`);
        return;
    }
  }

  private respond(
    proposal: string,
    party: string,
    answer: 'accept' | 'reject' | 'amend',
    amendments: Readonly<Record<string, Value>> | undefined,
    position: Position | undefined,
  ): void {
    const text = this.tabled.get(proposal);
    const k = this.of(party);
    if (!text) return;
    if (answer === 'accept') {
      k.accepted.push(text);
      k.answers.push({ kind: 'accepted', proposal, text });
      this.learnAsks(k, text, 0.25);
      return;
    }
    for (const line of position?.redLines ?? []) k.redLines.set(line.id, line);
    const asks = { ...(position?.asks ?? {}), ...(amendments ?? {}) };
    this.learnAsks(k, asks, 1);
    if (Object.keys(asks).length) k.lastAsks = asks;
    const objected = [...new Set([...positionIssues(position), ...Object.keys(asks)])];
    this.learnObjections(k, text, objected);
    if (position?.belowWalkAway) k.belowWalkAway.push(text);
    this.recordTurnedDown(proposal, text, party, objected, asks);
    k.answers.push({ kind: 'answered', proposal, asks });
  }

  private learnAsks(k: PartyKnowledge, asks: Readonly<Record<string, Value>>, strength: number): void {
    this.domain.issues.forEach((issue, i) => {
      const v = asks[issue.name];
      if (v === undefined) return;
      const p = positionOf(issue, v);
      if (p < 0) return;
      const likes = k.likes[i]!;
      // Numeric issues are ordered: wanting a value says something of its neighbours too.
      const spread = issue.kind === 'discrete' ? 0 : likes.length;
      for (let j = 0; j < likes.length; j++) {
        const d = Math.abs(j - p);
        if (d === 0) likes[j]! += strength;
        else if (d <= spread) likes[j]! += strength * Math.pow(0.5, d);
      }
      if (strength >= 1) k.attention[i]! += 1;
    });
  }

  private learnObjections(k: PartyKnowledge, text: Outcome, objected: readonly string[]): void {
    this.domain.issues.forEach((issue, i) => {
      if (!objected.includes(issue.name)) return;
      const p = positionOf(issue, text[issue.name]!);
      if (p >= 0) k.dislikes[i]![p]! += 1;
      k.attention[i]! += 0.5;
    });
  }

  private recordTurnedDown(
    proposal: string,
    text: Outcome,
    party: string,
    objected: readonly string[],
    asks: Readonly<Record<string, Value>> = {},
  ): void {
    let entry = this.turnedDown.find((t) => t.proposal === proposal);
    if (!entry) {
      entry = {
        proposal,
        text,
        objected: new Map(),
        asks: new Map(),
        versions: new Map(),
        answersBefore: new Map(),
        talksVersion: this.talksChanges.length,
      };
      this.turnedDown.push(entry);
    }
    entry.objected.set(party, objected);
    entry.asks.set(party, asks);
    entry.versions.set(party, this.of(party).changes.length);
    entry.answersBefore.set(party, this.of(party).answers.length);
  }
}
