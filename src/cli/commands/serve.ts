import { resolve } from 'node:path';
import { InvalidArgumentError, type Command } from 'commander';
import type { CliCommand } from '../command.js';
import type { CliIo } from '../io.js';

export interface ServeOptions {
  readonly port: number;
  readonly host: string;
  readonly database?: string;
  readonly rate?: number;
  readonly maxSessions?: number;
  readonly cors?: string;
}

function port(text: string): number {
  const n = Number(text);
  if (!Number.isInteger(n) || n < 0 || n > 65535) throw new InvalidArgumentError('expected a port number (0–65535).');
  return n;
}

function positiveInteger(text: string): number {
  const n = Number(text);
  if (!Number.isInteger(n) || n <= 0) throw new InvalidArgumentError('expected a positive whole number.');
  return n;
}

/**
 * Starts the server and resolves when it stops (SIGINT or SIGTERM). The server's modules
 * (fastify, the database drivers) are loaded here, so other commands never load them.
 */
export async function serve(options: ServeOptions, io: CliIo, stop?: Promise<void>): Promise<void> {
  const { EventStore } = await import('../../store/store.js');
  const { dialectOf } = await import('../../store/open.js');
  const { lockSqliteForServing } = await import('../../store/instance-lock.js');
  const { buildServer } = await import('../../server/app.js');
  const given = options.database ?? io.env.PARLEY_DATABASE_URL ?? 'parley.db';
  const postgres = dialectOf(given) === 'postgres';
  const location = postgres ? given : resolve(io.cwd, given);
  const unlock = postgres ? () => undefined : lockSqliteForServing(location);
  const store = await EventStore.open(location);
  const server = await buildServer({
    store,
    limits: {
      ...(options.rate ? { ratePerMinute: options.rate } : {}),
      ...(options.maxSessions ? { maxSessions: options.maxSessions } : {}),
    },
    corsOrigins: options.cors?.split(',').map((o) => o.trim()),
  });
  const address = await server.app.listen({ port: options.port, host: options.host });
  const where = postgres ? 'PostgreSQL' : `SQLite ${given}`;
  io.out(`parley serve: listening on ${address} (${where}); API docs at ${address}/docs\n`);
  if (server.adminToken) io.out(`Admin token (shown once; only its hash is stored): ${server.adminToken}\n`);
  const stopped =
    stop ??
    new Promise<void>((done) => {
      process.once('SIGINT', () => done());
      process.once('SIGTERM', () => done());
    });
  await stopped;
  await server.close();
  await store.close();
  unlock();
}

export const serveCommand: CliCommand = {
  name: 'serve',
  register(program: Command, io: CliIo) {
    program
      .command('serve')
      .description(
        'host live negotiations: an HTTP + WebSocket API where people and bots take seats (OpenAPI at /docs)',
      )
      .option('--port <n>', 'port to listen on', port, 8080)
      .option('--host <address>', 'address to listen on', '127.0.0.1')
      .option('--database <url>', 'a SQLite file (default parley.db) or postgres://… (also PARLEY_DATABASE_URL)')
      .option('--rate <n>', 'requests and WebSocket messages per minute per token (default 6000)', positiveInteger)
      .option(
        '--max-sessions <n>',
        'sessions this server runs at once, ended ones not counted (default 1000)',
        positiveInteger,
      )
      .option('--cors <origins>', 'comma-separated browser origins allowed to call the API (default: none)')
      .addHelpText(
        'after',
        '\nExamples:\n  parley serve\n  parley serve --port 9000 --database postgres://parley@127.0.0.1/parley',
      )
      .action((options: ServeOptions) => serve(options, io));
  },
};
