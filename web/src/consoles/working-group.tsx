import { useState } from 'react';
import { useAct } from '../parts/act.js';
import { ConsoleFrame } from '../parts/chrome.js';
import { EventList, publicRecord } from '../parts/events.js';
import { textVersions, valuesOf } from '../texts.js';
import type { Session } from '../use-session.js';

/** A working group: the details referred to it, settled within the text on the table. */
export function WorkingGroupConsole({ session }: { session: Session }) {
  const { info, events, view } = session;
  const group = info.roles.workingGroups.find((g) => g.name === view.role);
  const versions = textVersions(events);
  const current = versions[versions.length - 1];
  const [details, setDetails] = useState<Record<string, string>>({});
  const { run, busy, line } = useAct(session);
  return (
    <ConsoleFrame session={session} title="Working group">
      {current && group ? (
        <form
          aria-labelledby="settle-title"
          onSubmit={(e) => {
            e.preventDefault();
            void run(
              {
                kind: 'settle',
                proposal: current.proposal,
                details: Object.fromEntries(Object.entries(details).filter(([, v]) => v)),
              },
              `Details of ${current.proposal} settled.`,
            );
          }}
        >
          <h2 id="settle-title">Settle the details of {current.proposal}</h2>
          {group.issues.map((issue) => (
            <label key={issue}>
              {issue} (text: {String(current.text[issue] ?? '—')}){' '}
              <select
                value={details[issue] ?? ''}
                onChange={(e) => setDetails({ ...details, [issue]: e.target.value })}
              >
                <option value="">keep</option>
                {valuesOf(info.domain, issue).map((v) => (
                  <option key={String(v)}>{String(v)}</option>
                ))}
              </select>
            </label>
          ))}
          <button type="submit" disabled={busy || Object.values(details).every((d) => !d)}>
            Settle
          </button>
          {line}
        </form>
      ) : (
        <p>No text on the table yet.</p>
      )}
      <div className="columns">
        <EventList events={events.filter((e) => e.audience.kind !== 'all')} title="Referred to us" />
        <EventList events={publicRecord(events)} title="Public record" />
      </div>
    </ConsoleFrame>
  );
}
