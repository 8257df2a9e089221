import { EventList, outsideEvents, publicRecord } from '../parts/events.js';
import { ConsoleFrame } from '../parts/chrome.js';
import type { Session } from '../use-session.js';

/** An observer: the public record, the outside events as they fire, the phase timeline. */
export function ObserverConsole({ session }: { session: Session }) {
  return (
    <ConsoleFrame session={session} title="Observer">
      <div className="columns">
        <EventList events={publicRecord(session.events)} title="Public record" headingLevel={2} />
        <EventList
          events={outsideEvents(session.events)}
          title="Outside events"
          empty="No outside event has fired."
          headingLevel={2}
        />
      </div>
    </ConsoleFrame>
  );
}
