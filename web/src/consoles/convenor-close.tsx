import { useEffect, useRef, useState } from 'react';
import { useAct } from '../parts/act.js';
import type { Session } from '../use-session.js';

/** The question before a close; it takes the focus when it appears, so a keyboard or screen-reader user meets it at once. */
function ConfirmClose({ busy, onYes, onCancel }: { busy: boolean; onYes: () => void; onCancel: () => void }) {
  const yes = useRef<HTMLButtonElement>(null);
  useEffect(() => yes.current?.focus(), []);
  return (
    <div role="group" aria-label="Confirm closing the talks">
      <p>Close the talks now? This cannot be undone.</p>
      <button type="button" ref={yes} disabled={busy} onClick={onYes}>
        Yes, close the talks
      </button>{' '}
      <button type="button" disabled={busy} onClick={onCancel}>
        Cancel
      </button>
    </div>
  );
}

/**
 * The convenor closes the talks: a reason every seat is told, then a confirmation, since a
 * close cannot be undone and ends the talks without agreement (a package still awaiting
 * ratification lapses). Once closed, the record is ready in the Record section.
 */
export function CloseTalks({ session }: { session: Session }) {
  const [reason, setReason] = useState('');
  const [confirming, setConfirming] = useState(false);
  const { run, busy, line } = useAct(session);
  const closed = session.events.find((e) => e.kind === 'closed');
  if (session.over && !confirming)
    return (
      <section aria-labelledby="close-title">
        <h2 id="close-title">Close the talks</h2>
        <p>
          {closed?.kind === 'closed'
            ? `You closed the talks: ${closed.reason}`
            : 'The talks have ended; there is nothing to close.'}
        </p>
        {line}
      </section>
    );
  const close = async () => {
    const done = await run({ kind: 'close', reason: reason.trim() }, 'Talks closed. The record is ready below.');
    setConfirming(false);
    if (done) setReason('');
  };
  return (
    <form
      aria-labelledby="close-title"
      onSubmit={(e) => {
        e.preventDefault();
        setConfirming(true);
      }}
    >
      <h2 id="close-title">Close the talks</h2>
      <p className="muted">
        Ends the talks for every seat, without agreement: a package still awaiting ratification lapses. Every seat is
        told the reason.
      </p>
      <label>
        Reason for closing{' '}
        <textarea value={reason} required maxLength={2000} onChange={(e) => setReason(e.target.value)} />
      </label>
      {confirming ? (
        <ConfirmClose busy={busy} onYes={() => void close()} onCancel={() => setConfirming(false)} />
      ) : (
        <button type="submit" disabled={busy || reason.trim() === ''}>
          Close the talks…
        </button>
      )}
      {line}
    </form>
  );
}
