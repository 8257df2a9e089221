import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { WebSocket } from 'ws';
import { isParleyError } from '../../core/errors.js';
import type { ActionAnswer, Listener, LiveSession } from '../../host/live-session.js';
import type { ProtocolEvent } from '../../protocols/events.js';
import { eventText } from '../../host/lines.js';
import { expectedFrame, viewerOf, visibleEvents } from '../../host/views.js';
import { visibleTo } from '../../protocols/visibility.js';
import { seatIn } from '../auth.js';
import { sendTexts } from '../frames.js';
import { apiError } from '../errors.js';
import { actionRequestSchema, afterQuery, sessionParams } from '../schemas.js';
import { submit } from './act.js';
import { auth, type RouteContext } from './context.js';

/** A fixed one-minute window per socket: the WebSocket half of the per-token rate limit. */
class Window {
  private start = Date.now();
  private count = 0;
  constructor(private readonly max: number) {}
  take(): boolean {
    const now = Date.now();
    if (now - this.start >= 60_000) {
      this.start = now;
      this.count = 0;
    }
    return ++this.count <= this.max;
  }
}

/** Sends one message (one WebSocket frame). */
function send(socket: WebSocket, message: unknown): void {
  sendTexts(socket, [JSON.stringify(message)]);
}

/**
 * The actions a socket sent and not yet acknowledged, by id (with how many copies): an
 * action's ack goes out with its events when its commit is taken, or else (a retry answered
 * from the store, a refusal before the protocol) when its answer settles.
 */
type Owed = Map<string, number>;

function owe(owed: Owed, actionId: string): void {
  owed.set(actionId, (owed.get(actionId) ?? 0) + 1);
}

/** Takes one copy of an owed ack: true if it was still owed. */
function settle(owed: Owed, actionId: string): boolean {
  const n = owed.get(actionId);
  if (n === undefined) return false;
  if (n > 1) owed.set(actionId, n - 1);
  else owed.delete(actionId);
  return true;
}

async function onMessage(
  socket: WebSocket,
  live: LiveSession,
  role: string,
  raw: string,
  window: Window,
  owed: Owed,
): Promise<void> {
  let actionId: string | undefined;
  try {
    if (!window.take())
      return send(socket, { type: 'error', ...apiError('PARLEY_E_RATE_LIMIT', 'too many actions; slow down') });
    let data: unknown;
    try {
      data = JSON.parse(raw);
    } catch {
      return send(socket, { type: 'error', ...apiError('PARLEY_E_PARSE', 'the message is not valid JSON') });
    }
    const { type, ...rest } = (typeof data === 'object' && data !== null ? data : {}) as Record<string, unknown>;
    const parsed = actionRequestSchema.safeParse(rest);
    if (type !== 'action' || !parsed.success) {
      const why = parsed.success
        ? 'type must be "action"'
        : parsed.error.issues.map((i) => `${i.path.join('.') || '/'}: ${i.message}`).join('; ');
      return send(socket, { type: 'error', ...apiError('PARLEY_E_SCHEMA', `invalid message: ${why}`) });
    }
    actionId = parsed.data.actionId;
    owe(owed, actionId);
    const answer = await submit(live, role, parsed.data.actionId, parsed.data.action);
    if (settle(owed, actionId)) send(socket, { type: 'ack', answer });
  } catch (e) {
    if (actionId !== undefined) settle(owed, actionId);
    const error = isParleyError(e) ? apiError(e.code, e.message) : apiError('PARLEY_E_INTERNAL', 'internal error');
    send(socket, { type: 'error', ...(actionId !== undefined ? { actionId } : {}), ...error });
  }
}

/**
 * The seat's visible events as they are committed, from `after` on (resume after a
 * reconnect), each batch followed by `expected`; actions may be sent on the same socket.
 */
export function streamRoutes(ctx: RouteContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/sessions/:id/stream',
      {
        websocket: true,
        schema: {
          summary:
            'WebSocket: the visible events from `after` on, then live; send {"type":"action","actionId","action"}',
          security: [{ bearer: [] }],
          params: sessionParams,
          querystring: afterQuery,
        },
      },
      async (socket, request) => {
        let seat: { session: string; role: string };
        let live: LiveSession;
        try {
          seat = seatIn(await auth(ctx, request), request.params.id);
          live = await ctx.host.live(seat.session);
        } catch (e) {
          const error = isParleyError(e)
            ? apiError(e.code, e.message)
            : apiError('PARLEY_E_INTERNAL', 'internal error');
          send(socket, { type: 'error', ...error });
          socket.close(isParleyError(e) && e.code === 'PARLEY_E_AUTH' ? 4401 : 4404, error.error.code);
          return;
        }
        const { role } = seat;
        const viewer = viewerOf(live, role);
        let last = request.query.after ?? -1;
        const owed: Owed = new Map();
        // A commit's events and answers come with their JSON (made once for the store): an
        // event's frame is its line's text, an ack wraps the answer's stored text. The seat's
        // frames of one change (its events, the new `expected`, its acks) leave in one write,
        // and at once: not after those of every session that shared the commit.
        const framesOf = (
          frames: string[],
          events: readonly ProtocolEvent[],
          answers: readonly ActionAnswer[],
          eventTexts: readonly string[],
          answerTexts: readonly string[],
        ) => {
          for (let i = 0; i < events.length; i++) {
            const event = events[i]!;
            if (event.seq <= last || !visibleTo(event, viewer)) continue;
            frames.push(eventTexts[i]!);
            last = event.seq;
          }
          frames.push(expectedFrame(live, role));
          for (let i = 0; i < answers.length; i++) {
            const answer = answers[i]!;
            if (answer.role === role && settle(owed, answer.actionId))
              frames.push(`{"type":"ack","answer":${answerTexts[i]!}}`);
          }
          sendTexts(socket, frames);
        };
        const forward: Listener = (events, answers, eventTexts, answerTexts) =>
          framesOf([], events, answers, eventTexts, answerTexts);
        const missed = visibleEvents(live, role, last);
        framesOf(
          [JSON.stringify({ type: 'hello', session: live.id, role, after: last })],
          missed,
          [],
          missed.map(eventText),
          [],
        );
        const unsubscribe = live.subscribe(forward);
        const unregister = ctx.sockets.add(seat.session, role, socket);
        const window = new Window(ctx.ratePerMinute);
        socket.on('message', (data) => void onMessage(socket, live, role, String(data), window, owed));
        socket.on('close', () => {
          unsubscribe();
          unregister();
        });
      },
    );
  };
}
