/**
 * The server bench's floor: a stand-in for `parley serve` that does only what no durable
 * WebSocket server can skip, so that its latency at the same load says what this machine
 * gives before parley does any work of its own. It answers the bench's few requests the
 * way parley does (a session with two seats, its stream of `hello`, `event`, `expected` and
 * `ack` frames sent by the same one-write framing, `src/server/frames.ts`) and acknowledges
 * an action only once its lines were appended to a file and fdatasync'd, by a thread that
 * commits the actions of every session that arrived meanwhile together (group commit).
 * What it leaves out is parley's: no protocol, no schema checks, no visibility, no hash
 * chain, no SQLite, no idempotency table, no HTTP framework.
 *
 * Run as `node --import tsx floor-server.ts serve --port N --database FILE`, as the bench
 * runs `parley serve`; FILE is the append-only log, in the current directory. With
 * `--work-us MAIN/COMMIT` it also spins MAIN µs on the event loop as it takes each action
 * in and COMMIT µs per action in the commit thread, spread evenly: a server with as
 * much work as parley's but none of its bursts, to map what the machine affords at the rate.
 */
import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { Worker } from 'node:worker_threads';
import { WebSocketServer, type WebSocket } from 'ws';
import { sendTexts } from '../../src/server/frames.js';

const arg = (name: string, fallback: string) => {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1]! : fallback;
};

const [MAIN_WORK_US, COMMIT_WORK_US] = arg('--work-us', '0/0').split('/').map(Number) as [number, number];

/**
 * Busy work for `us` µs of the clock: by the clock, because a counted loop runs at whatever
 * speed the compiler makes of it where it is inlined. Time the thread spends descheduled
 * counts too, so the CPU a run measures is what the work cost, at most this.
 */
const BUSY = `const end = performance.now() + us / 1000; while (performance.now() < end);`;
const busy = new Function('us', BUSY) as (us: number) => void;

/** Four issues of a few values each, as the bench's ANAC domain has. */
const ISSUES = ['price', 'delivery', 'warranty', 'payment'].map((name) => ({
  name,
  values: ['low', 'medium', 'high', 'highest'],
}));

const ROLES = ['first', 'second'] as const;
type Role = (typeof ROLES)[number];

interface Session {
  readonly id: string;
  readonly tokens: readonly string[];
  readonly rounds: number;
  readonly sockets: Record<Role, Set<WebSocket>>;
  turn: Role;
  actions: number;
  line: number;
  over: boolean;
}

/** An action taken in and waiting for its group's commit. */
interface Taken {
  readonly session: Session;
  readonly role: Role;
  readonly actionId: string;
  /** The action's line and its event's, as the log keeps them. */
  readonly lines: string;
  readonly event: string;
  readonly line: number;
}

const sessions = new Map<string, Session>();
const seats = new Map<string, { session: string; role: Role }>();

/** The thread that appends and fdatasyncs each group: a commit's fsync never stops the event loop. */
const committer = new Worker(
  `const { parentPort, workerData } = require('node:worker_threads');
   const fs = require('node:fs');
   const fd = fs.openSync(workerData.file, 'a');
   const busy = new Function('us', workerData.busy);
   parentPort.on('message', ({ id, text, actions }) => {
     if (workerData.workUs > 0) busy(actions * workerData.workUs);
     fs.writeSync(fd, text);
     fs.fdatasyncSync(fd);
     parentPort.postMessage(id);
   });`,
  {
    eval: true,
    workerData: {
      file: arg('--database', 'floor.log'),
      busy: BUSY,
      workUs: COMMIT_WORK_US,
    },
  },
);

let waiting: Taken[] = [];
let committing: Taken[] | null = null;

function flush(): void {
  if (committing || waiting.length === 0) return;
  committing = waiting;
  waiting = [];
  committer.postMessage({ id: 0, actions: committing.length, text: `${committing.map((t) => t.lines).join('\n')}\n` });
}

committer.on('message', () => {
  const group = committing!;
  committing = null;
  for (const t of group) {
    const s = t.session;
    const other: Role = t.role === 'first' ? 'second' : 'first';
    const ack = `{"type":"ack","answer":{"actionId":${JSON.stringify(t.actionId)},"role":"${t.role}","accepted":true,"line":${t.line},"events":[${t.line + 1}]}}`;
    for (const socket of s.sockets[t.role]) sendTexts(socket, [t.event, expectedFrame(s, t.role), ack]);
    for (const socket of s.sockets[other]) sendTexts(socket, [t.event, expectedFrame(s, other)]);
  }
  flush();
});

function expectedFrame(s: Session, role: Role): string {
  const mine = !s.over && s.turn === role;
  const expected = mine ? `[{"role":"${role}","may":["offer","accept","end"],"until":null}]` : '[]';
  return `{"type":"expected","now":${s.actions},"round":${Math.floor(s.actions / 2)},"over":${s.over},"expected":${expected},"nextTickAt":null}`;
}

function onAction(s: Session, role: Role, socket: WebSocket, raw: string): void {
  if (MAIN_WORK_US > 0) busy(MAIN_WORK_US);
  const m = JSON.parse(raw) as { type?: string; actionId?: string; action?: { kind?: string; outcome?: unknown } };
  if (
    m.type !== 'action' ||
    typeof m.actionId !== 'string' ||
    m.action?.kind !== 'offer' ||
    s.over ||
    s.turn !== role
  ) {
    sendTexts(socket, ['{"type":"error","error":{"code":"PARLEY_E_INVALID","message":"not your move"}}']);
    return;
  }
  // The move is taken at once, as parley steps an action in memory before its commit.
  s.turn = role === 'first' ? 'second' : 'first';
  s.actions++;
  s.over = Math.floor(s.actions / 2) >= s.rounds;
  const line = s.line;
  s.line += 2;
  const event = `{"type":"event","event":{"seq":${line + 1},"kind":"offer","by":"${role}","outcome":${JSON.stringify(m.action.outcome)},"session":"${s.id}"}}`;
  waiting.push({ session: s, role, actionId: m.actionId, lines: `${raw}\n${event}`, event, line });
  setImmediate(flush);
}

function json(res: ServerResponse, body: unknown): void {
  res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(body));
}

async function onRequest(req: IncomingMessage, res: ServerResponse): Promise<void> {
  let body = '';
  for await (const chunk of req) body += String(chunk);
  if (req.method === 'POST' && req.url === '/sessions') {
    const { rounds } = JSON.parse(body) as { rounds: number };
    const id = randomBytes(8).toString('hex');
    const tokens = ROLES.map((role) => {
      const token = randomBytes(16).toString('hex');
      seats.set(token, { session: id, role });
      return { role, token };
    });
    sessions.set(id, {
      id,
      tokens: tokens.map((t) => t.token),
      rounds,
      sockets: { first: new Set(), second: new Set() },
      turn: 'first',
      actions: 0,
      line: 1,
      over: false,
    });
    return json(res, { id, seats: tokens });
  }
  if (req.method === 'GET' && /^\/sessions\/[0-9a-f]+$/.test(req.url ?? ''))
    return json(res, { domain: { issues: ISSUES } });
  res.writeHead(404).end();
}

const http = createServer((req, res) => void onRequest(req, res));
const wss = new WebSocketServer({ noServer: true });
http.on('upgrade', (req, socket, head) => {
  const seat = seats.get((req.headers.authorization ?? '').replace(/^Bearer /, ''));
  const s = seat && sessions.get(seat.session);
  if (!seat || !s) return void socket.destroy();
  wss.handleUpgrade(req, socket, head, (ws) => {
    s.sockets[seat.role].add(ws);
    sendTexts(ws, [
      JSON.stringify({ type: 'hello', session: s.id, role: seat.role, after: -1 }),
      expectedFrame(s, seat.role),
    ]);
    ws.on('message', (data) => onAction(s, seat.role, ws, String(data)));
    ws.on('close', () => {
      s.sockets[seat.role].delete(ws);
      if (!s.over || s.sockets.first.size + s.sockets.second.size > 0) return;
      sessions.delete(s.id);
      for (const token of s.tokens) seats.delete(token);
    });
  });
});
http.listen(Number(arg('--port', '0')), '127.0.0.1', () => console.log('Admin token (the floor has none): floor'));
