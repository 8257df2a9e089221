import type { BaseState } from '../protocols/base.js';
import type { ParleyProtocol } from '../protocols/protocol.js';
import { CLOCK_ROLE } from '../session/attempt.js';
import type { LiveSession } from './live-session.js';

const HOUR_MS = 3_600_000;
/** How often a due tick lets the session's actions in flight go first. */
const MAX_YIELDS = 100;
/** setTimeout's largest delay; longer waits are re-armed when it fires. */
const MAX_DELAY = 2_147_483_647;

/** Scenario hours since the session's clock started, at `timeScale` scenario hours per real hour. */
export function scenarioNow(startedAt: number, timeScale: number, wallMs: number): number {
  return ((wallMs - startedAt) / HOUR_MS) * timeScale;
}

export function wallTimeOf(startedAt: number, timeScale: number, hours: number): number {
  return startedAt + (hours * HOUR_MS) / timeScale;
}

/**
 * When the clock must next tick, in scenario hours: the next round boundary (a round is
 * `hoursPerRound`, as in `parley run`), or earlier when the protocol has something due
 * before it (an outside event, an adjournment's return, the time deadline). Null when the
 * talks are over.
 */
export function nextDue(protocol: ParleyProtocol<BaseState>, state: BaseState, hoursPerRound: number): number | null {
  if (state.end) return null;
  const boundary = (Math.floor(state.now / hoursPerRound + 1e-9) + 1) * hoursPerRound;
  const due = protocol.nextDue(state);
  return due !== null && due > state.now && due < boundary ? due : boundary;
}

/**
 * The session's real clock: one timer for the next due tick, re-armed from the state after
 * every change (so also after a restart). A tick's action id is its due time, so a tick
 * fired twice (a retry, or two instances) is applied once.
 */
export class SessionClock {
  private timer: NodeJS.Timeout | null = null;
  private armedFor: number | null = null;
  private stopped = false;
  private yields = 0;

  constructor(
    private readonly live: LiveSession,
    private readonly onError: (error: unknown) => void,
  ) {}

  arm(): void {
    if (this.stopped) return;
    const due = this.live.nextDue();
    if (due === this.armedFor) return;
    this.clear();
    this.armedFor = due;
    this.yields = 0;
    if (due === null) return;
    const delay = wallTimeOf(this.live.startedAt, this.live.timeScale, due) - Date.now();
    this.timer = setTimeout(() => this.fire(due), Math.max(0, Math.min(delay, MAX_DELAY)));
    this.timer.unref();
  }

  stop(): void {
    this.stopped = true;
    this.clear();
  }

  private fire(due: number): void {
    this.timer = null;
    this.armedFor = null;
    const late = wallTimeOf(this.live.startedAt, this.live.timeScale, due) - Date.now();
    if (late > 0) return this.arm();
    // Actions already sent go first, and the bots' answers to them, as in `parley run`, where
    // the clock moves after the agents' turns; a busy session delays its tick by at most
    // MAX_YIELDS commits.
    if (this.live.busy && this.yields < MAX_YIELDS) {
      this.yields++;
      this.timer = setTimeout(() => this.fire(due), 1);
      this.timer.unref();
      this.armedFor = due;
      return;
    }
    this.yields = 0;
    this.live.act(CLOCK_ROLE, `tick:${due}`, { kind: 'tick', now: due }).then(
      () => this.arm(),
      (e: unknown) => {
        this.onError(e);
        // Try again shortly: a failed commit changed nothing.
        if (!this.stopped) setTimeout(() => this.arm(), 1_000).unref();
      },
    );
  }

  private clear(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.armedFor = null;
  }
}
