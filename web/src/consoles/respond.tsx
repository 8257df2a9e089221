import { useState } from 'react';
import { useAct } from '../parts/act.js';
import { byPhase, valuesOf } from '../texts.js';
import type { Domain, TextVersion } from '../types.js';
import type { Session } from '../use-session.js';

type Choice = { answer: 'accept' } | { answer: 'reject' } | { answer: 'counter'; value: string | number };

/**
 * The current text by phase with an answer per issue: accept it, reject it, or counter with
 * another value (a partial offer). Sent as one `respond`; the protocol reads it as accept,
 * reject or amend.
 */
export function RespondForm({ session, domain, version }: { session: Session; domain: Domain; version: TextVersion }) {
  const [choices, setChoices] = useState<Record<string, Choice>>({});
  const [reason, setReason] = useState('');
  const { run, busy, line } = useAct(session);
  const choiceOf = (issue: string): Choice => choices[issue] ?? { answer: 'accept' };
  const set = (issue: string, c: Choice) => setChoices({ ...choices, [issue]: c });
  const send = () =>
    run(
      {
        kind: 'respond',
        proposal: version.proposal,
        issues: Object.fromEntries(Object.keys(version.text).map((i) => [i, choiceOf(i)])),
        ...(reason.trim() ? { reason: reason.trim() } : {}),
      },
      `Answer to ${version.proposal} sent to the mediators.`,
    );
  return (
    <form
      className="respond"
      aria-labelledby="respond-title"
      onSubmit={(e) => {
        e.preventDefault();
        void send();
      }}
    >
      <h2 id="respond-title">
        Current text {version.proposal} (tabled by {version.by}, hour {version.at.toFixed(1)})
      </h2>
      {version.note && <p>Note: {version.note}</p>}
      {byPhase(domain, version.text).map((group) => (
        <fieldset key={group.phase}>
          <legend>Phase: {group.phase}</legend>
          {group.issues.map(([issue, value]) => {
            const c = choiceOf(issue);
            const others = valuesOf(domain, issue).filter((v) => String(v) !== String(value));
            const name = `answer-${issue}`;
            return (
              <div key={issue} className="issue-answer" role="radiogroup" aria-label={`${issue}: ${value}`}>
                <span className="issue">
                  {issue}: <strong>{String(value)}</strong>
                </span>
                <label>
                  <input
                    type="radio"
                    name={name}
                    checked={c.answer === 'accept'}
                    onChange={() => set(issue, { answer: 'accept' })}
                  />{' '}
                  accept
                </label>
                <label>
                  <input
                    type="radio"
                    name={name}
                    checked={c.answer === 'reject'}
                    onChange={() => set(issue, { answer: 'reject' })}
                  />{' '}
                  reject
                </label>
                <label>
                  <input
                    type="radio"
                    name={name}
                    checked={c.answer === 'counter'}
                    disabled={others.length === 0}
                    onChange={() => set(issue, { answer: 'counter', value: others[0]! })}
                  />{' '}
                  counter with
                </label>{' '}
                <select
                  aria-label={`Counter-proposal on ${issue}`}
                  disabled={c.answer !== 'counter'}
                  value={c.answer === 'counter' ? String(c.value) : ''}
                  onChange={(e) =>
                    set(issue, { answer: 'counter', value: others.find((v) => String(v) === e.target.value)! })
                  }
                >
                  {c.answer !== 'counter' && <option value="">—</option>}
                  {others.map((v) => (
                    <option key={String(v)} value={String(v)}>
                      {String(v)}
                    </option>
                  ))}
                </select>
              </div>
            );
          })}
        </fieldset>
      ))}
      <label>
        Reason (optional) <input value={reason} onChange={(e) => setReason(e.target.value)} />
      </label>{' '}
      <button type="submit" disabled={busy}>
        Send answer
      </button>
      {line}
    </form>
  );
}
