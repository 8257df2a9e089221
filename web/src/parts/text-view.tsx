import { byPhase } from '../texts.js';
import type { Domain, Outcome } from '../types.js';

/** A text laid out by phase, issue by issue; `changed` issues are marked (a diff). */
export function TextByPhase({
  domain,
  text,
  changed = [],
  caption,
}: {
  domain: Domain;
  text: Outcome;
  changed?: readonly string[];
  caption: string;
}) {
  return (
    <table className="text">
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">Phase</th>
          <th scope="col">Issue</th>
          <th scope="col">Value</th>
        </tr>
      </thead>
      <tbody>
        {byPhase(domain, text).flatMap((g) =>
          g.issues.map(([issue, value], i) => (
            <tr key={`${g.phase}/${issue}`} className={changed.includes(issue) ? 'changed' : undefined}>
              {i === 0 && (
                <th scope="row" rowSpan={g.issues.length}>
                  {g.phase}
                </th>
              )}
              <td>{issue}</td>
              <td>
                {String(value)}
                {changed.includes(issue) && <span className="label changed-label"> changed</span>}
              </td>
            </tr>
          )),
        )}
      </tbody>
    </table>
  );
}
