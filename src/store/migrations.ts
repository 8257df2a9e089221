import { sql, type Kysely, type Migration, type MigrationProvider, Migrator } from 'kysely';
import { ParleyError } from '../core/errors.js';

/** Schema changes, applied in name order on every start; each runs once. */
const MIGRATIONS: Record<string, Migration> = {
  '0001-initial': {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('meta')
        .addColumn('key', 'text', (c) => c.primaryKey())
        .addColumn('value', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createTable('sessions')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('spec', 'text', (c) => c.notNull())
        .addColumn('started_at', 'bigint', (c) => c.notNull())
        .addColumn('released', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('created_seq', 'integer')
        .execute();
      await db.schema
        .createTable('seats')
        .addColumn('session', 'text', (c) => c.notNull().references('sessions.id'))
        .addColumn('role', 'text', (c) => c.notNull())
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('bot', 'text')
        .addPrimaryKeyConstraint('seats_pk', ['session', 'role'])
        .execute();
      await db.schema
        .createTable('credentials')
        .addColumn('token_hash', 'text', (c) => c.primaryKey())
        .addColumn('session', 'text', (c) => c.notNull())
        .addColumn('role', 'text', (c) => c.notNull())
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('revoked', 'integer', (c) => c.notNull().defaultTo(0))
        .execute();
      await db.schema.createIndex('credentials_seat').on('credentials').columns(['session', 'role']).execute();
      await db.schema
        .createTable('log')
        .addColumn('session', 'text', (c) => c.notNull())
        .addColumn('seq', 'integer', (c) => c.notNull())
        .addColumn('type', 'text', (c) => c.notNull())
        .addColumn('event_seq', 'integer')
        .addColumn('line', 'text', (c) => c.notNull())
        .addColumn('hash', 'text', (c) => c.notNull())
        // The last guard of "one writer per session": two writers cannot both take a line.
        .addPrimaryKeyConstraint('log_pk', ['session', 'seq'])
        .execute();
      await db.schema
        .createTable('actions')
        .addColumn('session', 'text', (c) => c.notNull())
        .addColumn('role', 'text', (c) => c.notNull())
        .addColumn('action_id', 'text', (c) => c.notNull())
        .addColumn('seq', 'integer', (c) => c.notNull())
        .addColumn('response', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('actions_pk', ['session', 'role', 'action_id'])
        .execute();
      await db.schema
        .createTable('snapshots')
        .addColumn('session', 'text', (c) => c.notNull())
        .addColumn('seq', 'integer', (c) => c.notNull())
        .addColumn('state', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('snapshots_pk', ['session', 'seq'])
        .execute();
      await sql`select 1`.execute(db);
    },
  },
  // created_seq was meant to order the sessions by creation but was never set: they are
  // listed by started_at (the creation time: a session's clock starts when it is created).
  '0002-drop-created-seq': {
    async up(db: Kysely<unknown>) {
      await db.schema.alterTable('sessions').dropColumn('created_seq').execute();
    },
  },
  // Each action's answer was also kept in an `actions` table, to answer a retry of its id;
  // the log says the same (the action's line and the events after it), and a live session
  // keeps its answers in memory from the log, so the table only cost a second index write per
  // action.
  '0003-drop-actions': {
    async up(db: Kysely<unknown>) {
      await db.schema.dropTable('actions').execute();
    },
  },
};

const provider: MigrationProvider = { getMigrations: async () => MIGRATIONS };

export async function migrate(db: Kysely<unknown>): Promise<void> {
  const { error, results } = await new Migrator({ db, provider }).migrateToLatest();
  if (error) {
    const failed = results?.find((r) => r.status === 'Error')?.migrationName ?? 'unknown';
    throw new ParleyError('PARLEY_E_INTERNAL', `database migration ${failed} failed: ${String(error)}`, {
      cause: error,
    });
  }
}
