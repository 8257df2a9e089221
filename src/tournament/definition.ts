/**
 * The tournament definition file (YAML or JSON): who plays, on which scenarios, under
 * which protocols, how often. schema/tournament.schema.json is generated from this schema
 * (`npm run schema`); every error names the file, line and column.
 */
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { ParleyError, isParleyError } from '../core/errors.js';
import { explainSchemaIssue } from '../formats/scenario/explain.js';
import { parseSourceText } from '../formats/scenario/source-text.js';

export const TOURNAMENT_FORMAT_VERSION = 1;

const param = z.union([z.number(), z.string(), z.boolean()]);

/** An agent or mediator: a built-in name or module path, or an object with parameters. */
const player = z.union([
  z
    .string()
    .min(1)
    .meta({ description: 'A built-in agent (boulware, linear, …) or a path to a module (./my-agent.ts).' }),
  z
    .strictObject({
      strategy: z.string().min(1).meta({ description: 'A built-in agent or a path to a module.' }),
      name: z
        .string()
        .min(1)
        .optional()
        .meta({ description: 'The name in the results (default: the strategy and its parameters).' }),
      params: z.record(z.string(), param).optional().meta({ description: 'Parameters, as `parley run` takes them.' }),
    })
    .meta({ description: 'An agent with parameters.' }),
]);

/** A scenario: a built-in name, a file or folder (globs allowed), or explicit GENIUS / GeniusWeb files. */
const scenarioEntry = z.union([
  z.string().min(1).meta({
    description:
      'A built-in name (anac/2011/Laptop), a parley file, a GENIUS or GeniusWeb folder; `*`, `?` and `**` match several.',
  }),
  z
    .strictObject({
      files: z
        .array(z.string().min(1))
        .min(2)
        .meta({ description: 'One domain file and one profile per party (GENIUS XML or GeniusWeb JSON).' }),
    })
    .meta({ description: 'Explicit domain and profile files.' }),
]);

export const tournamentFileSchema = z
  .strictObject({
    'parley-tournament': z
      .literal(TOURNAMENT_FORMAT_VERSION)
      .meta({ description: 'The format version of this file (1).' }),
    name: z.string().min(1).meta({ description: 'The tournament name, shown in reports.' }),
    description: z.string().optional(),
    agents: z.array(player).min(1).meta({ description: 'Agents; every assignment of them to the parties plays.' }),
    mediators: z
      .array(player)
      .optional()
      .meta({ description: 'Mediators for mediated protocols (each mediates every pairing); default hill-climb.' }),
    scenarios: z.array(scenarioEntry).min(1),
    protocols: z
      .array(z.enum(['saop', 'single-text', 'shuttle']))
      .min(1)
      .optional()
      .meta({ description: 'Protocols to run every pairing under (default saop).' }),
    selfPlay: z
      .boolean()
      .optional()
      .meta({ description: 'Whether an agent also negotiates against itself (default true).' }),
    roleSwaps: z.boolean().optional().meta({
      description:
        'true (default): every ordered assignment of agents to the parties; false: each set of agents once, in listed order.',
    }),
    seeds: z
      .array(z.number().int())
      .min(1)
      .optional()
      .meta({ description: 'The seeds every pairing runs with (default [1]); not with repetitions.' }),
    repetitions: z
      .number()
      .int()
      .min(1)
      .optional()
      .meta({ description: 'Runs of every pairing, seeded seed, seed+1, …; not with seeds.' }),
    seed: z.number().int().optional().meta({ description: 'First seed with repetitions (default 1).' }),
    rounds: z.number().int().min(1).optional().meta({ description: 'Deadline in rounds (default 1000).' }),
    time: z
      .number()
      .positive()
      .optional()
      .meta({ description: 'Deadline in virtual time instead of rounds (hours for scenarios with a timeline).' }),
  })
  .meta({ title: 'parley tournament', description: 'A tournament definition for `parley tournament`.' });

export type TournamentFile = z.infer<typeof tournamentFileSchema>;
export type PlayerEntry = z.infer<typeof player>;
export type ScenarioEntry = z.infer<typeof scenarioEntry>;

/** A definition and the file it came from (paths in it are relative to that file's folder). */
export interface TournamentDefinition {
  readonly file: string;
  readonly definition: TournamentFile;
}

/** Parses a definition's text; every problem is a ParleyError with file, line and column. */
export function parseTournamentText(text: string, file: string): TournamentFile {
  const source = parseSourceText(text, file, file.toLowerCase().endsWith('.json') ? 'json' : 'yaml');
  const parsed = tournamentFileSchema.safeParse(source.data, { reportInput: true });
  if (!parsed.success) throw explainSchemaIssue(parsed.error.issues, source, tournamentFileSchema);
  const d = parsed.data;
  const clash = (a: keyof TournamentFile, b: keyof TournamentFile) => {
    if (d[a] !== undefined && d[b] !== undefined)
      throw new ParleyError('PARLEY_E_SCHEMA', `${file}: give "${a}" or "${b}", not both`, {
        position: source.position([b], 'key'),
        expected: `either "${a}" or "${b}"`,
      });
  };
  clash('seeds', 'repetitions');
  clash('seeds', 'seed');
  clash('rounds', 'time');
  return d;
}

export function readTournamentFile(file: string): TournamentDefinition {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    const missing = (e as NodeJS.ErrnoException).code === 'ENOENT';
    throw new ParleyError(
      missing ? 'PARLEY_E_FILE_NOT_FOUND' : 'PARLEY_E_INPUT',
      missing ? `no such file: ${file}` : `cannot read ${file}: ${(e as Error).message}`,
      { position: { file }, expected: 'a tournament definition (YAML or JSON)' },
    );
  }
  try {
    return { file, definition: parseTournamentText(text, file) };
  } catch (e) {
    if (isParleyError(e)) throw e;
    throw new ParleyError('PARLEY_E_PARSE', `cannot read the tournament: ${(e as Error).message}`, {
      position: { file },
      cause: e,
    });
  }
}

/** The JSON Schema of the definition file (for editors and other tools). */
export function tournamentJsonSchema(): object {
  return z.toJSONSchema(tournamentFileSchema, { target: 'draft-2020-12', unrepresentable: 'any' });
}
