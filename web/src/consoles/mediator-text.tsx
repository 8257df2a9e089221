import { useState } from 'react';
import { describe } from '../describe.js';
import { useAct } from '../parts/act.js';
import { TextByPhase } from '../parts/text-view.js';
import { byPhase, diff, ledTo, textVersions, valuesOf } from '../texts.js';
import type { Outcome } from '../types.js';
import type { Session } from '../use-session.js';

/** The single negotiating text: its versions, a diff between any two, and the messages that led to each. */
export function TextVersions({ session }: { session: Session }) {
  const { info, events } = session;
  const versions = textVersions(events);
  const [a, setA] = useState(0);
  const [b, setB] = useState<number | null>(null);
  if (versions.length === 0) return <p>No text tabled yet.</p>;
  const right = b ?? versions.length - 1;
  const left = Math.min(a, versions.length - 1);
  const va = versions[left]!;
  const vb = versions[right]!;
  const label = (i: number) => `${versions[i]!.proposal} (hour ${versions[i]!.at.toFixed(1)}, to ${versions[i]!.to})`;
  const led = ledTo(events, versions, right);
  return (
    <section aria-labelledby="versions-title">
      <h2 id="versions-title">The single negotiating text</h2>
      <div className="row">
        <label>
          Compare{' '}
          <select aria-label="Compare" value={left} onChange={(e) => setA(Number(e.target.value))}>
            {versions.map((_, i) => (
              <option key={i} value={i}>
                {label(i)}
              </option>
            ))}
          </select>
        </label>{' '}
        <label>
          with{' '}
          <select aria-label="with" value={right} onChange={(e) => setB(Number(e.target.value))}>
            {versions.map((_, i) => (
              <option key={i} value={i}>
                {label(i)}
              </option>
            ))}
          </select>
        </label>
      </div>
      <div className="columns">
        <TextByPhase domain={info.domain} text={va.text} caption={`Version ${label(left)}`} />
        <TextByPhase
          domain={info.domain}
          text={vb.text}
          changed={diff(va.text, vb.text)}
          caption={`Version ${label(right)}`}
        />
      </div>
      <h3>What led to {vb.proposal}</h3>
      {led.length === 0 ? (
        <p className="muted">No message between the previous version and this one.</p>
      ) : (
        <ul>
          {led.map((e) => (
            <li key={e.seq}>
              h {e.at.toFixed(1)} {describe(e)}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/** Table a text, issue by issue by phase, to one party or all; starts from the latest version. */
export function TableForm({ session, seed }: { session: Session; seed?: Outcome }) {
  const { info, events } = session;
  const versions = textVersions(events);
  const latest = seed ?? versions[versions.length - 1]?.text;
  const start = Object.fromEntries(
    info.domain.issues.map((i) => [i.name, latest?.[i.name] ?? valuesOf(info.domain, i.name)[0]!]),
  );
  const [text, setText] = useState<Outcome>(start);
  const [to, setTo] = useState('all');
  const [note, setNote] = useState('');
  const { run, busy, line } = useAct(session);
  const mediator = info.roles.mediators.find((m) => m.name === session.view.role);
  const parties = mediator?.channels.length ? mediator.channels : info.parties;
  return (
    <form
      aria-labelledby="table-title"
      onSubmit={(e) => {
        e.preventDefault();
        void run(
          { kind: 'table', text, to: to === 'all' ? [] : [to], ...(note ? { note } : {}) },
          `Text tabled to ${to === 'all' ? 'all parties' : to}.`,
        );
      }}
    >
      <h2 id="table-title">Table a text</h2>
      {byPhase(info.domain, text).map((g) => (
        <fieldset key={g.phase}>
          <legend>Phase: {g.phase}</legend>
          {g.issues.map(([issue, value]) => (
            <label key={issue}>
              {issue}{' '}
              <select
                aria-label={issue}
                value={String(value)}
                onChange={(e) =>
                  setText({ ...text, [issue]: valuesOf(info.domain, issue).find((v) => String(v) === e.target.value)! })
                }
              >
                {valuesOf(info.domain, issue).map((v) => (
                  <option key={String(v)}>{String(v)}</option>
                ))}
              </select>
            </label>
          ))}
        </fieldset>
      ))}
      <label>
        To{' '}
        <select aria-label="To" value={to} onChange={(e) => setTo(e.target.value)}>
          <option value="all">all parties</option>
          {parties.map((p) => (
            <option key={p}>{p}</option>
          ))}
        </select>
      </label>{' '}
      <label>
        Note <input value={note} onChange={(e) => setNote(e.target.value)} />
      </label>{' '}
      <button type="submit" disabled={busy}>
        Table text
      </button>
      {line}
    </form>
  );
}
