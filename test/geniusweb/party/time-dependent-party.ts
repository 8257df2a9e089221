/**
 * A small time-dependent GeniusWeb-style party, written from GeniusWeb's published
 * protocol alone (it imports nothing of parley): a WebSocket server that starts one
 * negotiation per connection, as a GeniusWeb parties server does. Per connection it
 * - takes `Settings` (its id, the `ws:` profile address, `ProgressRounds` or `ProgressTime`,
 *   `parameters.e` its concession exponent, 0.2 when absent: Boulware),
 * - opens the profile address and reads the `LinearAdditiveUtilitySpace` sent there,
 * - keeps the last bid offered to it from `ActionDone`,
 * - on `YourTurn` concedes with GENIUS's time-dependent tactic (k = 0):
 *   p(t) = Pmin + (Pmax − Pmin)(1 − t^(1/e)), t = (r + 1)/(N + 1) on round r of N
 *   (its own turns counted, as GeniusWeb parties advance ProgressRounds themselves) or
 *   the elapsed share of ProgressTime; it accepts the last offer when its utility is
 *   strictly above that of the bid it would offer (AC_next), else offers the bid whose
 *   utility is nearest p(t) (ties: the higher, then the first bid),
 * - records every message until `Finished`.
 */
import WebSocket, { WebSocketServer } from 'ws';

type Value = string | number;
type Bid = Record<string, Value>;
type Message = Record<string, any>;

interface Space {
  readonly bids: Bid[];
  readonly utils: number[];
  readonly reservation: number;
}

/** Every bid of the profile's domain (the last issue varying fastest) and its utility. */
export function readSpace(profileJson: string): Space {
  const las = JSON.parse(profileJson).LinearAdditiveUtilitySpace;
  const issues = Object.entries(las.domain.issuesValues as Record<string, any>).map(([name, set]) => {
    if (Array.isArray(set.values)) return { name, values: set.values as Value[] };
    const { low, high, step } = set.range;
    const values: number[] = [];
    for (let v = Number(low); v <= Number(high) + 1e-9; v += Number(step)) values.push(v);
    return { name, values };
  });
  const valueUtil = (issue: string, v: Value): number => {
    const u = las.issueUtilities[issue];
    if (u.discreteutils) return u.discreteutils.valueUtilities[String(v)] ?? 0;
    const n = u.numberutils;
    const x = (Number(v) - n.lowValue) / (n.highValue - n.lowValue);
    return n.lowUtility + x * (n.highUtility - n.lowUtility);
  };
  const utility = (bid: Bid): number => {
    let sum = 0;
    for (const [issue, w] of Object.entries(las.issueWeights as Record<string, number>))
      if (bid[issue] !== undefined) sum += w * valueUtil(issue, bid[issue]!);
    return sum;
  };
  let bids: Bid[] = [{}];
  for (const issue of issues) bids = bids.flatMap((b) => issue.values.map((v) => ({ ...b, [issue.name]: v })));
  const reservation = las.reservationBid ? utility(las.reservationBid.issuevalues) : 0;
  return { bids, utils: bids.map(utility), reservation };
}

/** One negotiation: the state a party keeps between messages. */
class Negotiation {
  readonly received: Message[] = [];
  private id = '';
  private progress: Message = {};
  private exponent = 0.2;
  private space: Promise<Space> | null = null;
  private round = 0;
  private lastOffer: Bid | null = null;
  private queue: Promise<unknown> = Promise.resolve();
  /**
   * Settles once `Finished` has arrived or the socket closed: the server may call the talks
   * over before the party has read the last ActionDone and Finished it was sent.
   */
  readonly finished: Promise<void>;

  constructor(private readonly socket: WebSocket) {
    let settle = () => {};
    this.finished = new Promise((resolve) => (settle = resolve));
    socket.on('close', settle);
    socket.on('message', (data) => {
      const message = JSON.parse(String(data)) as Message;
      this.received.push(message);
      if (message.Finished) settle();
      this.queue = this.queue.then(() => this.handle(message)).catch(() => socket.close());
    });
  }

  private async handle(m: Message): Promise<void> {
    if (m.Settings) {
      this.id = m.Settings.id;
      this.progress = m.Settings.progress;
      this.exponent = Number(m.Settings.parameters?.e ?? 0.2);
      this.space = fetchProfile(m.Settings.profile);
    } else if (m.ActionDone) {
      const offer = m.ActionDone.action.Offer;
      if (offer && offer.actor !== this.id) this.lastOffer = offer.bid.issuevalues;
    } else if (m.YourTurn) {
      await this.myTurn();
      this.round++;
    } else if (m.Finished) {
      this.socket.close();
    }
  }

  private time(): number {
    const rounds = this.progress.ProgressRounds;
    if (rounds) return (this.round + rounds.currentRound + 1) / (rounds.duration + 1);
    const time = this.progress.ProgressTime;
    return Math.min(1, Math.max(0, (Date.now() - time.start) / time.duration));
  }

  private async myTurn(): Promise<void> {
    const space = await this.space!;
    const pMax = Math.max(...space.utils);
    const pMin = Math.max(Math.min(...space.utils), space.reservation);
    const target = pMin + (pMax - pMin) * (1 - Math.pow(this.time(), 1 / this.exponent));
    let best = -1;
    space.utils.forEach((u, j) => {
      if (u < space.reservation) return;
      const d = Math.abs(u - target);
      const bestD = best < 0 ? Infinity : Math.abs(space.utils[best]! - target);
      if (d < bestD || (d === bestD && u > space.utils[best]!)) best = j;
    });
    const offered = this.lastOffer && space.utils[space.bids.findIndex((b) => sameBid(b, this.lastOffer!))];
    if (offered !== null && offered !== undefined && offered >= space.reservation && offered > space.utils[best]!) {
      this.send({ Accept: { actor: this.id, bid: { issuevalues: this.lastOffer } } });
    } else {
      this.send({ Offer: { actor: this.id, bid: { issuevalues: space.bids[best] } } });
    }
  }

  private send(message: Message): void {
    this.socket.send(JSON.stringify(message));
  }
}

function sameBid(a: Bid, b: Bid): boolean {
  const keys = Object.keys(a);
  return keys.length === Object.keys(b).length && keys.every((k) => a[k] === b[k]);
}

/** The profile from its `ws:` address: the first message sent there. */
export function fetchProfile(url: string): Promise<Space> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(url);
    socket.once('message', (data) => {
      resolve(readSpace(String(data)));
      socket.close();
    });
    socket.once('close', () => reject(new Error(`profile socket ${url} closed without a profile`)));
    socket.once('error', reject);
  });
}

export interface PartyServer {
  readonly url: string;
  /** The negotiations it took part in, in the order they started. */
  readonly negotiations: Negotiation[];
  close(): Promise<void>;
}

/** Starts the party's WebSocket server on a free loopback port. */
export async function startParty(): Promise<PartyServer> {
  const server = new WebSocketServer({ host: '127.0.0.1', port: 0, path: '/party' });
  await new Promise<void>((resolve) => server.once('listening', () => resolve()));
  const negotiations: Negotiation[] = [];
  server.on('connection', (socket) => negotiations.push(new Negotiation(socket)));
  const { port } = server.address() as { port: number };
  return {
    url: `ws://127.0.0.1:${port}/party`,
    negotiations,
    close: () =>
      new Promise<void>((resolve) => {
        for (const client of server.clients) client.terminate();
        server.close(() => resolve());
      }),
  };
}
