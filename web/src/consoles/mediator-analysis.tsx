import { useState } from 'react';
import { offersSpec } from '../../../src/report/plot/offers-spec.js';
import { call, sessionPath } from '../api.js';
import { outcomeText } from '../describe.js';
import { Chart } from '../parts/chart.js';
import type { Outcome } from '../types.js';
import type { Session } from '../use-session.js';

interface Point {
  readonly utilities: readonly number[];
  readonly outcome: Outcome;
}

/** The answer of `GET …/seats/:role/analysis` for a mediator: only what this seat was shown. */
interface MediatorAnalysisAnswer {
  readonly current: { readonly proposal: string; readonly text: Outcome } | null;
  readonly parties: readonly {
    readonly party: string;
    readonly source: 'shared' | 'learned';
    readonly walkAway: number;
    readonly redLines: readonly { id: string; issue: string; allowed?: readonly (string | number)[] }[];
    readonly current: { proposal: string; value: number | null; crosses: readonly string[] } | null;
  }[];
  readonly estimated: {
    readonly exact: boolean;
    readonly disagreement: readonly number[];
    readonly frontierSize: number;
    readonly frontier: readonly Point[];
    readonly nash: Point | null;
    readonly zone: { readonly size: string | null; readonly estimate: string | null; readonly best: readonly Point[] };
    readonly stickingPoints: readonly { issue: string; opposition: number; blocking: boolean }[];
  };
}

const STRATEGIES = ['bridging', 'nash', 'hill-climb'];

function Estimate({ answer }: { answer: MediatorAnalysisAnswer }) {
  const names = answer.parties.map((p) => p.party);
  const { estimated } = answer;
  const current = answer.parties.every((p) => p.current?.value !== null && p.current !== null)
    ? answer.parties.map((p) => p.current!.value!)
    : null;
  const spec = offersSpec({
    title: 'estimated from this seat’s view',
    parties: names,
    offers: current ? [{ by: 'current text', at: 0, order: 0, utilities: current }] : [],
    frontier: estimated.frontier.map((p) => p.utilities),
    agreement: null,
    reservation: estimated.disagreement,
    notes: ['estimated: shared preferences, or a model of each party’s answers'],
  });
  return (
    <>
      <table>
        <caption>Each party as this seat knows it</caption>
        <thead>
          <tr>
            <th scope="col">Party</th>
            <th scope="col">Known from</th>
            <th scope="col">Walk-away (estimated)</th>
            <th scope="col">Current text (estimated)</th>
            <th scope="col">Revealed red lines it crosses</th>
          </tr>
        </thead>
        <tbody>
          {answer.parties.map((p) => (
            <tr key={p.party}>
              <th scope="row">{p.party}</th>
              <td>{p.source === 'shared' ? 'preferences it shared' : 'its answers'}</td>
              <td>{p.walkAway.toFixed(3)}</td>
              <td>{p.current?.value?.toFixed(3) ?? '—'}</td>
              <td>{p.current?.crosses.length ? p.current.crosses.join(', ') : 'none'}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p>
        Zone of agreement (estimated): {estimated.zone.size ?? estimated.zone.estimate ?? 'unknown'} packages.
        {estimated.nash && <> Nash point (estimated): {outcomeText(estimated.nash.outcome)}.</>}
      </p>
      <p>
        Sticking points:{' '}
        {estimated.stickingPoints.length
          ? estimated.stickingPoints.map((s) => `${s.issue}${s.blocking ? ' (blocking)' : ''}`).join(', ')
          : 'none found'}
      </p>
      <Chart
        spec={spec}
        label="Estimated frontier and the current text in the parties' utilities"
        table={{
          caption: `Estimated frontier (${estimated.frontierSize} points${estimated.exact ? '' : ', sampled'})`,
          columns: [...names, 'Package'],
          rows: estimated.frontier.slice(0, 30).map((p) => [...p.utilities, outcomeText(p.outcome)]),
        }}
      />
    </>
  );
}

/**
 * The analysis of the current text from the server's seat-view endpoint (never the parties'
 * true profiles), and a built-in mediator's suggestion on request; nothing is tabled until
 * the mediator tables it.
 */
export function MediatorAnalysis({ session, onUse }: { session: Session; onUse: (text: Outcome) => void }) {
  const { info, view } = session;
  const [answer, setAnswer] = useState<MediatorAnalysisAnswer | null>(null);
  const [suggestion, setSuggestion] = useState<{ text: Outcome; note?: string } | null>(null);
  const [strategy, setStrategy] = useState(STRATEGIES[0]!);
  const [error, setError] = useState<string | null>(null);
  const seat = sessionPath(info.id, `/seats/${encodeURIComponent(view.role)}`, session.base);
  const analyse = () =>
    call<MediatorAnalysisAnswer>(`${seat}/analysis`)
      .then((a) => (setAnswer(a), setError(null)))
      .catch((e: Error) => setError(e.message));
  const suggest = () =>
    call<{ text: Outcome; note?: string }>(`${seat}/suggest`, { method: 'POST', body: { strategy } })
      .then((s) => setSuggestion(s))
      .catch((e: Error) => setError(e.message));
  return (
    <section aria-labelledby="analysis-title">
      <h2 id="analysis-title">Analysis of the current text</h2>
      <p className="muted">From what this seat has been shown only.</p>
      <button type="button" onClick={() => void analyse()}>
        Analyse
      </button>{' '}
      <label>
        Suggestion by{' '}
        <select aria-label="Suggestion by" value={strategy} onChange={(e) => setStrategy(e.target.value)}>
          {STRATEGIES.map((s) => (
            <option key={s}>{s}</option>
          ))}
        </select>
      </label>{' '}
      <button type="button" onClick={() => void suggest()}>
        Suggest a text
      </button>
      {error && <p className="status error">{error}</p>}
      {suggestion && (
        <p data-testid="suggestion">
          Suggested by {strategy}: {outcomeText(suggestion.text)}
          {suggestion.note && <> ({suggestion.note})</>}{' '}
          <button type="button" onClick={() => onUse(suggestion.text)}>
            Put it in the table form
          </button>
        </p>
      )}
      {answer && <Estimate answer={answer} />}
    </section>
  );
}
