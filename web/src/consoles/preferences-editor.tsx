import { useMemo } from 'react';
import { useAct } from '../parts/act.js';
import { consistencyProblems, partyOf, type Draft } from '../prefs.js';
import { valuesOf } from '../texts.js';
import type { Domain } from '../types.js';
import type { Session } from '../use-session.js';

const num = (s: string) => (s.trim() === '' ? NaN : Number(s));

/**
 * The delegation's private preferences editor: weights, value ratings, red lines and the
 * walk-away value, with a consistency check. The result drives this seat's own views (what
 * a text is worth); sharing it with the mediators is a separate, explicit step.
 */
export function PreferencesEditor({
  session,
  domain,
  party,
  draft,
  setDraft,
  using,
  setUsing,
}: {
  session: Session;
  domain: Domain;
  party: string;
  draft: Draft;
  setDraft: (d: Draft) => void;
  using: boolean;
  setUsing: (on: boolean) => void;
}) {
  const problems = useMemo(() => consistencyProblems(draft), [draft]);
  const { run, busy, line } = useAct(session);
  const setWeight = (issue: string, w: number) => setDraft({ ...draft, weights: { ...draft.weights, [issue]: w } });
  const setRating = (issue: string, v: string, r: number) =>
    setDraft({ ...draft, ratings: { ...draft.ratings, [issue]: { ...draft.ratings[issue], [v]: r } } });
  const toggleAllowed = (issue: string, v: string, on: boolean) => {
    const current = draft.allowed[issue] ?? valuesOf(domain, issue).map(String);
    const next = on ? [...current, v] : current.filter((x) => x !== v);
    const all = valuesOf(domain, issue).length;
    const allowed = { ...draft.allowed };
    if (next.length === all) delete allowed[issue];
    else allowed[issue] = next;
    setDraft({ ...draft, allowed });
  };
  /** Kept on the server for this seat alone (its analysis uses them), and used by this page's views. */
  const keep = async () => {
    if (
      await run(
        { kind: 'share-preferences', to: 'self', preferences: partyOf(party, draft) },
        'Kept for your own views; nobody else sees them.',
      )
    )
      setUsing(true);
  };
  const share = () =>
    run({ kind: 'share-preferences', preferences: partyOf(party, draft) }, 'Shared with the mediators only.');
  return (
    <section aria-labelledby="prefs-title" className="prefs">
      <h2 id="prefs-title">My preferences (private)</h2>
      <p className="muted">Only this seat sees them, unless you share them with the mediators.</p>
      {domain.issues.map((issue) => (
        <fieldset key={issue.name}>
          <legend>{issue.name}</legend>
          <label>
            Weight{' '}
            <input
              type="number"
              step="0.1"
              min="0"
              value={draft.weights[issue.name] ?? 0}
              onChange={(e) => setWeight(issue.name, num(e.target.value))}
            />
          </label>
          {valuesOf(domain, issue.name).map((value) => {
            const v = String(value);
            const allowed = draft.allowed[issue.name]?.includes(v) ?? true;
            return (
              <div key={v} className="rating">
                <label>
                  {v} rated{' '}
                  <input
                    type="number"
                    step="0.1"
                    min="0"
                    max="1"
                    value={draft.ratings[issue.name]?.[v] ?? 0}
                    onChange={(e) => setRating(issue.name, v, num(e.target.value))}
                  />
                </label>{' '}
                <label>
                  <input
                    type="checkbox"
                    checked={allowed}
                    onChange={(e) => toggleAllowed(issue.name, v, e.target.checked)}
                  />{' '}
                  acceptable
                </label>
              </div>
            );
          })}
        </fieldset>
      ))}
      <label>
        Walk-away value{' '}
        <input
          type="number"
          step="0.05"
          min="0"
          max="1"
          value={draft.reservation}
          onChange={(e) => setDraft({ ...draft, reservation: num(e.target.value) })}
        />
      </label>
      <div role="status" aria-live="polite" className="check">
        {problems.length === 0 ? (
          <p>Consistent.</p>
        ) : (
          <ul className="status error">
            {problems.map((p) => (
              <li key={p}>{p}</li>
            ))}
          </ul>
        )}
      </div>
      <button type="button" onClick={() => void keep()} disabled={busy || problems.length > 0}>
        Use for my own views
      </button>{' '}
      {using && (
        <button type="button" onClick={() => setUsing(false)}>
          Back to our party’s profile
        </button>
      )}{' '}
      <button type="button" onClick={() => void share()} disabled={busy || problems.length > 0}>
        Share with the mediators
      </button>
      {line}
    </section>
  );
}
