import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ParleyError } from '../../core/errors.js';
import { CONVENOR, newSecret } from '../../host/host.js';
import { agentSpecSchema } from '../../host/spec.js';
import { geniusWebSeatSchema, withProfileServer } from '../../geniusweb/seat-spec.js';
import { hashSecret } from '../../store/store.js';
import { SEAT_COOKIE, seatIn, seatPath } from '../auth.js';
import { seatParams, sessionParams } from '../schemas.js';
import { auth, type RouteContext } from './context.js';
import { z } from 'zod';

const bearer = [{ bearer: [] }];

/** The convenor manages the seats: bots, tokens, invites. Browsers exchange an invite for a cookie. */
export function seatRoutes(ctx: RouteContext): FastifyPluginAsyncZod {
  return async (app) => {
    const convenorOf = async (request: Parameters<typeof auth>[1], id: string, role?: string) => {
      const seat = seatIn(await auth(ctx, request), id);
      if (seat.role !== CONVENOR) throw new ParleyError('PARLEY_E_FORBIDDEN', 'only the convenor manages seats');
      if (role !== undefined && !(await ctx.store.seats(id)).some((s) => s.role === role))
        throw new ParleyError('PARLEY_E_NOT_FOUND', `no seat "${role}" in this session`);
      return seat;
    };

    app.get(
      '/sessions/:id/seats',
      { schema: { summary: 'The seats, their kinds and bots (convenor)', security: bearer, params: sessionParams } },
      async (request) => {
        await convenorOf(request, request.params.id);
        const seats = await ctx.store.seats(request.params.id);
        return { seats: seats.map((s) => ({ role: s.role, kind: s.kind, bot: s.bot && JSON.parse(s.bot) })) };
      },
    );

    app.put(
      '/sessions/:id/seats/:role/bot',
      {
        schema: {
          summary: 'Give a seat to a built-in bot or a GeniusWeb party (convenor)',
          security: bearer,
          params: seatParams,
          body: z.union([agentSpecSchema, geniusWebSeatSchema]),
        },
      },
      async (request, reply) => {
        await convenorOf(request, request.params.id, request.params.role);
        await ctx.host.setBot(request.params.id, request.params.role, withProfileServer(request.body, request));
        return reply.status(204).send();
      },
    );

    app.delete(
      '/sessions/:id/seats/:role/bot',
      { schema: { summary: 'Take a seat back from its bot (convenor)', security: bearer, params: seatParams } },
      async (request, reply) => {
        await convenorOf(request, request.params.id, request.params.role);
        await ctx.host.setBot(request.params.id, request.params.role, null);
        return reply.status(204).send();
      },
    );

    app.post(
      '/sessions/:id/seats/:role/token',
      {
        schema: {
          summary: "Reissue a seat's token; every older credential of the seat stops working (convenor)",
          security: bearer,
          params: seatParams,
        },
      },
      async (request) => {
        const { id, role } = request.params;
        await convenorOf(request, id, role);
        await ctx.store.revokeSeat(id, role);
        ctx.sockets.closeSeat(id, role);
        const token = newSecret();
        await ctx.store.addCredential(hashSecret(token), id, role, 'bearer');
        return { role, token };
      },
    );

    app.delete(
      '/sessions/:id/seats/:role/token',
      {
        schema: {
          summary: "Revoke a seat's token, cookies and invites (convenor)",
          security: bearer,
          params: seatParams,
        },
      },
      async (request, reply) => {
        const { id, role } = request.params;
        await convenorOf(request, id, role);
        await ctx.store.revokeSeat(id, role);
        ctx.sockets.closeSeat(id, role);
        return reply.status(204).send();
      },
    );

    app.post(
      '/sessions/:id/seats/:role/invite',
      { schema: { summary: 'A one-time invite link for a browser (convenor)', security: bearer, params: seatParams } },
      async (request) => {
        const { id, role } = request.params;
        await convenorOf(request, id, role);
        const code = newSecret();
        await ctx.store.addCredential(hashSecret(code), id, role, 'invite');
        return { role, invite: `/invite/${code}` };
      },
    );

    app.get(
      '/invite/:code',
      {
        schema: {
          summary: 'Exchange a one-time invite for an HttpOnly, SameSite=Strict seat cookie',
          description:
            'The cookie holds for that seat alone, under the path the answer gives (`/seat/<key>`): send the seat’s requests (and its WebSocket) to `<path>/sessions/…`. Several seats, of one session or several, so coexist in one browser.',
          params: z.strictObject({ code: z.string().min(16).max(200) }),
        },
      },
      async (request, reply) => {
        const seat = await ctx.store.takeInvite(hashSecret(request.params.code));
        if (!seat) throw new ParleyError('PARLEY_E_AUTH', 'unknown or already used invite');
        const cookie = newSecret();
        await ctx.store.addCredential(hashSecret(cookie), seat.session, seat.role, 'cookie');
        const path = seatPath(seat.session, seat.role);
        reply.setCookie(SEAT_COOKIE, cookie, {
          httpOnly: true,
          sameSite: 'strict',
          secure: request.protocol === 'https',
          path,
        });
        return { session: seat.session, role: seat.role, path };
      },
    );
  };
}
