import type { Domain } from '../core/domain.js';
import type { Party } from '../core/party.js';
import { withEffects } from '../core/timeline.js';
import type { BaseState } from '../protocols/base.js';
import { progressOf } from '../protocols/base.js';
import type { ProtocolEvent } from '../protocols/events.js';
import { roleMap } from '../protocols/roles.js';
import { actingRoles, seatOf, type Seat } from '../protocols/seats.js';
import type { Expectation, NegotiationSetup } from '../protocols/types.js';
import { visibleTo } from '../protocols/visibility.js';
import type { AgentView } from '../protocols/agent.js';

export { actingRoles, seatOf, type Seat } from '../protocols/seats.js';

/**
 * Keeps, per seat, the events it may see, in order, as the log grows: the one place the
 * runner turns the full log into what a role receives.
 */
export class ViewBook {
  private readonly seen = new Map<string, ProtocolEvent[]>();
  /** A copy per role, made again only after new events reach it (not frozen: freezing cost more than the copy). */
  private readonly snapshots = new Map<string, readonly ProtocolEvent[]>();
  private readonly seats = new Map<string, Seat>();
  /** Each seat with its list of seen events, for `record`, which runs for every event (no Map iterator). */
  private readonly lists: { readonly seat: Seat; readonly seen: ProtocolEvent[] }[] = [];
  private readonly seeds = new Map<string, number>();
  private readonly partyByName: ReadonlyMap<string, Party>;
  private readonly currentParties = new Map<string, { effects: BaseState['effects']; party: Party | undefined }>();
  /** Preferences each mediator has been told by a delegation (`share-preferences`), last word per party. */
  private readonly told = new Map<string, Record<string, Party>>();

  constructor(
    private readonly setup: NegotiationSetup,
    parties: readonly Party[],
    private readonly revealToMediators: readonly string[],
  ) {
    this.partyByName = new Map(parties.map((p) => [p.name, p]));
    const map = roleMap(setup);
    for (const role of actingRoles(setup)) {
      const seat = seatOf(setup, role, map);
      const seen: ProtocolEvent[] = [];
      this.seats.set(role, seat);
      this.seen.set(role, seen);
      this.lists.push({ seat, seen });
    }
  }

  record(event: ProtocolEvent): void {
    for (let i = 0; i < this.lists.length; i++) {
      const { seat, seen } = this.lists[i]!;
      if (!visibleTo(event, seat.viewer)) continue;
      const role = seat.role;
      seen.push(event);
      this.snapshots.delete(role);
      if (event.kind === 'preferences-shared' && seat.kind === 'mediator')
        this.told.set(role, { ...this.told.get(role), [event.party]: event.preferences });
    }
  }

  /** What a role has seen so far; a view never changes after it was handed out. */
  eventsOf(role: string): readonly ProtocolEvent[] {
    let snapshot = this.snapshots.get(role);
    if (!snapshot) {
      snapshot = (this.seen.get(role) ?? []).slice();
      this.snapshots.set(role, snapshot);
    }
    return snapshot;
  }

  /** The party as it stands after the fired effects; recomputed only when effects fire. */
  private current(name: string, effects: BaseState['effects']): Party | undefined {
    const cached = this.currentParties.get(name);
    if (cached && cached.effects === effects) return cached.party;
    const base = this.partyByName.get(name);
    const party = base && withEffects(base, effects);
    this.currentParties.set(name, { effects, party });
    return party;
  }

  /**
   * Called once per turn of every agent: no closures here, and nothing recomputed that did
   * not change. `live` hands out the role's growing event list itself, not a copy: only for
   * an agent that reads the view during its turn and keeps nothing of it.
   */
  view(state: BaseState, expectation: Expectation, live = false): AgentView {
    const seat = this.seats.get(expectation.role) ?? seatOf(this.setup, expectation.role);
    const revealed: Record<string, Party> = {};
    if (seat.kind === 'mediator') {
      for (const name of this.revealToMediators) {
        const party = this.current(name, state.effects);
        if (party) revealed[name] = party;
      }
      // What a party chose to tell the mediators is its word on itself: it replaces the run option's.
      Object.assign(revealed, this.told.get(seat.role));
    }
    return {
      role: seat.role,
      party: seat.party,
      kind: seat.kind,
      domain: this.setup.domain as Domain,
      parties: this.setup.parties,
      now: state.now,
      round: state.round,
      deadline: state.deadline,
      progress: progressOf(state),
      expectation,
      events: live ? (this.seen.get(seat.role) ?? []) : this.eventsOf(seat.role),
      self: seat.party !== undefined ? this.current(seat.party, state.effects) : undefined,
      revealed,
      seed: this.seedOf(seat.role),
    };
  }

  private seedOf(role: string): number {
    let seed = this.seeds.get(role);
    if (seed === undefined) this.seeds.set(role, (seed = roleSeed(this.setup.seed, role)));
    return seed;
  }
}

/** Each role gets its own seed, fixed by the session seed and its name. */
export function roleSeed(seed: number, role: string): number {
  let h = seed >>> 0;
  for (let i = 0; i < role.length; i++) h = Math.imul(h ^ role.charCodeAt(i), 0x01000193) >>> 0;
  return h;
}
