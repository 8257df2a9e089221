import type {} from '@fastify/cookie';
import type { FastifyRequest } from 'fastify';
import { ParleyError } from '../core/errors.js';
import { hashSecret, type EventStore } from '../store/store.js';

/** The cookie a browser gets for an invite link. */
export const SEAT_COOKIE = 'parley_seat';
export const ADMIN_META = 'admin_token_hash';

/** Who a request speaks for: the server's admin, or exactly one seat of one session. */
export type Principal =
  { readonly admin: true } | { readonly admin: false; readonly session: string; readonly role: string };

const unauthorized = (why: string) => new ParleyError('PARLEY_E_AUTH', why);

/** The admin token's hash, read once it is set: it is made at the first start and never changes. */
const adminHashes = new WeakMap<EventStore, string>();

async function adminHash(store: EventStore): Promise<string | undefined> {
  let hash = adminHashes.get(store);
  if (hash === undefined) {
    hash = await store.getMeta(ADMIN_META);
    if (hash !== undefined) adminHashes.set(store, hash);
  }
  return hash;
}

/**
 * Binds a request to its seat. Tokens come only as `Authorization: Bearer …` (never in
 * the URL); browsers send the HttpOnly cookie an invite gave them.
 */
export async function principalOf(request: FastifyRequest, store: EventStore): Promise<Principal> {
  const header = request.headers.authorization;
  if (header !== undefined) {
    const match = /^Bearer ([A-Za-z0-9_-]{16,200})$/.exec(header);
    if (!match) throw unauthorized('the Authorization header must be "Bearer <token>"');
    const hash = hashSecret(match[1]!);
    if (hash === (await adminHash(store))) return { admin: true };
    const seat = await store.credential(hash, ['bearer']);
    if (!seat) throw unauthorized('unknown or revoked token');
    return { admin: false, ...seat };
  }
  const cookie = request.cookies?.[SEAT_COOKIE];
  if (cookie !== undefined) {
    const seat = await store.credential(hashSecret(cookie), ['cookie']);
    if (!seat) throw unauthorized('unknown or revoked seat cookie');
    return { admin: false, ...seat };
  }
  throw unauthorized('no credentials: send "Authorization: Bearer <token>"');
}

/** The seat of a request on session `id`; another session's seat is told there is no such session. */
export function seatIn(principal: Principal, id: string): { session: string; role: string } {
  if (principal.admin)
    throw new ParleyError('PARLEY_E_FORBIDDEN', 'the admin token creates sessions; use a seat token here');
  if (principal.session !== id) throw new ParleyError('PARLEY_E_NOT_FOUND', `no session ${id}`);
  return principal;
}

export function requireAdmin(principal: Principal): void {
  if (!principal.admin) throw new ParleyError('PARLEY_E_FORBIDDEN', 'only the admin token creates and lists sessions');
}

/** A stable key per credential for rate limits, without keeping the secret. */
export function rateKey(request: FastifyRequest): string {
  const header = request.headers.authorization;
  if (header) return `t:${hashSecret(header)}`;
  const cookie = request.cookies?.[SEAT_COOKIE];
  if (cookie) return `c:${hashSecret(cookie)}`;
  return `ip:${request.ip}`;
}
