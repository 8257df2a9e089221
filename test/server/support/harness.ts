import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import WebSocket from 'ws';
import { buildServer, type ParleyServer, type ServerLimits } from '../../../src/server/app.js';
import { EventStore } from '../../../src/store/store.js';
import type { ProtocolEvent } from '../../../src/protocols/events.js';

export interface Reply {
  readonly status: number;
  readonly body: any;
  readonly text: string;
  readonly headers: Record<string, unknown>;
}

/** A server on a temp SQLite file (or a given database), listening on a free loopback port. */
export class Harness {
  private constructor(
    readonly server: ParleyServer,
    readonly store: EventStore,
    readonly admin: string,
    readonly port: number,
    private readonly dir: string | null,
  ) {}

  static async start(options: { database?: string; limits?: Partial<ServerLimits>; admin?: string } = {}) {
    const dir = options.database ? null : mkdtempSync(join(tmpdir(), 'parley-server-'));
    const store = await EventStore.open(options.database ?? join(dir!, 'parley.db'));
    const server = await buildServer({ store, limits: options.limits });
    await server.app.listen({ port: 0, host: '127.0.0.1' });
    const address = server.app.server.address();
    const port = typeof address === 'object' && address ? address.port : 0;
    return new Harness(server, store, server.adminToken ?? options.admin ?? '', port, dir);
  }

  async stop(): Promise<void> {
    await this.server.close();
    await this.store.close();
    if (this.dir) rmSync(this.dir, { recursive: true, force: true });
  }

  async call(
    method: 'GET' | 'POST' | 'PUT' | 'DELETE',
    url: string,
    token?: string | null,
    payload?: unknown,
    headers: Record<string, string> = {},
  ): Promise<Reply> {
    const r = await this.server.app.inject({
      method,
      url,
      headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...headers },
      ...(payload === undefined
        ? {}
        : typeof payload === 'string'
          ? {
              payload,
              headers: {
                'content-type': 'application/json',
                ...(token ? { authorization: `Bearer ${token}` } : {}),
                ...headers,
              },
            }
          : { payload: payload as object }),
    });
    let body: unknown = null;
    try {
      body = JSON.parse(r.body);
    } catch {
      body = null;
    }
    return { status: r.statusCode, body, text: r.body, headers: r.headers };
  }

  /** Opens a session as admin; answers its id and the token of every seat. */
  async open(
    request: Record<string, unknown>,
  ): Promise<{ id: string; tokens: Record<string, string>; kinds: Record<string, string> }> {
    const r = await this.call('POST', '/sessions', this.admin, request);
    if (r.status !== 201) throw new Error(`create failed ${r.status}: ${r.text}`);
    const seats = r.body.seats as { role: string; kind: string; token: string }[];
    return {
      id: r.body.id,
      tokens: Object.fromEntries(seats.map((s) => [s.role, s.token])),
      kinds: Object.fromEntries(seats.map((s) => [s.role, s.kind])),
    };
  }

  /** Polls the convenor's view until the session is over. */
  async untilOver(id: string, convenor: string, timeoutMs = 60_000): Promise<void> {
    const end = Date.now() + timeoutMs;
    while (Date.now() < end) {
      const r = await this.call('GET', `/sessions/${id}/view`, convenor);
      if (r.body?.over) return;
      await new Promise((res) => setTimeout(res, 50));
    }
    throw new Error(`session ${id} did not end in ${timeoutMs} ms`);
  }

  /** The whole stored log, as the convenor downloads it. */
  async logLines(id: string, convenor: string): Promise<any[]> {
    const r = await this.call('GET', `/sessions/${id}/log`, convenor);
    return r.text
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
  }

  async logEvents(id: string, convenor: string): Promise<ProtocolEvent[]> {
    return (await this.logLines(id, convenor)).filter((l) => l.type === 'event').map((l) => l.event as ProtocolEvent);
  }

  /** Opens the stream and collects events until, at an `expected` message, `done` says so (or the timeout). */
  stream(id: string, token: string, after = -1, done: (events: ProtocolEvent[]) => boolean, timeoutMs = 10_000) {
    return streamEvents(`ws://127.0.0.1:${this.port}/sessions/${id}/stream?after=${after}`, token, done, timeoutMs);
  }
}

export function streamEvents(
  url: string,
  token: string,
  done: (events: ProtocolEvent[]) => boolean,
  timeoutMs = 10_000,
): Promise<{ events: ProtocolEvent[]; messages: any[] }> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(url, { headers: { authorization: `Bearer ${token}` } });
    const events: ProtocolEvent[] = [];
    const messages: any[] = [];
    const timer = setTimeout(() => {
      socket.close();
      resolve({ events, messages });
    }, timeoutMs);
    socket.on('message', (data) => {
      const m = JSON.parse(String(data));
      messages.push(m);
      if (m.type === 'event') events.push(m.event);
      if (m.type === 'error' || m.type === 'expected') {
        if (m.type === 'error' || done(events)) {
          clearTimeout(timer);
          socket.close();
          resolve({ events, messages });
        }
      }
    });
    socket.on('error', (e) => {
      clearTimeout(timer);
      reject(e);
    });
    // The server went away (or closed the socket): what arrived so far is the answer.
    socket.on('close', () => {
      clearTimeout(timer);
      resolve({ events, messages });
    });
  });
}
