import type { WebSocket } from 'ws';

/** The TCP socket under a WebSocket (ws keeps it as `_socket`). */
type Raw = { write(chunk: Buffer): boolean; destroyed?: boolean };
const rawOf = (socket: WebSocket): Raw | undefined => (socket as unknown as { _socket?: Raw })._socket;

/** The header of an unmasked, final text frame (RFC 6455 §5.2) of `length` payload bytes; its size. */
function writeHeader(buffer: Buffer, at: number, length: number): number {
  buffer[at] = 0x81; // FIN, opcode 1 (text)
  if (length <= 125) {
    buffer[at + 1] = length;
    return 2;
  }
  if (length <= 0xffff) {
    buffer[at + 1] = 126;
    buffer.writeUInt16BE(length, at + 2);
    return 4;
  }
  buffer[at + 1] = 127;
  buffer.writeUInt32BE(Math.floor(length / 2 ** 32), at + 2);
  buffer.writeUInt32BE(length >>> 0, at + 6);
  return 10;
}

const headerSize = (length: number) => (length <= 125 ? 2 : length <= 0xffff ? 4 : 10);

/**
 * Sends texts as WebSocket text messages, one frame each, in one write to the TCP socket:
 * an action's events, the new `expected` and its ack leave together, and at once. ws would
 * write a header and a body per message, each a buffered write joined by a writev; one
 * buffer made here costs the server's thread a fraction of that under load. Frames go out
 * exactly as ws writes an uncompressed server message; with a negotiated extension
 * (compression) or a socket not open, each text goes through ws instead.
 */
export function sendTexts(socket: WebSocket, texts: readonly string[]): void {
  if (texts.length === 0 || socket.readyState !== socket.OPEN) return;
  const raw = rawOf(socket);
  if (!raw || raw.destroyed || socket.extensions !== '') {
    for (const text of texts) socket.send(text);
    return;
  }
  const lengths: number[] = new Array<number>(texts.length);
  let total = 0;
  for (let i = 0; i < texts.length; i++) {
    const length = Buffer.byteLength(texts[i]!, 'utf8');
    lengths[i] = length;
    total += headerSize(length) + length;
  }
  const buffer = Buffer.allocUnsafe(total);
  let at = 0;
  for (let i = 0; i < texts.length; i++) {
    at += writeHeader(buffer, at, lengths[i]!);
    at += buffer.write(texts[i]!, at, 'utf8');
  }
  raw.write(buffer);
}
