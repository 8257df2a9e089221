import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { isParleyError } from '../../core/errors.js';
import { roleOfProfileSecret } from '../../geniusweb/profile-secrets.js';
import { seatProfileJson } from '../../geniusweb/profile.js';
import type { RouteContext } from './context.js';

const params = z.strictObject({
  id: z.string().min(1).max(200),
  secret: z.string().regex(/^[A-Za-z0-9_-]{16,200}$/),
});

/**
 * The profile socket of a seat played by a GeniusWeb party: the address parley gave the
 * party in `Settings`, whose secret opens that one seat's profile and nothing else. The
 * party connects and receives its profile in GeniusWeb JSON; a wrong session or secret
 * gets a close with code 4404 and nothing else.
 */
export function geniusWebProfileRoutes(ctx: RouteContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/geniusweb/profiles/:id/:secret',
      {
        websocket: true,
        schema: {
          summary: "WebSocket for a GeniusWeb party: its seat's profile (LinearAdditiveUtilitySpace JSON)",
          params,
        },
      },
      async (socket, request) => {
        const { id, secret } = request.params;
        try {
          const live = await ctx.host.live(id);
          const role = roleOfProfileSecret(live, secret);
          if (role === undefined) return socket.close(4404, 'no such profile');
          socket.send(JSON.stringify(seatProfileJson(live, role)));
        } catch (e) {
          if (!isParleyError(e)) request.log.error({ err: e }, 'GeniusWeb profile');
          socket.close(4404, 'no such profile');
        }
      },
    );
  };
}
