import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import WebSocket, { WebSocketServer } from 'ws';
import { sendTexts } from '../../src/server/frames.js';

/** What a ws client receives when the server sends `texts` in one write, then one more through ws. */
async function received(texts: readonly string[]): Promise<{ text: string; binary: boolean }[]> {
  const server = new WebSocketServer({ host: '127.0.0.1', port: 0 });
  await new Promise((resolve) => server.once('listening', resolve));
  server.on('connection', (socket) => {
    sendTexts(socket, texts);
    socket.send('after, through ws');
  });
  const client = new WebSocket(`ws://127.0.0.1:${(server.address() as AddressInfo).port}`);
  const messages: { text: string; binary: boolean }[] = [];
  await new Promise<void>((resolve, reject) => {
    client.on('message', (data, binary) => {
      messages.push({ text: String(data), binary });
      if (messages.length === texts.length + 1) resolve();
    });
    client.on('error', reject);
  });
  client.close();
  await new Promise((resolve) => server.close(resolve));
  return messages;
}

describe('frames written in one write', () => {
  it('reach a ws client as the same text messages, in order, at every length encoding', async () => {
    const texts = [
      '',
      '{"type":"ack"}',
      'x'.repeat(125),
      'y'.repeat(126),
      'é✓😀'.repeat(40),
      'z'.repeat(65_535),
      'w'.repeat(65_536),
      '✓'.repeat(30_000),
    ];
    const messages = await received(texts);
    expect(messages.map((m) => m.text)).toEqual([...texts, 'after, through ws']);
    expect(messages.every((m) => !m.binary)).toBe(true);
  });

  it('sends nothing for no texts', async () => {
    expect(await received([])).toEqual([{ text: 'after, through ws', binary: false }]);
  });
});
