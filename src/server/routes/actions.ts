import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { seatIn } from '../auth.js';
import { apiError } from '../errors.js';
import { actionRequestSchema, sessionParams } from '../schemas.js';
import { submit } from './act.js';
import { auth, type RouteContext } from './context.js';

export function actionRoutes(ctx: RouteContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.post(
      '/sessions/:id/actions',
      {
        schema: {
          summary: 'Act as this seat; durable before it is answered, exactly once per actionId',
          description:
            'A refused action answers 409 PARLEY_E_INVALID_ACTION with the reason and is logged as an `invalid-action` event that only the actor’s side sees.',
          security: [{ bearer: [] }],
          params: sessionParams,
          body: actionRequestSchema,
        },
      },
      async (request, reply) => {
        const seat = seatIn(await auth(ctx, request), request.params.id);
        const live = await ctx.host.live(seat.session);
        const answer = await submit(live, seat.role, request.body.actionId, request.body.action);
        if (answer.accepted) return answer;
        return reply.status(409).send({ ...apiError('PARLEY_E_INVALID_ACTION', answer.reason ?? 'refused'), answer });
      },
    );
  };
}
