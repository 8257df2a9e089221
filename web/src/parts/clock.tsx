import { useEffect, useState } from 'react';
import type { Session } from '../use-session.js';

function remaining(ms: number): string {
  if (ms <= 0) return 'passed';
  const s = Math.floor(ms / 1000);
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  return h > 0 ? `${h} h ${m} min` : `${m} min ${s % 60} s`;
}

/**
 * The deadline clock: scenario hours now and at the deadline, and the real time left
 * (the server answers the deadline as a wall-clock time in `expected`).
 */
export function DeadlineClock({ session }: { session: Session }) {
  const [, tick] = useState(0);
  useEffect(() => {
    const t = setInterval(() => tick((n) => n + 1), 1000);
    return () => clearInterval(t);
  }, []);
  const { view, now, over, info } = session;
  const moved = [...session.events].reverse().find((e) => e.kind === 'deadline-moved');
  const deadline = moved?.kind === 'deadline-moved' ? moved.deadline : view.deadline;
  const start = Date.parse(info.startedAt);
  const hoursToMs = 3_600_000 / info.timeScale;
  const wall = deadline.time !== undefined ? start + deadline.time * hoursToMs : null;
  return (
    <div className="clock" role="timer" aria-live="off" aria-label="Deadline clock">
      <strong>Hour {now.toFixed(1)}</strong>
      {deadline.time !== undefined && <> of {deadline.time}</>}
      {deadline.rounds !== undefined && <> · {deadline.rounds} rounds</>}
      {over ? <> · talks over</> : wall !== null && <> · deadline in {remaining(wall - Date.now())}</>}
    </div>
  );
}
