/**
 * Writes schema/tournament.schema.json from the zod schema, so editors can validate
 * tournament definitions. Run: npx tsx src/tournament/write-schema.ts (part of `npm run schema`).
 */
import { fileURLToPath } from 'node:url';
import { writeFileAtomic } from '../formats/atomic-write.js';
import { tournamentJsonSchema } from './definition.js';

export const TOURNAMENT_SCHEMA_FILE = fileURLToPath(new URL('../../schema/tournament.schema.json', import.meta.url));

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  writeFileAtomic(TOURNAMENT_SCHEMA_FILE, `${JSON.stringify(tournamentJsonSchema(), null, 2)}\n`);
  console.log(`wrote ${TOURNAMENT_SCHEMA_FILE}`);
}
