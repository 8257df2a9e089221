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

export function auth(ctx: RouteContext, request: FastifyRequest): Promise<Principal> {
  return principalOf(request, ctx.store);
}
