import { useCallback, useEffect, useState } from 'react';
import { call, download, sessionPath } from '../api.js';
import { ConsoleFrame } from '../parts/chrome.js';
import { EventList } from '../parts/events.js';
import type { Session } from '../use-session.js';
import { CloseTalks } from './convenor-close.js';

interface Seat {
  readonly role: string;
  readonly kind: string;
  readonly bot: { strategy: string } | null;
}

const STRATEGIES = [
  'conceder',
  'boulware',
  'linear',
  'tit-for-tat',
  'micro',
  'hill-climb',
  'random',
  'bridging',
  'nash',
  'principal',
  'working-group',
];

/** One seat: its invite link (made on request, shown once), its bot. */
function SeatRow({ id, base, seat, onChange }: { id: string; base: string; seat: Seat; onChange: () => void }) {
  const [link, setLink] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [strategy, setStrategy] = useState(STRATEGIES[0]!);
  const path = sessionPath(id, `/seats/${encodeURIComponent(seat.role)}`, base);
  const attempt = (f: () => Promise<void>) => () => f().catch((e: Error) => setError(e.message));
  const invite = attempt(async () => {
    const { invite } = await call<{ invite: string }>(`${path}/invite`, { method: 'POST' });
    setLink(`${location.origin}/#/join/${invite.split('/').pop()}`);
  });
  const bot = attempt(async () => {
    await call(`${path}/bot`, { method: 'PUT', body: { strategy } });
    onChange();
  });
  const unbot = attempt(async () => {
    await call(`${path}/bot`, { method: 'DELETE' });
    onChange();
  });
  return (
    <tr data-role={seat.role}>
      <th scope="row">{seat.role}</th>
      <td>{seat.kind}</td>
      <td>{seat.bot ? `bot: ${seat.bot.strategy}` : 'person'}</td>
      <td>
        {seat.role !== 'convenor' && (
          <button type="button" onClick={invite} aria-label={`Invite link for ${seat.role}`}>
            Invite link
          </button>
        )}
        {link && (
          <>
            <input readOnly value={link} aria-label={`Invite link for ${seat.role}`} className="invite" />
            <button type="button" onClick={() => void navigator.clipboard?.writeText(link)}>
              Copy
            </button>
          </>
        )}
      </td>
      <td>
        {seat.kind !== 'convenor' && seat.kind !== 'observer' && (
          <>
            <select
              value={strategy}
              onChange={(e) => setStrategy(e.target.value)}
              aria-label={`Bot strategy for ${seat.role}`}
            >
              {STRATEGIES.map((s) => (
                <option key={s}>{s}</option>
              ))}
            </select>
            <button type="button" onClick={bot}>
              Give to bot
            </button>
            {seat.bot && (
              <button type="button" onClick={unbot}>
                Take back
              </button>
            )}
          </>
        )}
        {error && <span className="status error"> {error}</span>}
      </td>
    </tr>
  );
}

function Downloads({ session }: { session: Session }) {
  const [error, setError] = useState<string | null>(null);
  const id = session.info.id;
  const get = (path: string, name: string, type: string) => () =>
    call<unknown>(sessionPath(id, path, session.base))
      .then((body) => download(name, typeof body === 'string' ? body : JSON.stringify(body, null, 2), type))
      .catch((e: Error) => setError(e.message));
  const release = () =>
    call(sessionPath(id, '/release', session.base), { method: 'POST' })
      .then(() => setError('Results released to every seat.'))
      .catch((e: Error) => setError(e.message));
  return (
    <section aria-labelledby="record-title">
      <h2 id="record-title">Record</h2>
      <button type="button" onClick={get('/log', `${id}-events.jsonl`, 'application/x-ndjson')}>
        Download the log
      </button>{' '}
      <button type="button" disabled={!session.over} onClick={get('/result', `${id}-result.json`, 'application/json')}>
        Download the result
      </button>{' '}
      <button
        type="button"
        disabled={!session.over}
        onClick={get('/reports/agreement.md', `${id}-agreement.md`, 'text/markdown')}
      >
        Download the agreement text
      </button>{' '}
      <button type="button" disabled={!session.over} onClick={release}>
        Release results to every seat
      </button>
      {error && <p role="status">{error}</p>}
    </section>
  );
}

/** The convenor: seats (invites, bots), the progress of the talks, closing them, the record. */
export function ConvenorConsole({ session }: { session: Session }) {
  const id = session.info.id;
  const { base } = session;
  const [seats, setSeats] = useState<Seat[]>([]);
  const load = useCallback(() => {
    void call<{ seats: Seat[] }>(sessionPath(id, '/seats', base)).then((r) => setSeats(r.seats));
  }, [id, base]);
  useEffect(load, [load]);
  const waiting = session.expected.filter((e) => e.may.length > 0);
  return (
    <ConsoleFrame session={session} title="Convenor">
      <section aria-labelledby="seats-title">
        <h2 id="seats-title">Seats</h2>
        <table className="seats">
          <thead>
            <tr>
              <th scope="col">Seat</th>
              <th scope="col">Kind</th>
              <th scope="col">Played by</th>
              <th scope="col">Invite</th>
              <th scope="col">Bot</th>
            </tr>
          </thead>
          <tbody>
            {seats.map((s) => (
              <SeatRow key={s.role} id={id} base={base} seat={s} onChange={load} />
            ))}
          </tbody>
        </table>
      </section>
      <section aria-labelledby="progress-title">
        <h2 id="progress-title">Progress</h2>
        <p>
          {session.over
            ? 'The talks are over.'
            : waiting.length
              ? `Waiting for: ${waiting.map((e) => `${e.role} (${e.may.join(', ')})`).join('; ')}`
              : 'Nobody is expected to move now.'}
        </p>
      </section>
      <CloseTalks session={session} />
      <Downloads session={session} />
      <EventList events={session.events} title="Every event (the convenor audits)" headingLevel={2} />
    </ConsoleFrame>
  );
}
