import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { z } from 'zod';
import { agentNames, isModulePath } from '../agents/index.js';
import { isParleyError, ParleyError } from '../core/errors.js';
import type { AgentSpec, Scenario } from '../core/scenario.js';
import { findBuiltin } from '../formats/builtin.js';
import { loadInput } from '../formats/input.js';
import { protocolNames } from '../protocols/index.js';
import { planRun, type RunPlan, type RunRequest, type Seating } from '../session/plan.js';

const paramValue = z.union([z.number(), z.string().max(200), z.boolean()]);

export const agentSpecSchema = z
  .strictObject({
    strategy: z.string().min(1).max(100),
    params: z.record(z.string().max(100), paramValue).optional(),
  })
  .meta({ description: 'A built-in agent or mediator (as `parley run --agents` names them) with its parameters.' });

export const uploadedFileSchema = z.strictObject({
  name: z.string().min(1).max(200),
  content: z.string().max(4_000_000),
});

/** What a convenor sends to open a session: `parley run`'s choices plus the live ones. */
export const createSessionSchema = z
  .strictObject({
    scenario: z
      .string()
      .min(1)
      .max(200)
      .optional()
      .meta({ description: 'A built-in scenario name, e.g. cairo-2024 or anac/2011/Laptop.' }),
    files: z.array(uploadedFileSchema).min(1).max(20).optional().meta({
      description:
        'An uploaded scenario: one parley YAML/JSON file, or GENIUS XML / GeniusWeb JSON domain and profiles.',
    }),
    protocol: z.enum(protocolNames() as [string, ...string[]]).optional(),
    agents: z
      .array(agentSpecSchema)
      .max(50)
      .optional()
      .meta({ description: 'Bot strategies per party, in party order.' }),
    mediators: z.array(agentSpecSchema).max(20).optional(),
    rounds: z.number().int().positive().max(1_000_000).optional(),
    time: z.number().positive().max(1e9).optional(),
    seed: z.number().int().optional(),
    timeScale: z
      .number()
      .positive()
      .max(1e9)
      .optional()
      .meta({ description: 'Scenario hours per real hour (default 1; 60 runs one scenario hour per real minute).' }),
    bots: z
      .union([z.literal('all'), z.record(z.string().max(200), agentSpecSchema)])
      .optional()
      .meta({ description: '"all" seats the plan\'s bots everywhere; or bots by role.' }),
  })
  .refine((b) => (b.scenario === undefined) !== (b.files === undefined), {
    message: 'give either "scenario" (a built-in name) or "files" (an uploaded scenario)',
  });

export type CreateSession = z.infer<typeof createSessionSchema>;

/** What is stored to rebuild the session: its source and the plan's request. */
export interface SessionSpec {
  readonly scenario?: string;
  readonly files?: readonly { readonly name: string; readonly content: string }[];
  readonly request: RunRequest;
  readonly timeScale: number;
}

/** Bots run inside the server: only built-in agents, never a module path. */
export function checkBotSpec(spec: AgentSpec): void {
  if (isModulePath(spec.strategy) || !agentNames().includes(spec.strategy))
    throw new ParleyError(
      'PARLEY_E_USAGE',
      `unknown agent "${spec.strategy}"; a server runs only built-in agents: ${agentNames().join(', ')}`,
    );
}

export function specOf(body: CreateSession): SessionSpec {
  for (const s of [...(body.agents ?? []), ...(body.mediators ?? [])]) checkBotSpec(s);
  if (body.bots && body.bots !== 'all') for (const s of Object.values(body.bots)) checkBotSpec(s);
  return {
    scenario: body.scenario,
    files: body.files,
    request: {
      protocol: body.protocol,
      agents: body.agents,
      mediators: body.mediators,
      rounds: body.rounds,
      time: body.time,
      seed: body.seed,
    },
    timeScale: body.timeScale ?? 1,
  };
}

/** Uploaded files are read from a private temp folder; errors name the file as uploaded. */
function loadUploaded(files: NonNullable<SessionSpec['files']>): Scenario {
  const dir = mkdtempSync(join(tmpdir(), 'parley-upload-'));
  try {
    const paths = files.map((f, i) => {
      const name = basename(f.name).replace(/[^\w.-]/g, '_') || `file-${i}`;
      const path = join(dir, name);
      writeFileSync(path, f.content);
      return path;
    });
    try {
      return loadInput(paths);
    } catch (e) {
      if (!isParleyError(e)) throw e;
      const rename = (text: string) => text.split(dir + '/').join('');
      const position = e.position && { ...e.position, file: rename(e.position.file) };
      throw new ParleyError(e.code, rename(e.message), { position, expected: e.expected });
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * Built-in scenarios as read the first time: they ship with parley and do not change while
 * it runs, and sessions share one as a tournament's runs do (nothing changes a scenario).
 * Reading and parsing one again took milliseconds of the server's thread per session.
 */
const builtinScenarios = new Map<string, Scenario>();

function namedScenario(name: string): Scenario {
  // A file or folder of that name in the working directory comes first, as in `loadInput`.
  const builtin = existsSync(name) ? undefined : findBuiltin(name);
  if (!builtin) return loadInput([name]);
  let scenario = builtinScenarios.get(builtin.name);
  if (!scenario) builtinScenarios.set(builtin.name, (scenario = loadInput([name])));
  return scenario;
}

export function scenarioOf(spec: SessionSpec): Scenario {
  return spec.files ? loadUploaded(spec.files) : namedScenario(spec.scenario!);
}

export function planOf(spec: SessionSpec): RunPlan {
  return planRun(scenarioOf(spec), spec.request);
}

/** A seat of a live session that acts: the plan's seats, plus every mediator of a mediated protocol. */
export interface ActingSeat {
  readonly role: string;
  readonly kind: Seating['kind'];
  readonly party?: string;
  /** The bot `parley run` would seat here; null where `parley run` seats none. */
  readonly spec: AgentSpec | null;
}

export function actingSeats(plan: RunPlan): ActingSeat[] {
  const seats: ActingSeat[] = plan.seats.map((s) => ({ ...s, spec: s.spec }));
  if (plan.protocol !== 'saop')
    for (const m of plan.scenario.roles.mediators)
      if (!seats.some((s) => s.role === m.name)) seats.push({ role: m.name, kind: 'mediator', spec: null });
  return seats;
}
