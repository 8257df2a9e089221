import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { builtins } from '../../formats/builtin.js';
import { createSessionSchema } from '../../host/spec.js';
import { seatView, sessionInfo, visibleEvents } from '../../host/views.js';
import { requireAdmin, seatIn } from '../auth.js';
import { afterQuery, sessionParams } from '../schemas.js';
import { auth, type RouteContext } from './context.js';

const bearer = [{ bearer: [] }];

const builtinListSchema = z.object({
  scenarios: z.array(
    z.object({
      name: z.string().meta({ description: 'The name `POST /sessions` takes as `scenario`.' }),
      kind: z.string().meta({ description: 'parley, genius or geniusweb: the format it is stored in.' }),
      origin: z.string().nullable(),
    }),
  ),
});

/** Opening sessions (admin) and reading them (any seat of the session). */
export function sessionRoutes(ctx: RouteContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.post(
      '/sessions',
      {
        bodyLimit: ctx.uploadLimit,
        schema: {
          summary: 'Open a session from a built-in or uploaded scenario (admin token)',
          description:
            'The same choices as `parley run` (protocol, agents, mediators, rounds, time, seed) plus the live ones: `timeScale` and `bots`. Answers one secret token per seat; it is shown only here.',
          security: bearer,
          body: createSessionSchema,
        },
      },
      async (request, reply) => {
        requireAdmin(await auth(ctx, request));
        const created = await ctx.host.create(request.body);
        return reply.status(201).send(created);
      },
    );

    app.get(
      '/sessions',
      { schema: { summary: 'List session ids (admin token)', security: bearer } },
      async (request) => {
        requireAdmin(await auth(ctx, request));
        return { sessions: await ctx.store.sessionIds() };
      },
    );

    app.get(
      '/scenarios',
      {
        schema: {
          summary: 'The built-in scenarios a session can be opened from (admin token)',
          security: bearer,
          response: { 200: builtinListSchema },
        },
      },
      async (request) => {
        requireAdmin(await auth(ctx, request));
        return { scenarios: builtins().map((b) => ({ name: b.name, kind: b.kind, origin: b.origin ?? null })) };
      },
    );

    app.get(
      '/sessions/:id',
      {
        schema: {
          summary: 'The session as this seat may know it (never the timeline ahead, except for the convenor)',
          security: bearer,
          params: sessionParams,
        },
      },
      async (request) => {
        const seat = seatIn(await auth(ctx, request), request.params.id);
        return sessionInfo(await ctx.host.live(seat.session), seat.role);
      },
    );

    app.get(
      '/sessions/:id/view',
      {
        schema: {
          summary:
            "This seat's view: its visible events, `expected` (its own moves, until when), the clock, its own preferences",
          security: bearer,
          params: sessionParams,
        },
      },
      async (request) => {
        const seat = seatIn(await auth(ctx, request), request.params.id);
        return seatView(await ctx.host.live(seat.session), seat.role);
      },
    );

    app.get(
      '/sessions/:id/events',
      {
        schema: {
          summary: 'The events this seat may see, after a seq',
          security: bearer,
          params: sessionParams,
          querystring: afterQuery,
        },
      },
      async (request) => {
        const seat = seatIn(await auth(ctx, request), request.params.id);
        const live = await ctx.host.live(seat.session);
        const events = visibleEvents(live, seat.role, request.query.after ?? -1);
        return { events, over: live.isOver() };
      },
    );
  };
}

export const createdSchema = z.object({ id: z.string() });
