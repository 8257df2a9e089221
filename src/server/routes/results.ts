import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ParleyError } from '../../core/errors.js';
import { CONVENOR } from '../../host/host.js';
import { reportFile, resultFor } from '../../host/results.js';
import { requireOver } from '../../host/views.js';
import { logText } from '../../host/lines.js';
import { seatIn } from '../auth.js';
import { sessionParams } from '../schemas.js';
import { auth, type RouteContext } from './context.js';

const bearer = [{ bearer: [] }];

/** The end of a session: results by seat, the reports, the whole log for the convenor. */
export function resultRoutes(ctx: RouteContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/sessions/:id/result',
      {
        schema: {
          summary:
            "The result: in full for the convenor (and for all once released); else the ending and a party's own utility",
          security: bearer,
          params: sessionParams,
        },
      },
      async (request) => {
        const seat = seatIn(await auth(ctx, request), request.params.id);
        return resultFor(await ctx.host.live(seat.session), seat.role);
      },
    );

    app.get(
      '/sessions/:id/reports/:name',
      {
        schema: {
          summary: 'agreement.md, offers.svg or concession.svg (convenor, or all once released)',
          security: bearer,
          params: z.strictObject({ id: z.string().min(1).max(100), name: z.string().max(50) }),
        },
      },
      async (request, reply) => {
        const seat = seatIn(await auth(ctx, request), request.params.id);
        const file = await reportFile(await ctx.host.live(seat.session), seat.role, request.params.name);
        return reply.type(file.type).send(file.body);
      },
    );

    app.post(
      '/sessions/:id/release',
      {
        schema: {
          summary: 'Release the full results to every seat once the session has ended (convenor)',
          security: bearer,
          params: sessionParams,
        },
      },
      async (request, reply) => {
        const seat = seatIn(await auth(ctx, request), request.params.id);
        if (seat.role !== CONVENOR) throw new ParleyError('PARLEY_E_FORBIDDEN', 'only the convenor releases results');
        const live = await ctx.host.live(seat.session);
        requireOver(live);
        await ctx.store.release(seat.session);
        live.released = true;
        return reply.status(204).send();
      },
    );

    app.get(
      '/sessions/:id/log',
      {
        schema: {
          summary:
            'The whole event log as JSON lines, with its hash chain in the store; replays with `parley replay` (convenor)',
          security: bearer,
          params: sessionParams,
        },
      },
      async (request, reply) => {
        const seat = seatIn(await auth(ctx, request), request.params.id);
        if (seat.role !== CONVENOR)
          throw new ParleyError('PARLEY_E_FORBIDDEN', 'only the convenor reads the whole log');
        const live = await ctx.host.live(seat.session);
        return reply.type('application/x-ndjson').send(logText(await ctx.store.lines(seat.session), live.isOver()));
      },
    );
  };
}
