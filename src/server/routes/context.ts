import type { FastifyRequest } from 'fastify';
import type { Host } from '../../host/host.js';
import type { EventStore } from '../../store/store.js';
import { principalOf, type Principal } from '../auth.js';
import type { SocketRegistry } from '../sockets.js';

/** What every route group shares. */
export interface RouteContext {
  readonly host: Host;
  readonly store: EventStore;
  readonly sockets: SocketRegistry;
  readonly uploadLimit: number;
  readonly ratePerMinute: number;
}

const principals = new WeakMap<FastifyRequest, Promise<Principal>>();

/** The request's principal, resolved once (the first time by the hook that runs before validation). */
export function auth(ctx: RouteContext, request: FastifyRequest): Promise<Principal> {
  let principal = principals.get(request);
  if (!principal) {
    principal = principalOf(request, ctx.store);
    principals.set(request, principal);
  }
  return principal;
}
