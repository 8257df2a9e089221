import * as ws from 'ws';
import type { WebSocket } from 'ws';

/** The TCP socket under a WebSocket (ws keeps it as `_socket`). */
type Raw = { write(chunk: Buffer): boolean; destroyed?: boolean };
const rawOf = (socket: WebSocket): Raw | undefined => (socket as unknown as { _socket?: Raw })._socket;

/** ws's frame builder (`Sender.frame`, which its own sends use); ws exports it, its type declarations leave it out. */
type FrameOf = (data: Buffer, options: object) => Buffer[];
const frameOf = (ws as unknown as { Sender: { frame: FrameOf } }).Sender.frame;
/** A final, unmasked, uncompressed text frame: what a server sends for `socket.send(text)`. */
const TEXT_FRAME = { fin: true, opcode: 1, mask: false, readOnly: false, rsv1: false };

/**
 * Sends texts as WebSocket text messages, one frame each, in one write to the TCP socket:
 * an action's events, the new `expected` and its ack leave together, and at once. The frames
 * are ws's own; only the write is one instead of a header and a body per message joined by
 * a writev, which costs the server's thread less under load. With a negotiated extension
 * (compression) or a socket not open, each text goes through `socket.send` instead.
 */
export function sendTexts(socket: WebSocket, texts: readonly string[]): void {
  if (texts.length === 0 || socket.readyState !== socket.OPEN) return;
  const raw = rawOf(socket);
  if (!raw || raw.destroyed || socket.extensions !== '') {
    for (const text of texts) socket.send(text);
    return;
  }
  const parts: Buffer[] = [];
  for (const text of texts) parts.push(...frameOf(Buffer.from(text, 'utf8'), TEXT_FRAME));
  raw.write(parts.length === 1 ? parts[0]! : Buffer.concat(parts));
}
