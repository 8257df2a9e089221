import { randomBytes } from 'node:crypto';
import type { LiveSession } from '../host/live-session.js';
import { hashSecret } from '../store/store.js';

/**
 * The secrets in the profile addresses parley gives GeniusWeb parties: one per seated
 * party, held in memory only as hashes (a restarted server seats the party again with a
 * new address), each opening the profile of that one seat.
 */
const secrets = new WeakMap<LiveSession, Map<string, string>>();

/** A fresh secret for `role`'s profile; the seat's earlier secrets stop working. */
export function issueProfileSecret(live: LiveSession, role: string): string {
  revokeProfileSecrets(live, role);
  let byHash = secrets.get(live);
  if (!byHash) {
    byHash = new Map();
    secrets.set(live, byHash);
  }
  const secret = randomBytes(32).toString('base64url');
  byHash.set(hashSecret(secret), role);
  return secret;
}

/** The seat a secret opens in this session, if any. */
export function roleOfProfileSecret(live: LiveSession, secret: string): string | undefined {
  return secrets.get(live)?.get(hashSecret(secret));
}

export function revokeProfileSecrets(live: LiveSession, role: string): void {
  const byHash = secrets.get(live);
  if (!byHash) return;
  for (const [hash, r] of byHash) if (r === role) byHash.delete(hash);
}
