import { audienceText, bindingOf, describe } from '../describe.js';
import type { Session } from '../use-session.js';

/** Everything this seat may see, as a plain page to print or save as PDF. */
export function PrintPage({ session }: { session: Session }) {
  const { info, view, events } = session;
  return (
    <main className="print">
      <h1>
        {info.title}: what {view.role} saw
      </h1>
      <p>
        Session {info.id} · {info.protocol} · hour {session.now.toFixed(1)} · {session.over ? 'over' : 'in progress'}
      </p>
      <p className="no-print">
        <button type="button" onClick={() => print()}>
          Print
        </button>{' '}
        <a href={session.route}>Back to the console</a>
      </p>
      <table>
        <thead>
          <tr>
            <th scope="col">Hour</th>
            <th scope="col">Seen by</th>
            <th scope="col">Label</th>
            <th scope="col">What happened</th>
          </tr>
        </thead>
        <tbody>
          {events.map((e) => {
            const b = bindingOf(e);
            return (
              <tr key={e.seq}>
                <td>{e.at.toFixed(1)}</td>
                <td>{audienceText(e)}</td>
                <td>{b === null ? '' : b ? 'binding' : 'non-binding'}</td>
                <td>{describe(e)}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </main>
  );
}
