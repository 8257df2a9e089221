import { randomBytes } from 'node:crypto';
import { ParleyError } from '../core/errors.js';
import type { AgentSpec } from '../core/scenario.js';
import { getProtocol } from '../protocols/index.js';
import { CONVENOR } from '../protocols/moves/close.js';
import { EVENT_LOG_VERSION, type LogHeader } from '../session/event-log.js';
import { setupOf } from '../session/runner.js';
import { hashSecret, NOTIFY_CHANNEL, type EventStore } from '../store/store.js';
import { checkGeniusWebSeat, isGeniusWebSeat, type SeatPlayer } from '../geniusweb/seat-spec.js';
import { BotDriver } from './bots.js';
import { SessionClock } from './clock.js';
import { eventLine, headerLine } from './lines.js';
import { LiveSession } from './live-session.js';
import { actingSeats, checkBotSpec, planOf, specOf, type CreateSession } from './spec.js';

export interface HostLimits {
  readonly maxSessions: number;
  readonly maxSeats: number;
  /**
   * Milliseconds an ended session rebuilt from the store for a request stays in memory once
   * nothing follows it (default 30 s); a session that ends while hosted leaves at once.
   */
  readonly unloadAfterMs?: number;
}

/** How long an ended session rebuilt for a request stays in memory, unless `HostLimits.unloadAfterMs` says otherwise. */
export const UNLOAD_AFTER_MS = 30_000;

/** The convenor's seat in every session: sees the whole log, manages seats and results, may close the talks. */
export { CONVENOR };

export interface SeatToken {
  readonly role: string;
  readonly kind: string;
  readonly token: string;
  readonly bot: AgentSpec | null;
}

export interface CreatedSession {
  readonly id: string;
  readonly seats: readonly SeatToken[];
}

/** A secret of 256 random bits, URL-safe. */
export function newSecret(): string {
  return randomBytes(32).toString('base64url');
}

interface Hosted {
  readonly live: LiveSession;
  readonly bots: BotDriver;
  readonly clock: SessionClock;
  /** Rebuilt from the store after it had ended (for a request): it stays for the grace period. */
  readonly endedBeforeLoad: boolean;
}

/**
 * Every hosted session of one server process: created here, rebuilt from the store on
 * start (timers re-armed, bots seated again), and on PostgreSQL kept in step with other
 * instances through LISTEN/NOTIFY.
 */
export class Host {
  private readonly hosted = new Map<string, Promise<Hosted>>();
  /** The sessions whose load has finished, for the unload timers (which must not wait). */
  private readonly loaded = new Map<string, Hosted>();
  private readonly unloadTimers = new Map<string, NodeJS.Timeout>();
  private listener: { end(): Promise<void> } | null = null;
  private closed = false;

  constructor(
    readonly store: EventStore,
    readonly limits: HostLimits,
    private readonly log: (message: string, error?: unknown) => void = () => undefined,
  ) {}

  /** Loads every stored session and, on PostgreSQL, listens for other instances' lines. */
  async start(): Promise<void> {
    if (this.store.dialect === 'postgres') await this.listen();
    // Ended sessions are only looked at (their timers need nothing) and leave memory at once.
    for (const id of await this.store.sessionIds()) {
      const hosted = await this.session(id);
      if (hosted.live.isOver()) this.unload(id, hosted);
    }
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const timer of this.unloadTimers.values()) clearTimeout(timer);
    this.unloadTimers.clear();
    for (const h of this.hosted.values()) {
      const hosted = await h.catch(() => null);
      hosted?.clock.stop();
      hosted?.bots.close();
    }
    await this.listener?.end();
  }

  /** The session, from memory or rebuilt from the store; NOT_FOUND when there is none. */
  async session(id: string): Promise<Hosted> {
    return this.hosted.get(id) ?? this.track(id, this.load(id));
  }

  /** Keeps a session being hosted in the map, and drops it again if hosting it fails. */
  private track(id: string, hosted: Promise<Hosted>): Promise<Hosted> {
    this.hosted.set(id, hosted);
    hosted.catch(() => this.hosted.delete(id));
    return hosted;
  }

  async live(id: string): Promise<LiveSession> {
    return (await this.session(id)).live;
  }

  /** Whether the session is in memory now (an ended one leaves after a grace period). */
  isLoaded(id: string): boolean {
    return this.hosted.has(id);
  }

  /**
   * An ended session leaves memory as soon as it is idle: no stream follows it and no
   * action is under way (looked at again when its last stream closes, and every period
   * until then). The log in the store is the truth; \`session()\` rebuilds it when it is asked
   * for again, and one rebuilt for a request that way stays for the grace period, so that
   * the requests that follow (results, reports, the log) find it in memory.
   */
  private scheduleUnload(id: string, hosted: Hosted, again = false): void {
    if (this.closed || this.unloadTimers.has(id) || !hosted.live.isOver()) return;
    const grace = this.limits.unloadAfterMs ?? UNLOAD_AFTER_MS;
    const timer = setTimeout(
      () => {
        this.unloadTimers.delete(id);
        if (this.loaded.get(id) !== hosted) return;
        if (!this.unload(id, hosted)) this.scheduleUnload(id, hosted, true);
      },
      again || hosted.endedBeforeLoad ? grace : 0,
    );
    timer.unref();
    this.unloadTimers.set(id, timer);
  }

  /** Drops the session from memory unless a stream follows it or an action is under way; true when dropped. */
  private unload(id: string, hosted: Hosted): boolean {
    const { live } = hosted;
    if (this.loaded.get(id) !== hosted || live.listening > 0 || live.busy) return false;
    clearTimeout(this.unloadTimers.get(id));
    this.unloadTimers.delete(id);
    hosted.clock.stop();
    hosted.bots.close();
    this.loaded.delete(id);
    this.hosted.delete(id);
    return true;
  }

  private async load(id: string): Promise<Hosted> {
    return this.host(id, await LiveSession.load(this.store, id, planOf), true);
  }

  /** Hosts a session in memory: its bots seated (read from the store when `withBots`), its clock armed. */
  private async host(id: string, live: LiveSession, withBots: boolean): Promise<Hosted> {
    const onError = (e: unknown) => this.log(`session ${id}`, e);
    const hosted: Hosted = {
      live,
      bots: new BotDriver(live, onError),
      clock: new SessionClock(live, onError),
      endedBeforeLoad: live.isOver(),
    };
    if (withBots)
      for (const seat of await this.store.seats(id))
        if (seat.bot) hosted.bots.set(seat.role, JSON.parse(seat.bot) as SeatPlayer);
    live.onChange = () => {
      if (this.closed || this.loaded.get(id) !== hosted) return;
      hosted.clock.arm();
      hosted.bots.poke();
      this.scheduleUnload(id, hosted);
    };
    live.onUnfollowed = () => {
      if (!hosted.endedBeforeLoad && live.isOver()) this.unload(id, hosted);
    };
    this.loaded.set(id, hosted);
    live.onChange();
    return hosted;
  }

  /** Sessions this process keeps running (loading, or loaded and not over); ended ones do not count. */
  private running(): number {
    let n = 0;
    for (const id of this.hosted.keys()) if (!this.loaded.get(id)?.live.isOver()) n++;
    return n;
  }

  async create(body: CreateSession): Promise<CreatedSession> {
    if (this.running() >= this.limits.maxSessions)
      throw new ParleyError(
        'PARLEY_E_LIMIT',
        `this server runs at most ${this.limits.maxSessions} sessions at once; one must end before another opens`,
      );
    const spec = specOf(body);
    const plan = planOf(spec);
    const setup = setupOf(plan.scenario, plan.deadline, plan.seed);
    const header: LogHeader = {
      type: 'header',
      version: EVENT_LOG_VERSION,
      scenario: plan.scenario.name,
      protocol: plan.protocol,
      seed: plan.seed,
      hoursPerRound: plan.hoursPerRound,
      setup,
    };
    const init = getProtocol(plan.protocol).init(setup);
    const roles = [
      { role: CONVENOR, kind: CONVENOR, spec: null as AgentSpec | null },
      ...actingSeats(plan).map((s) => ({ role: s.role, kind: s.kind as string, spec: s.spec })),
      ...plan.scenario.roles.observers.map((o) => ({ role: o.name, kind: 'observer', spec: null })),
    ];
    if (roles.length > this.limits.maxSeats)
      throw new ParleyError(
        'PARLEY_E_LIMIT',
        `a session has at most ${this.limits.maxSeats} seats; this one needs ${roles.length}`,
      );
    const bots = body.bots ?? {};
    for (const role of Object.keys(bots === 'all' ? {} : bots))
      if (!plan.seats.some((s) => s.role === role))
        throw new ParleyError(
          'PARLEY_E_USAGE',
          `no acting seat "${role}" for a bot; seats: ${plan.seats.map((s) => s.role).join(', ')}`,
        );
    const seats: SeatToken[] = roles.map((r) => ({
      role: r.role,
      kind: r.kind,
      token: newSecret(),
      bot: bots === 'all' ? (r.kind === CONVENOR || r.kind === 'observer' ? null : r.spec) : (bots[r.role] ?? null),
    }));
    const id = randomBytes(16).toString('base64url');
    const startedAt = Date.now();
    const lines = await this.store.createSession(
      { id, spec: JSON.stringify(spec), startedAt, released: false },
      seats.map((s) => ({
        session: id,
        role: s.role,
        kind: s.kind,
        tokenHash: hashSecret(s.token),
        bot: s.bot && JSON.stringify(s.bot),
      })),
      [headerLine(header), ...init.events.map(eventLine)],
    );
    // Hosted from what was just stored, not read back; unless something (another instance's
    // notice on PostgreSQL) asked for the session meanwhile and is loading it already.
    if (!this.hosted.has(id)) {
      const live = LiveSession.created(this.store, id, spec, plan, startedAt, lines);
      // Bots are read back as `load` reads them (in the store's order of seats), so that a
      // session behaves the same whether it was created here or rebuilt after a restart.
      const withBots = seats.some((s) => s.bot !== null);
      void this.track(id, this.host(id, live, withBots));
    }
    await this.session(id);
    return { id, seats };
  }

  /** Gives a seat to a bot or a GeniusWeb party, or takes it back (null). */
  async setBot(id: string, role: string, spec: SeatPlayer | null): Promise<void> {
    const hosted = await this.session(id);
    if (isGeniusWebSeat(spec)) checkGeniusWebSeat(hosted.live.plan, role);
    else if (spec) checkBotSpec(spec);
    if (!actingSeats(hosted.live.plan).some((s) => s.role === role))
      throw new ParleyError('PARLEY_E_USAGE', `"${role}" is not an acting seat; only acting seats take bots`);
    await this.store.setBot(id, role, spec && JSON.stringify(spec));
    hosted.bots.set(role, spec);
    hosted.bots.poke();
  }

  private async listen(): Promise<void> {
    const { default: pg } = await import('pg');
    const client = new pg.Client({ connectionString: this.store.location });
    await client.connect();
    client.on('notification', (n) => {
      const at = n.payload?.lastIndexOf(':') ?? -1;
      const id = n.payload?.slice(0, at);
      if (!id) return;
      // Our own commits come back too: catchUp skips a head that memory already has.
      const head = Number(n.payload!.slice(at + 1));
      void this.session(id)
        .then((h) => h.live.catchUp(Number.isInteger(head) ? head : Infinity))
        .catch((e: unknown) => this.log(`catching up session ${id}`, e));
    });
    client.on('error', (e) => this.log('PostgreSQL listener', e));
    await client.query(`LISTEN ${NOTIFY_CHANNEL}`);
    this.listener = client;
  }
}
