import { wallTimeOf } from '../host/clock.js';
import type { LiveSession } from '../host/live-session.js';
import type { GeniusWebProgress } from './messages.js';

const HOUR_MS = 3_600_000;

/**
 * The session's deadline as GeniusWeb states progress. A round deadline is
 * `ProgressRounds` (a round is one turn of every party, as parley and GeniusWeb's SAOP
 * count them); its wall-clock `endtime` is the time deadline where there is one, else
 * the latest moment the remaining turns can take at `turnMs` each. A time deadline alone
 * is `ProgressTime`: its real duration in ms (scenario hours at the session's time
 * scale) from the session's start.
 */
export function progressOf(live: LiveSession, turnMs: number, nowMs = Date.now()): GeniusWebProgress {
  const { rounds, time } = live.state.deadline;
  const timeEnd = time !== undefined ? wallTimeOf(live.startedAt, live.timeScale, time) : undefined;
  if (rounds !== undefined) {
    const currentRound = Math.min(rounds, live.state.round);
    const parties = live.state.setup.parties.length;
    const endtime = Math.round(timeEnd ?? nowMs + (rounds - currentRound) * parties * turnMs);
    return { ProgressRounds: { duration: rounds, currentRound, endtime } };
  }
  const hours = time ?? 0;
  return { ProgressTime: { duration: Math.round((hours * HOUR_MS) / live.timeScale), start: live.startedAt } };
}
