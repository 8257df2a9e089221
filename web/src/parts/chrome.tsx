import type { ReactNode } from 'react';
import { download } from '../api.js';
import { describe } from '../describe.js';
import type { Session } from '../use-session.js';
import { DeadlineClock } from './clock.js';
import { PhaseTimeline } from './timeline.js';

/** New events since the seat last looked: announced to screen readers, dismissable. */
function Notifications({ session }: { session: Session }) {
  const { fresh } = session;
  return (
    <div className="notifications" role="status" aria-live="polite" aria-label="Notifications">
      {fresh.length > 0 && (
        <>
          <span>
            {fresh.length} new: {describe(fresh[fresh.length - 1]!)}
          </span>{' '}
          <button type="button" onClick={session.dismiss}>
            Dismiss
          </button>
        </>
      )}
    </div>
  );
}

const ENDINGS = new Set(['agreement', 'walk-away', 'deadline', 'closed']);

/** Once the talks are over, how they ended, at the top of every console (a close with its reason). */
function Ending({ session }: { session: Session }) {
  if (!session.over) return null;
  const end = [...session.events].reverse().find((e) => ENDINGS.has(e.kind));
  return (
    <p className="ended">
      <strong>The talks are over.</strong> {end ? describe(end) : null}
    </p>
  );
}

/** What this seat may see, as one JSON file: the session's public structure and the seat's events. */
function exportJson(session: Session): void {
  const { info, view, events } = session;
  const body = {
    session: info,
    seat: { role: view.role, kind: view.kind, party: view.party, self: view.self },
    events,
  };
  download(`${info.id}-${view.role}.json`, JSON.stringify(body, null, 2));
}

/** The frame of every console: who you are, the clock, notifications, exports, the phase timeline. */
export function ConsoleFrame({ session, title, children }: { session: Session; title: string; children: ReactNode }) {
  const { info, view } = session;
  return (
    <div className="console">
      <header className="top">
        <h1>
          {title}: {view.role}
        </h1>
        <p className="muted">
          {info.title} · {info.protocol} · session {info.id} {session.connected ? '· live' : '· reconnecting…'}
        </p>
        <DeadlineClock session={session} />
        <nav aria-label="Export" className="exports">
          <button type="button" onClick={() => exportJson(session)}>
            Export JSON
          </button>
          <a href={`${session.route}/print`}>Printable page</a>
        </nav>
        <Notifications session={session} />
        <Ending session={session} />
      </header>
      <main>{children}</main>
      <aside>
        <PhaseTimeline info={info} events={session.events} />
      </aside>
    </div>
  );
}
