/**
 * The server bench's client: one seat on a WebSocket, offering when it has the move, at
 * once (full speed) or when its session's next action is due (paced), timing every ack.
 */
import WebSocket from 'ws';

/**
 * A session's pace in a paced run: the session's next action is due at `nextAt` (ms on
 * `performance.now()`), one every `period` ms, whichever seat has the move.
 */
export interface Pace {
  nextAt: number;
  readonly period: number;
}

/** Acknowledgement times (ms): from the send, and in a paced run from when the action was due. */
export interface Latencies {
  readonly sent: number[];
  readonly due: number[];
}

/**
 * One seat's client: offers when the protocol gives it the move, at once or, in a paced run,
 * when the session's next action is due (at once if that time has passed); timestamps every ack.
 */
export function client(
  port: number,
  id: string,
  role: string,
  token: string,
  issues: { name: string; values: string[] }[],
  latencies: Latencies,
  pace: Pace | null,
  running: () => boolean,
  onOver: () => void,
) {
  const socket = new WebSocket(`ws://127.0.0.1:${port}/sessions/${id}/stream`, {
    headers: { authorization: `Bearer ${token}` },
  });
  // Once the run has stopped, a replacement session's client may still connect to a server that is gone.
  socket.on('error', (e) => {
    if (running()) throw e;
  });
  let n = 0;
  let pending = false;
  let myTurn = false;
  let waiting = false;
  let sentAt = 0;
  let dueAt = 0;
  const send = () => {
    waiting = false;
    if (pending || !myTurn || !running()) return;
    pending = true;
    myTurn = false;
    n++;
    const outcome = Object.fromEntries(issues.map((i, k) => [i.name, i.values[(n + k) % i.values.length]]));
    sentAt = performance.now();
    dueAt = pace ? pace.nextAt : sentAt;
    if (pace) pace.nextAt += pace.period;
    socket.send(JSON.stringify({ type: 'action', actionId: `${role}-${n}`, action: { kind: 'offer', outcome } }));
  };
  const sendWhenDue = () => {
    if (waiting || pending || !myTurn) return;
    const wait = pace ? pace.nextAt - performance.now() : 0;
    if (wait <= 0) return send();
    waiting = true;
    setTimeout(send, wait);
  };
  socket.on('message', (data) => {
    const text = String(data);
    // Events are not this client's business (the server sends an `expected` after them): not parsed, to spare the 2 cores.
    if (text.startsWith('{"type":"event"')) return;
    const m = JSON.parse(text);
    if (m.type === 'expected') {
      if (m.over) {
        socket.close();
        return onOver();
      }
      myTurn = m.expected.length > 0;
      sendWhenDue();
    } else if (m.type === 'ack' || m.type === 'error') {
      if (m.type === 'error') throw new Error(JSON.stringify(m));
      const now = performance.now();
      latencies.sent.push(now - sentAt);
      latencies.due.push(now - dueAt);
      pending = false;
      sendWhenDue();
    }
  });
  return socket;
}
