/**
 * Writes schema/tournament.schema.json from the zod schema, so editors can validate
 * tournament definitions. Run: npx tsx src/tournament/write-schema.ts (part of `npm run schema`).
 */
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PACKAGE_ROOT } from '../core/package-root.js';
import { writeFileAtomic } from '../formats/atomic-write.js';
import { tournamentJsonSchema } from './definition.js';

export const TOURNAMENT_SCHEMA_FILE = join(PACKAGE_ROOT, 'schema', 'tournament.schema.json');

// From the sources only: in the build this code shares a file with others.
if (import.meta.url.endsWith('.ts') && process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  writeFileAtomic(TOURNAMENT_SCHEMA_FILE, `${JSON.stringify(tournamentJsonSchema(), null, 2)}\n`);
  console.log(`wrote ${TOURNAMENT_SCHEMA_FILE}`);
}
