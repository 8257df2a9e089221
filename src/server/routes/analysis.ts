import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ParleyError } from '../../core/errors.js';
import { seatAnalysis, seatSuggestion } from '../../host/analysis/seat.js';
import { CONVENOR } from '../../host/host.js';
import { analysisResponse, suggestBody, suggestionResponse } from '../analysis-schemas.js';
import { seatIn } from '../auth.js';
import { seatParams } from '../schemas.js';
import { auth, type RouteContext } from './context.js';

const bearer = [{ bearer: [] }];

/** A seat's analysis and a mediator's suggestions, always from that seat's own view. */
export function analysisRoutes(ctx: RouteContext): FastifyPluginAsyncZod {
  return async (app) => {
    /** The seat asked about: the caller's own (the convenor, who audits, may ask about any). */
    const seatAsked = async (request: Parameters<typeof auth>[1], id: string, role: string) => {
      const seat = seatIn(await auth(ctx, request), id);
      if (seat.role !== role && seat.role !== CONVENOR)
        throw new ParleyError('PARLEY_E_FORBIDDEN', `${seat.role} reads its own analysis, not ${role}'s`);
      if (!(await ctx.store.seats(id)).some((s) => s.role === role))
        throw new ParleyError('PARLEY_E_NOT_FOUND', `no seat "${role}" in this session`);
      return ctx.host.live(seat.session);
    };

    app.get(
      '/sessions/:id/seats/:role/analysis',
      {
        schema: {
          summary: "The seat's analysis from its own view only (a mediator's never uses the parties' true profiles)",
          description:
            'A mediator: the texts it saw, each party as shared with it or as modelled from its answers, the estimated frontier, zone, Nash point and sticking points, and which revealed red lines the current text crosses. A delegation or decision body: what each text is worth to its own party beside its walk-away value (by preferences the delegation kept for itself, if any). Other seats: the texts their view holds.',
          security: bearer,
          params: seatParams,
          response: { 200: analysisResponse },
        },
      },
      async (request) =>
        seatAnalysis(await seatAsked(request, request.params.id, request.params.role), request.params.role),
    );

    app.post(
      '/sessions/:id/seats/:role/suggest',
      {
        schema: {
          summary: "A built-in mediator's next text from this mediator seat's view; nothing is tabled",
          security: bearer,
          params: seatParams,
          body: suggestBody,
          response: { 200: suggestionResponse },
        },
      },
      async (request) => {
        const live = await seatAsked(request, request.params.id, request.params.role);
        return seatSuggestion(live, request.params.role, request.body.strategy);
      },
    );
  };
}
