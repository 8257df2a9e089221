import { Kysely, PostgresDialect, SqliteDialect } from 'kysely';
import type BetterSqlite3 from 'better-sqlite3';
import type { Database } from './schema.js';

export type Dialect = 'sqlite' | 'postgres';

/** `postgres://…` or `postgresql://…` is PostgreSQL; anything else is a SQLite file. */
export function dialectOf(location: string): Dialect {
  return /^postgres(ql)?:\/\//.test(location) ? 'postgres' : 'sqlite';
}

/**
 * Opens the database. SQLite runs in WAL mode with synchronous=FULL, so a committed
 * transaction survives a power loss; PostgreSQL keeps its defaults (fsync on).
 * The drivers are imported here, on demand, so commands that never serve never load them.
 */
export async function openDatabase(location: string): Promise<Kysely<Database>> {
  if (dialectOf(location) === 'postgres') {
    const { default: pg } = await import('pg');
    // bigint columns hold milliseconds, well inside a double.
    pg.types.setTypeParser(20, (v) => Number(v));
    const pool = new pg.Pool({ connectionString: location, max: 10 });
    // An idle connection the server closed (a restart, pg_terminate_backend) is dropped by the
    // pool, which then emits 'error'; unheard, that event would end the process. The next
    // query opens a new connection.
    pool.on('error', (e) => console.error(`parley: PostgreSQL closed an idle connection (${e.message})`));
    return new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  }
  return new Kysely<Database>({ dialect: new SqliteDialect({ database: await openSqlite(location) }) });
}

/** A SQLite file as better-sqlite3 opens it, in WAL mode with synchronous=FULL (see `openDatabase`). */
export async function openSqlite(location: string): Promise<BetterSqlite3.Database> {
  const { default: SQLite } = await import('better-sqlite3');
  const database = new SQLite(location);
  database.pragma('journal_mode = WAL');
  database.pragma('synchronous = FULL');
  database.pragma('busy_timeout = 5000');
  database.pragma('foreign_keys = ON');
  return database;
}
