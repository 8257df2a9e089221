import { ConsoleFrame } from '../parts/chrome.js';
import { EventList, outsideEvents, publicRecord } from '../parts/events.js';
import { useState } from 'react';
import type { Outcome, ProtocolEvent } from '../types.js';
import type { Session } from '../use-session.js';
import { MediatorAnalysis } from './mediator-analysis.js';
import { AdjournForm, CaucusForm, NoteForm, RelayForm, StatementForm } from './mediator-moves.js';
import { TableForm, TextVersions } from './mediator-text.js';

/** Everything on one party's channel: what it said to the mediators and what they said to it. */
function channel(events: readonly ProtocolEvent[], party: string): ProtocolEvent[] {
  return events.filter((e) => {
    const a = e.audience;
    if (a.kind === 'party' || a.kind === 'caucus') return a.party === party;
    if (a.kind === 'mediators') return 'party' in e && e.party === party;
    if (e.kind === 'adjourned' || e.kind === 'returned' || e.kind === 'return-missed') return e.party === party;
    if (e.kind === 'statement') return e.party === party;
    return false;
  });
}

/**
 * A mediator: each party's channel side by side, the single negotiating text with its
 * versions, the moves (table, relay, caucus, adjourn, statement, note), the analysis of the
 * current text from this seat's view, and the built-in mediators' suggestions.
 */
export function MediatorConsole({ session }: { session: Session }) {
  const { info, view, events } = session;
  const me = info.roles.mediators.find((m) => m.name === view.role);
  const parties = me?.channels.length ? me.channels : info.parties;
  const notes = events.filter((e) => e.kind === 'note');
  const [draft, setDraft] = useState<{ text: Outcome; n: number } | null>(null);
  return (
    <ConsoleFrame session={session} title="Mediator">
      <section aria-labelledby="channels-title">
        <h2 id="channels-title">Channels</h2>
        <div className="columns">
          {parties.map((p) => (
            <EventList key={p} events={channel(events, p)} title={`Channel with ${p}`} />
          ))}
        </div>
      </section>
      <TextVersions session={session} />
      <div className="columns">
        <TableForm key={draft?.n ?? 0} session={session} seed={draft?.text} />
        <MediatorAnalysis session={session} onUse={(text) => setDraft({ text, n: (draft?.n ?? 0) + 1 })} />
      </div>
      <section aria-labelledby="moves-title" className="moves">
        <h2 id="moves-title">Messages and moves</h2>
        <div className="columns">
          <RelayForm session={session} />
          <CaucusForm session={session} />
          <AdjournForm session={session} />
          <StatementForm session={session} />
          <NoteForm session={session} />
        </div>
      </section>
      <div className="columns">
        <EventList events={notes} title="My private notes" empty="No notes." />
        <EventList events={publicRecord(events)} title="Public record" />
        <EventList events={outsideEvents(events)} title="Outside events" />
      </div>
    </ConsoleFrame>
  );
}
