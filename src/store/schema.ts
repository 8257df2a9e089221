/**
 * The tables of the durable store. The `log` table holds a session's event log line by
 * line, exactly as `parley run` writes it to events.jsonl (header, events, actions), with
 * the hash chain beside each line, so that a stored log replays and verifies like a file.
 */
export interface Database {
  meta: MetaTable;
  sessions: SessionTable;
  seats: SeatTable;
  credentials: CredentialTable;
  log: LogTable;
  snapshots: SnapshotTable;
}

export interface MetaTable {
  key: string;
  value: string;
}

export interface SessionTable {
  id: string;
  /** JSON: what the session was made from (scenario source, protocol, options). */
  spec: string;
  /** Wall-clock milliseconds when the session's clock started. */
  started_at: number;
  /** 1 once the convenor released the full results to every seat. */
  released: number;
}

export interface SeatTable {
  session: string;
  role: string;
  kind: string;
  /** JSON agent spec when a bot plays the seat. */
  bot: string | null;
}

/** A secret that opens one seat, stored only as its sha256. */
export interface CredentialTable {
  token_hash: string;
  session: string;
  role: string;
  /** `bearer` (API token), `invite` (one-time link) or `cookie` (a browser's, from an invite). */
  kind: string;
  /** 1 once revoked, or once an invite was used. */
  revoked: number;
}

export interface LogTable {
  session: string;
  /** Line number in the log, from 0 (the header). */
  seq: number;
  type: string;
  /** The protocol's event seq for event lines, else null. */
  event_seq: number | null;
  line: string;
  hash: string;
}

export interface SnapshotTable {
  session: string;
  /** The last log line the state includes. */
  seq: number;
  state: string;
}
