import { createAgent } from '../agents/index.js';
import { GeniusWebPartySeat } from '../geniusweb/party-seat.js';
import { isGeniusWebSeat, type SeatPlayer } from '../geniusweb/seat-spec.js';
import type { Agent } from '../protocols/agent.js';
import type { LiveSession } from './live-session.js';
import { actingSeats } from './spec.js';

/** Attempts a bot may make in a row when the protocol refuses them, as in `parley run`. */
const MAX_TRIES = 4;

/**
 * Plays the seats the convenor gave to bots. As in `parley run`, a bot is asked once per
 * clock round when the protocol waits for it; when the deadline counts rounds, also once
 * per protocol round, so that a bot answers a person at once. Its action ids follow from
 * the log's head, so two instances asking the same bot the same thing apply it once.
 */
export class BotDriver {
  private readonly agents = new Map<string, Agent>();
  /** Seats played by GeniusWeb parties over their WebSockets (src/geniusweb/). */
  private readonly parties = new Map<string, GeniusWebPartySeat>();
  private readonly asked = new Set<string>();
  private clockRound = -1;
  private round = -1;
  private running = false;
  private again = false;

  constructor(
    private readonly live: LiveSession,
    private readonly onError: (error: unknown) => void,
  ) {}

  /** Seats a bot, a GeniusWeb party or none on a role; an agent is built like `parley run` builds it. */
  set(role: string, spec: SeatPlayer | null): void {
    this.parties.get(role)?.close();
    this.parties.delete(role);
    if (spec === null || isGeniusWebSeat(spec)) {
      this.agents.delete(role);
      if (spec) this.seatParty(role, new GeniusWebPartySeat(this.live, role, spec, this.onError));
      return;
    }
    const { plan } = this.live;
    const seating = actingSeats(plan).find((s) => s.role === role);
    const party = seating?.party;
    const self = party === undefined ? undefined : plan.scenario.parties.find((p) => p.name === party);
    const lead = seating?.spec?.params?.lead;
    const params = lead !== undefined && spec.params?.lead === undefined ? { ...spec.params, lead } : spec.params;
    const agent = createAgent({ ...spec, params }, role, {
      kind: seating?.kind ?? 'delegation',
      domain: plan.scenario.domain,
      party,
      self,
    });
    this.agents.set(role, agent);
    this.asked.delete(role);
  }

  has(role: string): boolean {
    return this.agents.has(role) || this.parties.has(role);
  }

  /** Hangs up on every GeniusWeb party (the server closes). */
  close(): void {
    for (const party of this.parties.values()) party.close();
    this.parties.clear();
  }

  private seatParty(role: string, party: GeniusWebPartySeat): void {
    this.parties.set(role, party);
    party.start();
  }

  poke(): void {
    for (const party of this.parties.values()) party.poke();
    // Every commit pokes: a session whose seats are all played by clients has nothing to look at.
    if (this.agents.size === 0) return;
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = true;
    void this.loop()
      .catch(this.onError)
      .finally(() => {
        this.running = false;
        if (this.again) {
          this.again = false;
          this.poke();
        }
      });
  }

  private newRound(): void {
    const { state } = this.live;
    const clockRound = Math.floor(state.now / this.live.hoursPerRound + 1e-9);
    const round = state.deadline.rounds !== undefined ? state.round : 0;
    if (clockRound !== this.clockRound || round !== this.round) this.asked.clear();
    this.clockRound = clockRound;
    this.round = round;
  }

  private async loop(): Promise<void> {
    for (;;) {
      if (this.live.isOver()) return;
      this.newRound();
      const next = this.live.expected().find((e) => this.agents.has(e.role) && !this.asked.has(e.role));
      if (!next) return;
      this.asked.add(next.role);
      const agent = this.agents.get(next.role)!;
      for (let tries = 0; tries < MAX_TRIES; tries++) {
        const action = agent.act(this.live.agentView(next));
        if (action === null) break;
        const answer = await this.live.act(next.role, `bot:${next.role}:${this.live.headSeq}:${tries}`, action);
        if (answer.accepted) break;
      }
    }
  }
}
