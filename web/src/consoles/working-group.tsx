import { useState } from 'react';
import { useAct } from '../parts/act.js';
import { ConsoleFrame } from '../parts/chrome.js';
import { EventList, publicRecord } from '../parts/events.js';
import { valuesOf } from '../texts.js';
import type { Outcome, ProtocolEvent } from '../types.js';
import type { Session } from '../use-session.js';

/** A text referred to this group: its issues and their values now (the group's settlements applied). */
interface Referral {
  readonly proposal: string;
  readonly issues: readonly string[];
  readonly details: Outcome;
}

/**
 * The referrals this group has seen, newest last. In shuttle talks a group sees no package
 * itself, only the part referred to it (`phase-referred`) and what it settled since.
 */
function referrals(events: readonly ProtocolEvent[]): Referral[] {
  const out: Referral[] = [];
  for (const e of events) {
    if (e.kind === 'phase-referred') out.push({ proposal: e.proposal, issues: e.issues, details: e.details });
    if (e.kind !== 'settled') continue;
    const i = out.findIndex((r) => r.proposal === e.proposal);
    if (i >= 0) out[i] = { ...out[i]!, details: { ...out[i]!.details, ...e.details } };
  }
  return out;
}

/** The form for one referral: a new value per issue, or keep the text's. */
function SettleForm({ session, referral }: { session: Session; referral: Referral }) {
  const [details, setDetails] = useState<Record<string, string>>({});
  const { run, busy, line } = useAct(session);
  const chosen = () => {
    const out: Record<string, string | number> = {};
    for (const [issue, text] of Object.entries(details)) {
      if (!text) continue;
      const value = valuesOf(session.info.domain, issue).find((v) => String(v) === text);
      if (value !== undefined) out[issue] = value;
    }
    return out;
  };
  return (
    <form
      aria-labelledby="settle-title"
      onSubmit={(e) => {
        e.preventDefault();
        void run(
          { kind: 'settle', proposal: referral.proposal, details: chosen() },
          `Details of ${referral.proposal} settled.`,
        ).then((done) => done && setDetails({}));
      }}
    >
      <h2 id="settle-title">Settle the details of {referral.proposal}</h2>
      <p className="muted">
        Referred to this group: {referral.issues.join(', ')}. Each party is sent the revised text.
      </p>
      {referral.issues.map((issue) => (
        <label key={issue}>
          {issue} (now: {String(referral.details[issue] ?? '—')}){' '}
          <select value={details[issue] ?? ''} onChange={(e) => setDetails({ ...details, [issue]: e.target.value })}>
            <option value="">keep</option>
            {valuesOf(session.info.domain, issue).map((v) => (
              <option key={String(v)}>{String(v)}</option>
            ))}
          </select>
        </label>
      ))}
      <button type="submit" disabled={busy || Object.keys(chosen()).length === 0}>
        Settle
      </button>
      {line}
    </form>
  );
}

/** A working group: the details referred to it, settled within the text on the table. */
export function WorkingGroupConsole({ session }: { session: Session }) {
  const { events, expected } = session;
  const all = referrals(events);
  // The package the protocol waits for this group on; else the latest referral, to read.
  const open = expected.find((e) => e.may.includes('settle'))?.proposal;
  const referral = all.find((r) => r.proposal === open) ?? all[all.length - 1];
  return (
    <ConsoleFrame session={session} title="Working group">
      {referral && open === referral.proposal && !session.over ? (
        <SettleForm key={referral.proposal} session={session} referral={referral} />
      ) : referral ? (
        <p>
          The details of {referral.proposal} can no longer change (now:{' '}
          {Object.entries(referral.details)
            .map(([k, v]) => `${k} ${v}`)
            .join(', ')}
          ).
        </p>
      ) : (
        <p>Nothing has been referred to this group yet.</p>
      )}
      <div className="columns">
        <EventList events={events.filter((e) => e.audience.kind !== 'all')} title="Referred to us" />
        <EventList events={publicRecord(events)} title="Public record" />
      </div>
    </ConsoleFrame>
  );
}
