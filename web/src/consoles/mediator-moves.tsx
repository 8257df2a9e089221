import { useState } from 'react';
import { describe } from '../describe.js';
import { useAct } from '../parts/act.js';
import type { ProtocolEvent } from '../types.js';
import type { Session } from '../use-session.js';

function partiesOf(session: Session): readonly string[] {
  const m = session.info.roles.mediators.find((x) => x.name === session.view.role);
  return m?.channels.length ? m.channels : session.info.parties;
}

function Binding({ value, set }: { value: boolean; set: (b: boolean) => void }) {
  return (
    <label>
      <input type="checkbox" checked={value} onChange={(e) => set(e.target.checked)} /> binding (a formal position)
    </label>
  );
}

/** What a party said that a mediator may pass on: its answers, relays to it, its statements. */
const relayable = (e: ProtocolEvent) =>
  e.kind === 'package-response' || e.kind === 'text-response' || e.kind === 'statement' || e.kind === 'caucus';

/** Relay a message to a party, as said or reworded; picking a message fills in its words. */
export function RelayForm({ session }: { session: Session }) {
  const parties = partiesOf(session);
  const sources = session.events.filter(relayable);
  const [to, setTo] = useState(parties[0] ?? '');
  const [message, setMessage] = useState('');
  const [about, setAbout] = useState('');
  const [binding, setBinding] = useState(false);
  const { run, busy, line } = useAct(session);
  const pick = (seq: string) => {
    const e = sources.find((x) => String(x.seq) === seq);
    if (!e) return;
    setMessage(describe(e));
    if ('proposal' in e) setAbout(String(e.proposal));
    const from = 'party' in e ? e.party : undefined;
    const other = parties.find((p) => p !== from);
    if (other) setTo(other);
  };
  return (
    <form
      aria-labelledby="relay-title"
      onSubmit={(e) => {
        e.preventDefault();
        void run(
          { kind: 'relay', to, message, ...(about ? { about } : {}), ...(binding ? { binding } : {}) },
          `Relayed to ${to}.`,
        );
      }}
    >
      <h3 id="relay-title">Relay or reword a message</h3>
      <label>
        Message to pass on{' '}
        <select aria-label="Message to pass on" value="" onChange={(e) => pick(e.target.value)}>
          <option value="">— pick one, then reword it —</option>
          {sources.map((e) => (
            <option key={e.seq} value={e.seq}>
              {describe(e).slice(0, 90)}
            </option>
          ))}
        </select>
      </label>
      <label>
        To{' '}
        <select aria-label="To" value={to} onChange={(e) => setTo(e.target.value)}>
          {parties.map((p) => (
            <option key={p}>{p}</option>
          ))}
        </select>
      </label>
      <label>
        In these words <textarea value={message} onChange={(e) => setMessage(e.target.value)} required />
      </label>
      <label>
        About (proposal) <input value={about} onChange={(e) => setAbout(e.target.value)} />
      </label>
      <Binding value={binding} set={setBinding} />
      <button type="submit" disabled={busy}>
        Relay
      </button>
      {line}
    </form>
  );
}

/** A private word with one party: only this mediator and that party's side hear it. */
export function CaucusForm({ session }: { session: Session }) {
  const parties = partiesOf(session);
  const [party, setParty] = useState(parties[0] ?? '');
  const [message, setMessage] = useState('');
  const [binding, setBinding] = useState(false);
  const { run, busy, line } = useAct(session);
  return (
    <form
      aria-labelledby="caucus-title"
      onSubmit={(e) => {
        e.preventDefault();
        void run({ kind: 'caucus', with: party, message, binding }, `Caucus with ${party}: sent.`);
      }}
    >
      <h3 id="caucus-title">Private caucus</h3>
      <label>
        With{' '}
        <select aria-label="With" value={party} onChange={(e) => setParty(e.target.value)}>
          {parties.map((p) => (
            <option key={p}>{p}</option>
          ))}
        </select>
      </label>
      <label>
        Message <textarea value={message} onChange={(e) => setMessage(e.target.value)} required />
      </label>
      <Binding value={binding} set={setBinding} />
      <button type="submit" disabled={busy}>
        Send in caucus
      </button>
      {line}
    </form>
  );
}

/** Adjourn the talks for some or all parties, until a return deadline (scenario hours). */
export function AdjournForm({ session }: { session: Session }) {
  const parties = partiesOf(session);
  const [hours, setHours] = useState('12');
  const [chosen, setChosen] = useState<string[]>([...parties]);
  const [reason, setReason] = useState('');
  const { run, busy, line } = useAct(session);
  return (
    <form
      aria-labelledby="adjourn-talks-title"
      onSubmit={(e) => {
        e.preventDefault();
        void run(
          { kind: 'adjourn-talks', until: session.now + Number(hours), parties: chosen, ...(reason ? { reason } : {}) },
          `Talks adjourned for ${chosen.join(', ')}.`,
        );
      }}
    >
      <h3 id="adjourn-talks-title">Adjourn the talks</h3>
      <fieldset>
        <legend>For</legend>
        {parties.map((p) => (
          <label key={p}>
            <input
              type="checkbox"
              checked={chosen.includes(p)}
              onChange={(e) => setChosen(e.target.checked ? [...chosen, p] : chosen.filter((x) => x !== p))}
            />{' '}
            {p}
          </label>
        ))}
      </fieldset>
      <label>
        Return within (scenario hours){' '}
        <input type="number" min="0.1" step="any" value={hours} onChange={(e) => setHours(e.target.value)} />
      </label>
      <label>
        Reason <input value={reason} onChange={(e) => setReason(e.target.value)} />
      </label>
      <button type="submit" disabled={busy || chosen.length === 0}>
        Adjourn
      </button>
      {line}
    </form>
  );
}

/** A public statement (everyone sees it), binding or not. */
export function StatementForm({ session }: { session: Session }) {
  const [text, setText] = useState('');
  const [binding, setBinding] = useState(false);
  const { run, busy, line } = useAct(session);
  return (
    <form
      aria-labelledby="statement-title"
      onSubmit={(e) => {
        e.preventDefault();
        void run({ kind: 'statement', text, ...(binding ? { binding } : {}) }, 'Statement made in public.');
      }}
    >
      <h3 id="statement-title">Public statement</h3>
      <label>
        Text <textarea value={text} onChange={(e) => setText(e.target.value)} required />
      </label>
      <Binding value={binding} set={setBinding} />
      <button type="submit" disabled={busy}>
        Make statement
      </button>
      {line}
    </form>
  );
}

/** A private note: only this seat ever sees it. */
export function NoteForm({ session }: { session: Session }) {
  const [text, setText] = useState('');
  const [about, setAbout] = useState('');
  const { run, busy, line } = useAct(session);
  return (
    <form
      aria-labelledby="note-title"
      onSubmit={(e) => {
        e.preventDefault();
        void run({ kind: 'note', text, ...(about ? { about } : {}) }, 'Note kept (only you see it).');
      }}
    >
      <h3 id="note-title">Private note</h3>
      <label>
        Note <textarea value={text} onChange={(e) => setText(e.target.value)} required />
      </label>
      <label>
        About <input value={about} onChange={(e) => setAbout(e.target.value)} />
      </label>
      <button type="submit" disabled={busy}>
        Keep note
      </button>
      {line}
    </form>
  );
}
