import { StrictMode, useEffect, useState, type FormEvent } from 'react';
import { createRoot } from 'react-dom/client';
import { call, keyOf, seatRoute, type Joined } from './api.js';
import { ConvenorConsole } from './consoles/convenor.js';
import { DecisionBodyConsole } from './consoles/decision-body.js';
import { DelegationConsole } from './consoles/delegation.js';
import { MediatorConsole } from './consoles/mediator.js';
import { ObserverConsole } from './consoles/observer.js';
import { OpenSession } from './consoles/open-session.js';
import { PrintPage } from './consoles/print.js';
import { WorkingGroupConsole } from './consoles/working-group.js';
import './style.css';
import { useSession, type Session } from './use-session.js';

/** Routes live in the fragment (never sent to the server): #/join/CODE, #/s/ID/KEY, #/s/ID/KEY/print. */
function useRoute(): string {
  const [hash, setHash] = useState(location.hash);
  useEffect(() => {
    const on = () => setHash(location.hash);
    addEventListener('hashchange', on);
    return () => removeEventListener('hashchange', on);
  }, []);
  return hash.replace(/^#/, '') || '/';
}

const go = (path: string) => {
  location.hash = path;
};

/** An invite link: exchanged once for this browser's seat cookie, then the seat's console. */
function Join({ code }: { code: string }) {
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    call<Joined>(`/invite/${encodeURIComponent(code)}`)
      .then((seat) => location.replace(seatRoute(seat.session, keyOf(seat))))
      .catch((e: Error) => setError(e.message));
  }, [code]);
  return (
    <main className="panel">{error ? <p role="alert">Could not join: {error}</p> : <p>Taking your seat…</p>}</main>
  );
}

function Home() {
  const join = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const link = String(new FormData(e.currentTarget).get('link') ?? '');
    const code = link.split('/').pop();
    if (code) go(`/join/${code}`);
  };
  return (
    <main className="home">
      <h1>parley</h1>
      <form className="panel" onSubmit={join} aria-labelledby="join-title">
        <h2 id="join-title">Take your seat</h2>
        <label>
          Invite link <input name="link" required />
        </label>{' '}
        <button type="submit">Join</button>
      </form>
      <OpenSession onOpened={(seat) => location.assign(seatRoute(seat.session, keyOf(seat)))} />
    </main>
  );
}

function SeatConsole({ session }: { session: Session }) {
  switch (session.view.kind) {
    case 'convenor':
      return <ConvenorConsole session={session} />;
    case 'mediator':
      return <MediatorConsole session={session} />;
    case 'delegation':
      return <DelegationConsole session={session} />;
    case 'decision-body':
      return <DecisionBodyConsole session={session} />;
    case 'working-group':
      return <WorkingGroupConsole session={session} />;
    default:
      return <ObserverConsole session={session} />;
  }
}

function SessionPage({ id, seatKey, print }: { id: string; seatKey?: string; print: boolean }) {
  const { session, error } = useSession(id, seatKey);
  if (error)
    return (
      <main className="panel">
        <p role="alert">{error}</p>
      </main>
    );
  if (!session)
    return (
      <main className="panel">
        <p>Loading…</p>
      </main>
    );
  return print ? <PrintPage session={session} /> : <SeatConsole session={session} />;
}

function App() {
  const route = useRoute();
  const join = /^\/join\/(.+)$/.exec(route);
  if (join) return <Join code={join[1]!} />;
  // A seat's route names its seat key (the path its cookie holds for); without one, the page has no seat.
  const seat = /^\/s\/([^/]+)(?:\/([A-Za-z0-9_-]{22}))?(\/print)?$/.exec(route);
  if (seat)
    return (
      <SessionPage
        key={`${seat[1]}/${seat[2] ?? ''}`}
        id={decodeURIComponent(seat[1]!)}
        seatKey={seat[2]}
        print={seat[3] !== undefined}
      />
    );
  return <Home />;
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
