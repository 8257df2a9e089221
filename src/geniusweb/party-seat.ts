import WebSocket from 'ws';
import type { Outcome } from '../core/domain.js';
import type { LiveSession } from '../host/live-session.js';
import type { ProtocolEvent } from '../protocols/events.js';
import { roleMap } from '../protocols/roles.js';
import type { Action } from '../protocols/types.js';
import {
  actionDoneMessage,
  finishedMessage,
  parsePartyAction,
  partyIds,
  settingsMessage,
  YOUR_TURN,
  type Json,
  type PartyAction,
} from './messages.js';
import { issueProfileSecret, revokeProfileSecrets } from './profile-secrets.js';
import { progressOf } from './progress.js';
import { DEFAULT_TURN_SECONDS, type GeniusWebSeat } from './seat-spec.js';

/** The path of a seat's profile socket on this server (the route in src/server/routes/geniusweb-profile.ts). */
export function profilePath(session: string, secret: string): string {
  return `/geniusweb/profiles/${encodeURIComponent(session)}/${secret}`;
}

function sameOutcome(a: Outcome, b: Outcome): boolean {
  const keys = Object.keys(a);
  return keys.length === Object.keys(b).length && keys.every((k) => a[k] === b[k]);
}

/**
 * One seat of a SAOP session played by a GeniusWeb party over its WebSocket. parley is
 * the party's protocol: it sends `Settings` (with a profile address it serves), an
 * `ActionDone` for every action the seat may see (its own too), `YourTurn` when the seat
 * has the move and `Finished` at the end; the party's `Offer` / `Accept` /
 * `EndNegotiation` go through the same path as any seat's action (checked by the
 * protocol, durable before anything follows). A party that cannot be reached, hangs up,
 * sends what is no SAOP action, has an action refused or stays silent past its turn
 * ends the talks for its seat on its turn, with the reason in the log.
 */
export class GeniusWebPartySeat {
  private socket: WebSocket | null = null;
  /** Visible events of the seat already told to the party. */
  private told = 0;
  private turnSent = false;
  /** The turns the party was told are its own (YourTurn), oldest first, each until it answers. */
  private readonly pending: number[] = [];
  private turnTimer: NodeJS.Timeout | null = null;
  /** Why the seat is to end the talks at its next turn; set once. */
  private failure: string | null = null;
  private ended = false;
  private finished = false;
  private closed = false;
  private inbox: Promise<unknown> = Promise.resolve();
  private readonly ids: ReadonlyMap<string, string>;
  private readonly turnMs: number;

  constructor(
    private readonly live: LiveSession,
    readonly role: string,
    private readonly spec: GeniusWebSeat,
    private readonly onError: (error: unknown) => void,
  ) {
    this.ids = partyIds(roleMap(live.state.setup).delegations);
    this.turnMs = (spec.turnSeconds ?? DEFAULT_TURN_SECONDS) * 1000;
  }

  /** Connects to the party unless the talks are over; Settings follow once the socket opens. */
  start(): void {
    if (this.live.isOver() || this.closed) return;
    const socket = new WebSocket(this.spec.geniuswebParty, { handshakeTimeout: this.turnMs, maxPayload: 1 << 20 });
    this.socket = socket;
    socket.on('open', () => {
      this.send(this.settings());
      this.poke();
    });
    socket.on('message', (data) => {
      this.inbox = this.inbox.then(() => this.onMessage(String(data))).catch(this.onError);
    });
    socket.on('error', (e) =>
      this.fail(`could not talk to the GeniusWeb party at ${this.spec.geniuswebParty}: ${e.message}`),
    );
    socket.on('close', () => this.fail(`the GeniusWeb party at ${this.spec.geniuswebParty} closed its connection`));
  }

  /** Stops talking to the party (its seat was taken back, or the server closes). */
  close(): void {
    this.closed = true;
    this.clearTimer();
    revokeProfileSecrets(this.live, this.role);
    this.socket?.close();
  }

  /** Looks at the session again: tells the party what happened, whose turn it is, or that it is over. */
  poke(): void {
    if (this.closed) return;
    this.forward();
    if (this.live.isOver()) return this.finish();
    if (!this.live.expected().some((e) => e.role === this.role)) return this.clearTimer();
    if (this.failure !== null) return void this.endTalks().catch(this.onError);
    if (this.socket?.readyState !== WebSocket.OPEN || this.turnSent) return;
    this.turnSent = true;
    this.pending.push(this.turnsTaken());
    this.send(YOUR_TURN);
    this.clearTimer();
    this.turnTimer = setTimeout(
      () => this.fail(`the GeniusWeb party did not act within ${this.turnMs / 1000} s of YourTurn`),
      this.turnMs,
    );
    this.turnTimer.unref();
  }

  private settings(): Json {
    const secret = issueProfileSecret(this.live, this.role);
    const base = (this.spec.profileServer ?? '').replace(/\/+$/, '');
    return settingsMessage({
      id: this.ids.get(this.role)!,
      profile: `${base}${profilePath(this.live.id, secret)}`,
      progress: progressOf(this.live, this.turnMs),
      parameters: (this.spec.parameters ?? {}) as Record<string, Json>,
    });
  }

  /** An ActionDone for every visible action not yet told; a new action opens a new turn. */
  private forward(): void {
    if (this.socket?.readyState !== WebSocket.OPEN) return;
    const events = this.live.book.eventsOf(this.role);
    for (; this.told < events.length; this.told++) {
      const action = this.partyActionOf(events[this.told]!, events);
      if (!action) continue;
      this.send(actionDoneMessage(action));
      this.turnSent = false;
    }
  }

  private partyActionOf(event: ProtocolEvent, events: readonly ProtocolEvent[]): PartyAction | null {
    switch (event.kind) {
      case 'offer':
        return { kind: 'Offer', actor: this.idOf(event.actor), bid: event.outcome };
      case 'accept': {
        const offer = events.find((e) => e.kind === 'offer' && e.proposal === event.proposal);
        return offer?.kind === 'offer' ? { kind: 'Accept', actor: this.idOf(event.actor), bid: offer.outcome } : null;
      }
      case 'walk-away':
        return { kind: 'EndNegotiation', actor: this.idOf(event.actor) };
      default:
        return null;
    }
  }

  private idOf(role: string): string {
    return this.ids.get(role) ?? role;
  }

  private finish(): void {
    this.clearTimer();
    if (this.finished) return;
    this.finished = true;
    const end = this.live.state.end;
    const agreements: Record<string, Outcome> = {};
    if (end?.reason === 'agreement' && end.outcome) for (const id of this.ids.values()) agreements[id] = end.outcome;
    this.send(finishedMessage(agreements));
    this.socket?.close(1000, 'finished');
  }

  private async onMessage(raw: string): Promise<void> {
    if (this.closed || this.failure !== null || this.live.isOver()) return;
    const parsed = parsePartyAction(raw);
    if ('error' in parsed) return this.fail(`the GeniusWeb party sent ${parsed.error}`);
    this.clearTimer();
    const action = this.actionOf(parsed);
    // A party answers each YourTurn with one action, in order: the answer is named by its
    // turn, so a turn is taken once however many connections (instances) answer it.
    // Anything more is named by the log's head (and refused: it is not the party's turn).
    const turn = this.pending.shift();
    const id = turn !== undefined ? `turn-${turn}` : `at-${this.live.headSeq}`;
    const answer = await this.live.act(this.role, `geniusweb:${this.role}:${id}`, action);
    if (!answer.accepted) this.fail(`the GeniusWeb party's ${parsed.kind} was refused: ${answer.reason}`);
  }

  /** The party's action as the protocol's; an actor other than its own id is kept, for the protocol to refuse. */
  private actionOf(a: PartyAction): Action {
    const actor = [...this.ids].find(([, id]) => id === a.actor)?.[0] ?? a.actor;
    if (a.kind === 'Offer') return { kind: 'offer', actor, outcome: a.bid };
    if (a.kind === 'EndNegotiation') return { kind: 'end', actor, reason: 'EndNegotiation from the GeniusWeb party' };
    const offers = this.live.book.eventsOf(this.role).filter((e) => e.kind === 'offer');
    const offer = offers.reverse().find((e) => e.kind === 'offer' && sameOutcome(e.outcome, a.bid));
    const proposal = offer?.kind === 'offer' ? offer.proposal : `(no offer of the bid ${JSON.stringify(a.bid)})`;
    return { kind: 'accept', actor, proposal };
  }

  /** Remembers why the seat must end the talks, stops listening to the party, and ends them if it has the move. */
  private fail(reason: string): void {
    if (this.closed || this.failure !== null || this.finished || this.live.isOver()) return;
    this.failure = reason;
    this.clearTimer();
    const socket = this.socket;
    if (socket && socket.readyState !== WebSocket.CLOSED) socket.close(1008, 'protocol error');
    this.poke();
  }

  private async endTalks(): Promise<void> {
    if (this.ended) return;
    this.ended = true;
    const reason = `GeniusWeb party: ${this.failure}`;
    const answer = await this.live.act(this.role, `geniusweb:${this.role}:end-${this.turnsTaken()}`, {
      kind: 'end',
      actor: this.role,
      reason,
    });
    if (!answer.accepted) this.onError(new Error(`the seat ${this.role} could not end the talks: ${answer.reason}`));
  }

  /** Turns taken so far in the talks: every offer and accept ends one. */
  private turnsTaken(): number {
    let turns = 0;
    for (const e of this.live.events) if (e.kind === 'offer' || e.kind === 'accept') turns++;
    return turns;
  }

  private send(message: Json): void {
    if (this.socket?.readyState === WebSocket.OPEN) this.socket.send(JSON.stringify(message));
  }

  private clearTimer(): void {
    if (this.turnTimer) clearTimeout(this.turnTimer);
    this.turnTimer = null;
  }
}
