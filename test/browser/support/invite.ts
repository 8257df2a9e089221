import type { Harness } from '../../server/support/harness.js';

/** A one-time invite link for a seat, as the convenor console makes it. */
export async function inviteLink(
  h: Harness,
  session: { id: string; tokens: Record<string, string> },
  role: string,
): Promise<string> {
  const r = await h.call(
    'POST',
    `/sessions/${session.id}/seats/${encodeURIComponent(role)}/invite`,
    session.tokens.convenor,
  );
  return `http://127.0.0.1:${h.port}/#/join/${String(r.body.invite).split('/').pop()}`;
}
