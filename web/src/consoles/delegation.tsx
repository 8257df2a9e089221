import { useMemo, useState } from 'react';
import { useAct } from '../parts/act.js';
import { ConsoleFrame } from '../parts/chrome.js';
import { EventList, outsideEvents, publicRecord } from '../parts/events.js';
import { consistencyProblems, draftOf, keptProfile, partyOf, type Draft } from '../prefs.js';
import { textVersions } from '../texts.js';
import type { ProtocolEvent } from '../types.js';
import type { Session } from '../use-session.js';
import { PreferencesEditor } from './preferences-editor.js';
import { RespondForm } from './respond.js';
import { OfferHistory, Worth } from './worth.js';

/** Its channel with the mediators: what is addressed to its party, its caucuses, its own answers and moves. */
function channelOf(events: readonly ProtocolEvent[], party: string): ProtocolEvent[] {
  return events.filter(
    (e) =>
      e.audience.kind !== 'all' &&
      e.kind !== 'outside-event' &&
      ((e.audience.kind === 'party' && e.audience.party === party) ||
        (e.audience.kind === 'caucus' && e.audience.party === party) ||
        e.audience.kind === 'side' ||
        e.audience.kind === 'seat' ||
        e.audience.kind === 'mediators'),
  );
}

/** Leave to consult the decision body, and come back. */
function Adjourn({ session }: { session: Session }) {
  const { run, busy, line } = useAct(session);
  const [hours, setHours] = useState('6');
  const [reason, setReason] = useState('');
  const mine = session.expected.find((e) => e.role === session.view.role);
  const may = new Set([...(mine?.may ?? []), ...(mine?.also ?? [])]);
  return (
    <section aria-labelledby="adjourn-title">
      <h2 id="adjourn-title">Consult and return</h2>
      <label>
        Back within (scenario hours){' '}
        <input type="number" min="0.1" step="any" value={hours} onChange={(e) => setHours(e.target.value)} />
      </label>{' '}
      <label>
        Reason <input value={reason} onChange={(e) => setReason(e.target.value)} />
      </label>{' '}
      <button
        type="button"
        disabled={busy}
        onClick={() =>
          void run(
            { kind: 'adjourn', until: session.now + Number(hours), ...(reason ? { reason } : {}) },
            'Adjourned: the talks wait for your return.',
          )
        }
      >
        Ask to adjourn
      </button>{' '}
      <button
        type="button"
        disabled={busy || (mine !== undefined && !may.has('return'))}
        onClick={() => void run({ kind: 'return' }, 'Back at the table.')}
      >
        Return to the talks
      </button>
      {line}
    </section>
  );
}

/**
 * A delegation: its channel with the mediators and the public record only; the current text
 * with an answer per issue; what it is worth to us beside our walk-away value; our history;
 * adjourning; our private preferences.
 */
export function DelegationConsole({ session }: { session: Session }) {
  const { info, view, events } = session;
  const party = view.party!;
  // The editor opens on the profile this seat kept for its views, if it kept one, else its own.
  const [kept] = useState(() => keptProfile(events, view.role));
  const [draft, setDraft] = useState<Draft | null>(() => {
    const start = kept ?? view.self;
    return start ? draftOf(info.domain, start) : null;
  });
  const [using, setUsing] = useState(kept !== undefined);
  const versions = useMemo(
    () => textVersions(events).filter((v) => v.to === 'all' || v.to.split(', ').includes(party)),
    [events, party],
  );
  const current = versions[versions.length - 1];
  const consistent = draft !== null && consistencyProblems(draft).length === 0;
  const own = using && consistent ? partyOf(party, draft) : view.self;
  const waiting = session.expected.find((e) => e.role === view.role && e.proposal);
  return (
    <ConsoleFrame session={session} title="Delegation">
      <p>
        {party}’s delegation.{' '}
        {waiting ? `The mediators wait for your answer to ${waiting.proposal}.` : 'Nothing is asked of you now.'}
      </p>
      {current ? (
        <RespondForm key={current.seq} session={session} domain={info.domain} version={current} />
      ) : (
        <p>No text has been tabled to you yet.</p>
      )}
      {own && <Worth party={own} version={current} own={using && consistent} />}
      {own && <OfferHistory party={own} versions={versions} />}
      <Adjourn session={session} />
      <div className="columns">
        <EventList events={channelOf(events, party)} title="Our channel with the mediators" />
        <EventList events={publicRecord(events)} title="Public record" />
        <EventList events={outsideEvents(events)} title="Outside events" />
      </div>
      {draft && (
        <PreferencesEditor
          session={session}
          domain={info.domain}
          party={party}
          draft={draft}
          setDraft={setDraft}
          using={using}
          setUsing={setUsing}
        />
      )}
    </ConsoleFrame>
  );
}
