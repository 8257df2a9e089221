import { redLinesCrossed, utilityFor } from '../../../src/core/party.js';
import { concessionSpec } from '../../../src/report/plot/concession-spec.js';
import { Chart } from '../parts/chart.js';
import type { Party, TextVersion } from '../types.js';

/** What the current text is worth to this party, beside its walk-away value: only this seat sees it. */
export function Worth({ party, version, own }: { party: Party; version: TextVersion | undefined; own: boolean }) {
  const u = version ? utilityFor(party, version.text) : null;
  const crossed = version ? redLinesCrossed(party, version.text) : [];
  return (
    <section aria-labelledby="worth-title" className="worth">
      <h2 id="worth-title">What {version ? version.proposal : 'a text'} is worth to us</h2>
      <p className="muted">
        {own ? 'By the preferences in my editor.' : 'By our party’s preferences.'} Only this seat sees this.
      </p>
      <dl>
        <dt>Value of the text</dt>
        <dd data-testid="text-value">{u === null ? 'no text yet' : u.toFixed(3)}</dd>
        <dt>Walk-away value</dt>
        <dd data-testid="walk-away">{party.reservation.toFixed(3)}</dd>
        <dt>Red lines it crosses</dt>
        <dd>{crossed.length ? crossed.map((l) => l.description ?? l.id).join('; ') : 'none'}</dd>
      </dl>
      {u !== null && (
        <p>
          <strong>
            {crossed.length === 0 && u >= party.reservation ? 'Acceptable to us.' : 'Not acceptable to us.'}
          </strong>
        </p>
      )}
    </section>
  );
}

/** Every text this party was given, in its own utility: the concession plot of the reports, for one party. */
export function OfferHistory({ party, versions }: { party: Party; versions: readonly TextVersion[] }) {
  if (versions.length === 0) return null;
  const points = versions.map((v, order) => ({
    party: party.name,
    at: v.at,
    order,
    utility: utilityFor(party, v.text),
  }));
  const spec = concessionSpec({
    title: `${party.name}, texts in its own utility`,
    points,
    marks: [],
    timeTitle: 'Scenario hour',
    parties: [party.name],
  });
  return (
    <section aria-labelledby="history-title">
      <h2 id="history-title">Our offer history, in our own utility</h2>
      <Chart
        spec={spec}
        label={`Own utility of each text over time for ${party.name}`}
        table={{
          caption: 'Texts and their value to us',
          columns: ['Text', 'Hour', 'Value'],
          rows: versions.map((v, i) => [v.proposal, v.at.toFixed(1), points[i]!.utility]),
        }}
      />
    </section>
  );
}
