import WebSocket, { WebSocketServer } from 'ws';
import { loadInput } from '../../src/formats/input.js';
import type { AgentSpec } from '../../src/core/scenario.js';
import { planRun } from '../../src/session/plan.js';
import { simulate } from '../../src/session/simulate.js';
import { Harness } from '../server/support/harness.js';

export const SCENARIO = 'geniusweb/Party';
export const ROUNDS = 20;

/** What two parley agents reach on the scenario, in party order. */
export function parleyRun(agents: AgentSpec[]) {
  const plan = planRun(loadInput([SCENARIO]), { agents, rounds: ROUNDS });
  const { result } = simulate(plan, { analysisTimeLimit: 0 });
  return { agreement: result.agreement, outcome: result.outcome, rounds: result.rounds };
}

/** Opens a session on the harness with `bots` seated; answers the id and every seat's token. */
export async function openSession(h: Harness, bots: Record<string, AgentSpec>, extra: Record<string, unknown> = {}) {
  return h.open({ scenario: SCENARIO, rounds: ROUNDS, bots, ...extra });
}

/** Seats a GeniusWeb party, as the convenor does over HTTP on the server's own address. */
export function seatParty(h: Harness, id: string, convenor: string, role: string, body: Record<string, unknown>) {
  return h.call('PUT', `/sessions/${id}/seats/${role}/bot`, convenor, body, { host: `127.0.0.1:${h.port}` });
}

/**
 * A hand-made misbehaving party: a loopback WebSocket server that answers every
 * `YourTurn` with `answer(settings)` and `Settings` with `onSettings(settings)` (or stays
 * silent where they return null).
 */
export async function startScriptedParty(
  answer: (settings: any) => string | null,
  onSettings: (settings: any) => string | null = () => null,
) {
  const server = new WebSocketServer({ host: '127.0.0.1', port: 0, path: '/party' });
  await new Promise<void>((resolve) => server.once('listening', () => resolve()));
  const received: any[] = [];
  server.on('connection', (socket: WebSocket) => {
    let settings: any = null;
    socket.on('message', (data) => {
      const m = JSON.parse(String(data));
      received.push(m);
      if (m.Settings) {
        settings = m.Settings;
        const first = onSettings(settings);
        if (first !== null) socket.send(first);
      }
      if (m.YourTurn) {
        const reply = answer(settings);
        if (reply !== null) socket.send(reply);
      }
    });
  });
  const { port } = server.address() as { port: number };
  return {
    url: `ws://127.0.0.1:${port}/party`,
    received,
    close: () =>
      new Promise<void>((resolve) => {
        for (const c of server.clients) c.terminate();
        server.close(() => resolve());
      }),
  };
}

/** A loopback address where nothing listens. */
export async function deadAddress(): Promise<string> {
  const server = new WebSocketServer({ host: '127.0.0.1', port: 0 });
  await new Promise<void>((resolve) => server.once('listening', () => resolve()));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return `ws://127.0.0.1:${port}/party`;
}

/** What a profile address gives: the first message, or the close code when there is none. */
export function readProfile(url: string): Promise<{ profile?: any; code?: number }> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(url);
    socket.once('message', (data) => {
      resolve({ profile: JSON.parse(String(data)) });
      socket.close();
    });
    socket.once('close', (code) => resolve({ code }));
    socket.once('error', reject);
  });
}

/** Waits until `check` holds, polling every 20 ms. */
export async function until(check: () => boolean, timeoutMs = 10_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 20));
  }
}
