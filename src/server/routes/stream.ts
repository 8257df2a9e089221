import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { WebSocket } from 'ws';
import { isParleyError } from '../../core/errors.js';
import type { LiveSession } from '../../host/live-session.js';
import { expectedFor, viewerOf, visibleEvents } from '../../host/views.js';
import type { ProtocolEvent } from '../../protocols/events.js';
import { filterEvents } from '../../protocols/visibility.js';
import { seatIn } from '../auth.js';
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

/** The TCP socket under a WebSocket (ws keeps it as `_socket`), to cork it. */
type Raw = { cork(): void; uncork(): void };
const rawOf = (socket: WebSocket): Raw | undefined => (socket as unknown as { _socket?: Raw })._socket;
const corked = new WeakSet<WebSocket>();

/**
 * Sends one message (one WebSocket frame). The frames a socket gets in one turn of the event
 * loop (an action's events, the new `expected`, its ack) leave in one write: the TCP socket
 * stays corked until the turn's callbacks and promise reactions have run.
 */
function send(socket: WebSocket, message: unknown): void {
  sendText(socket, JSON.stringify(message));
}

function sendText(socket: WebSocket, text: string): void {
  if (socket.readyState !== socket.OPEN) return;
  const raw = rawOf(socket);
  if (raw && !corked.has(socket)) {
    raw.cork();
    corked.add(socket);
    process.nextTick(() => {
      corked.delete(socket);
      raw.uncork();
    });
  }
  socket.send(text);
}

/** Each committed event's frame, made once for all the sockets that may see it (events never change). */
const eventFrames = new WeakMap<ProtocolEvent, string>();

function eventFrame(event: ProtocolEvent): string {
  let frame = eventFrames.get(event);
  if (frame === undefined) eventFrames.set(event, (frame = JSON.stringify({ type: 'event', event })));
  return frame;
}

function sendState(socket: WebSocket, live: LiveSession, role: string): void {
  send(socket, {
    type: 'expected',
    now: live.state.now,
    round: live.state.round,
    over: live.isOver(),
    ...expectedFor(live, role),
  });
}

async function onMessage(
  socket: WebSocket,
  live: LiveSession,
  role: string,
  raw: string,
  window: Window,
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
    const answer = await submit(live, role, parsed.data.actionId, parsed.data.action);
    send(socket, { type: 'ack', answer });
  } catch (e) {
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
        const forward = (events: readonly ProtocolEvent[]) => {
          const visible = filterEvents(events, viewer).filter((e) => e.seq > last);
          for (const event of visible) sendText(socket, eventFrame(event));
          if (visible.length > 0) last = visible[visible.length - 1]!.seq;
          sendState(socket, live, role);
        };
        send(socket, { type: 'hello', session: live.id, role, after: last });
        forward(visibleEvents(live, role, last));
        const unsubscribe = live.subscribe(forward);
        const unregister = ctx.sockets.add(seat.session, role, socket);
        const window = new Window(ctx.ratePerMinute);
        socket.on('message', (data) => void onMessage(socket, live, role, String(data), window));
        socket.on('close', () => {
          unsubscribe();
          unregister();
        });
      },
    );
  };
}
