import type {} from '@fastify/cookie';
import { createHash } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { FastifyRequest } from 'fastify';
import { ParleyError } from '../core/errors.js';
import { hashSecret, type EventStore } from '../store/store.js';

/** The cookie a browser gets for an invite link, one per seat, each on its seat's own path (`seatPath`). */
export const SEAT_COOKIE = 'parley_seat';
export const ADMIN_META = 'admin_token_hash';

/**
 * The path prefix a browser speaks as one seat under: `/seat/<key>`, where the key names the
 * session and seat (not secret; the cookie is the credential). The invite sets the seat's
 * cookie with this path, so a browser sends each seat's cookie only with that seat's
 * requests, and several seats, of one session or several, live side by side in one browser.
 */
export function seatPath(session: string, role: string): string {
  return `/seat/${createHash('sha256').update(`${session}\n${role}`).digest('base64url').slice(0, 22)}`;
}

const SCOPED = /^(\/seat\/[A-Za-z0-9_-]{22})(\/.*)$/;
const scopes = new WeakMap<IncomingMessage, string>();

/**
 * Fastify's `rewriteUrl`: `/seat/<key>/sessions/…` is routed as `/sessions/…`, remembering the
 * seat path the request came under, which its cookie must belong to.
 */
export function unscopedUrl(request: IncomingMessage): string {
  const url = request.url ?? '/';
  const scoped = url.startsWith('/seat/') ? SCOPED.exec(url) : null;
  if (!scoped) return url;
  scopes.set(request, scoped[1]!);
  return scoped[2]!;
}

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
    const scope = scopes.get(request.raw);
    if (scope !== undefined && scope !== seatPath(seat.session, seat.role))
      throw unauthorized(`the seat cookie sent is not for the seat of ${scope}`);
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
