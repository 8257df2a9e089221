import { useCallback, useEffect, useRef, useState } from 'react';
import { act as sendAction, call, seatBase, seatRoute, sessionPath } from './api.js';
import type { Expected, ProtocolEvent, SeatView, SessionInfo } from './types.js';

export interface LiveState {
  readonly info: SessionInfo;
  readonly view: SeatView;
  readonly events: readonly ProtocolEvent[];
  readonly expected: readonly Expected[];
  readonly over: boolean;
  readonly now: number;
  readonly connected: boolean;
  /** Events that arrived after the page loaded, newest last, for the notifications. */
  readonly fresh: readonly ProtocolEvent[];
}

export interface Session extends LiveState {
  /** The seat path its requests go under (its cookie holds there alone). */
  readonly base: string;
  /** The console's route, `#/s/<session>/<key>`. */
  readonly route: string;
  /** Sends an action as this seat and answers the server's reason when it is refused. */
  act(action: Record<string, unknown>): Promise<string | null>;
  /** Reloads the view (own preferences, clock) from the server. */
  reload(): Promise<void>;
  dismiss(): void;
}

type StreamMessage =
  | { type: 'hello' }
  | { type: 'event'; event: ProtocolEvent }
  | { type: 'expected'; now: number; over: boolean; expected: Expected[] }
  | { type: 'error'; error: { message: string } }
  | { type: 'ack' };

function merge(known: readonly ProtocolEvent[], more: readonly ProtocolEvent[]): ProtocolEvent[] {
  const last = known.length ? known[known.length - 1]!.seq : -1;
  const added = more.filter((e) => e.seq > last);
  return added.length ? [...known, ...added] : (known as ProtocolEvent[]);
}

/**
 * A seat's session, live: the info and view from HTTP, then the WebSocket stream from the
 * last seq seen (resumed after a reconnect), with the notifications of new events.
 */
export function useSession(id: string, key?: string): { session: Session | null; error: string | null } {
  const base = seatBase(key);
  const [state, setState] = useState<LiveState | null>(null);
  const [error, setError] = useState<string | null>(null);
  const lastSeq = useRef(-1);
  /** How many `expected` messages the stream has brought: a view read meanwhile may be older. */
  const expectedCount = useRef(0);

  const reload = useCallback(async () => {
    const before = expectedCount.current;
    const [info, view] = await Promise.all([
      call<SessionInfo>(sessionPath(id, '', base)),
      call<SeatView>(sessionPath(id, '/view', base)),
    ]);
    setState((old) => {
      const events = merge(old?.events ?? [], view.events);
      lastSeq.current = events.length ? events[events.length - 1]!.seq : -1;
      // The server sends an `expected` after every change, so one that came while the view was
      // read is never older than the view for long, while the view may predate it (the talks
      // closed meanwhile, say) and would stay wrong until the next change.
      const clock = old && expectedCount.current !== before ? old : view;
      return {
        info,
        view,
        events,
        expected: clock.expected,
        over: clock.over,
        now: clock.now,
        connected: old?.connected ?? false,
        fresh: old?.fresh ?? [],
      };
    });
  }, [id, base]);

  useEffect(() => {
    reload().catch((e: Error) => setError(e.message));
  }, [reload]);

  const loaded = state !== null;
  useEffect(() => {
    if (!loaded) return;
    let socket: WebSocket | null = null;
    let stopped = false;
    let retry: ReturnType<typeof setTimeout> | undefined;
    const open = () => {
      const scheme = location.protocol === 'https:' ? 'wss' : 'ws';
      socket = new WebSocket(
        `${scheme}://${location.host}${sessionPath(id, `/stream?after=${lastSeq.current}`, base)}`,
      );
      socket.onopen = () => setState((s) => s && { ...s, connected: true });
      socket.onmessage = (m) => onMessage(JSON.parse(String(m.data)) as StreamMessage);
      socket.onclose = () => {
        setState((s) => s && { ...s, connected: false });
        if (!stopped) retry = setTimeout(open, 1_000);
      };
    };
    const onMessage = (message: StreamMessage) => {
      if (message.type === 'event') {
        const event = message.event;
        if (event.seq <= lastSeq.current) return;
        lastSeq.current = event.seq;
        setState((s) => s && { ...s, events: merge(s.events, [event]), fresh: [...s.fresh, event].slice(-20) });
        // An outside event may change this seat's own preferences: read the view again.
        if (event.kind === 'outside-event') void reload();
      } else if (message.type === 'expected') {
        expectedCount.current++;
        setState((s) => s && { ...s, expected: message.expected, over: message.over, now: message.now });
      }
    };
    open();
    return () => {
      stopped = true;
      clearTimeout(retry);
      socket?.close();
    };
  }, [id, base, loaded, reload]);

  const act = useCallback(
    async (action: Record<string, unknown>) => {
      try {
        const answer = await sendAction(base, id, action);
        return answer.accepted ? null : (answer.reason ?? 'refused');
      } catch (e) {
        return (e as Error).message;
      }
    },
    [id, base],
  );
  const dismiss = useCallback(() => setState((s) => s && { ...s, fresh: [] }), []);
  const route = seatRoute(id, key);
  return { session: state && { ...state, base, route, act, reload, dismiss }, error };
}
