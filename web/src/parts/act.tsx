import { useState } from 'react';
import type { Session } from '../use-session.js';

/**
 * Sends an action and says what came of it, in a status line screen readers announce:
 * the server's own reason when the protocol refuses it.
 */
export function useAct(session: Session) {
  const [status, setStatus] = useState<{ ok: boolean; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const run = async (action: Record<string, unknown>, done: string): Promise<boolean> => {
    setBusy(true);
    setStatus(null);
    const refused = await session.act(action);
    setBusy(false);
    setStatus(refused ? { ok: false, text: `Refused: ${refused}` } : { ok: true, text: done });
    return refused === null;
  };
  const line = (
    <p role="status" aria-live="polite" className={status?.ok === false ? 'status error' : 'status'}>
      {status?.text}
    </p>
  );
  return { run, busy, line };
}
