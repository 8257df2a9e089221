import { useState } from 'react';
import { useAct } from '../parts/act.js';
import { ConsoleFrame } from '../parts/chrome.js';
import { EventList, publicRecord } from '../parts/events.js';
import { TextByPhase } from '../parts/text-view.js';
import { valuesOf } from '../texts.js';
import type { Domain, ProtocolEvent } from '../types.js';
import type { Session } from '../use-session.js';

/** Instruct the delegation: what it may agree to, in words and (optionally) as allowed values per issue. */
function MandateForm({ session, domain }: { session: Session; domain: Domain }) {
  const { run, busy, line } = useAct(session);
  const [instructions, setInstructions] = useState('');
  const [limits, setLimits] = useState<Record<string, string[]>>({});
  const toggle = (issue: string, v: string, on: boolean) => {
    const all = valuesOf(domain, issue).map(String);
    const current = limits[issue] ?? all;
    const next = on ? [...current, v] : current.filter((x) => x !== v);
    const copy = { ...limits };
    if (next.length === all.length) delete copy[issue];
    else copy[issue] = next;
    setLimits(copy);
  };
  return (
    <form
      aria-labelledby="mandate-title"
      onSubmit={(e) => {
        e.preventDefault();
        void run(
          { kind: 'mandate', instructions, ...(Object.keys(limits).length ? { limits } : {}) },
          'Mandate given to the delegation.',
        );
      }}
    >
      <h2 id="mandate-title">Give a mandate</h2>
      <label>
        Instructions <textarea value={instructions} onChange={(e) => setInstructions(e.target.value)} required />
      </label>
      <details>
        <summary>Limits by issue (values the delegation may agree to)</summary>
        {domain.issues.map((i) => (
          <fieldset key={i.name}>
            <legend>{i.name}</legend>
            {valuesOf(domain, i.name).map((v) => (
              <label key={String(v)}>
                <input
                  type="checkbox"
                  checked={(limits[i.name] ?? valuesOf(domain, i.name).map(String)).includes(String(v))}
                  onChange={(e) => toggle(i.name, String(v), e.target.checked)}
                />{' '}
                {String(v)}
              </label>
            ))}
          </fieldset>
        ))}
      </details>
      <button type="submit" disabled={busy}>
        Give mandate
      </button>
      {line}
    </form>
  );
}

/** Ratify or refuse one package the delegation accepted, with a reason. */
function Ratify({
  session,
  request,
  domain,
}: {
  session: Session;
  request: Extract<ProtocolEvent, { kind: 'ratification-requested' }>;
  domain: Domain;
}) {
  const { run, busy, line } = useAct(session);
  const [reason, setReason] = useState('');
  const decided = session.events.some(
    (e) =>
      (e.kind === 'ratified' || e.kind === 'ratification-refused') &&
      e.proposal === request.proposal &&
      e.actor === session.view.role,
  );
  return (
    <section aria-label={`Ratification of ${request.proposal}`} className="ratify">
      <h3>
        {request.party}’s delegation accepted {request.proposal}
      </h3>
      <TextByPhase domain={domain} text={request.text} caption={`${request.proposal} as accepted`} />
      {decided ? (
        <p>Decided.</p>
      ) : (
        <>
          <label>
            Reason <input value={reason} onChange={(e) => setReason(e.target.value)} />
          </label>{' '}
          <button
            type="button"
            disabled={busy}
            onClick={() => void run({ kind: 'ratify', proposal: request.proposal }, `${request.proposal} ratified.`)}
          >
            Ratify {request.proposal}
          </button>{' '}
          <button
            type="button"
            disabled={busy}
            onClick={() =>
              void run(
                { kind: 'refuse-ratification', proposal: request.proposal, ...(reason ? { reason } : {}) },
                `Ratification of ${request.proposal} refused.`,
              )
            }
          >
            Refuse {request.proposal}
          </button>
        </>
      )}
      {line}
    </section>
  );
}

/** A decision body: the mandate it gave, what its delegation accepted, ratify or refuse. */
export function DecisionBodyConsole({ session }: { session: Session }) {
  const { info, events } = session;
  const mandates = events.filter((e) => e.kind === 'mandate');
  const requests = events.filter(
    (e): e is Extract<ProtocolEvent, { kind: 'ratification-requested' }> => e.kind === 'ratification-requested',
  );
  const ownSide = events.filter((e) => e.audience.kind !== 'all');
  return (
    <ConsoleFrame session={session} title="Decision body">
      <EventList events={mandates} title="The mandate we gave" empty="No mandate given yet." headingLevel={2} />
      <MandateForm session={session} domain={info.domain} />
      <section aria-labelledby="accepted-title">
        <h2 id="accepted-title">What our delegation accepted</h2>
        {requests.length === 0 ? (
          <p>Nothing to ratify yet.</p>
        ) : (
          requests.map((r) => <Ratify key={r.seq} session={session} request={r} domain={info.domain} />)
        )}
      </section>
      <div className="columns">
        <EventList events={ownSide} title="Our side" />
        <EventList events={publicRecord(events)} title="Public record" />
      </div>
    </ConsoleFrame>
  );
}
