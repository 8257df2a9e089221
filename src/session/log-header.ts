import { z } from 'zod';
import { fileError } from '../core/errors.js';

const list = z.array(z.unknown());

/**
 * What replay relies on in a log's header, checked before anything runs: a header edited by
 * hand (a deadline of `null`, a party list that is not a list) is refused with the field
 * named, not met later as a crash. The protocol checks the rest when it sets the run up.
 */
const headerShape = z.looseObject({
  scenario: z.string(),
  protocol: z.string(),
  seed: z.number(),
  hoursPerRound: z.number().positive(),
  setup: z.looseObject({
    domain: z.looseObject({ name: z.string(), issues: z.array(z.looseObject({ name: z.string(), kind: z.string() })) }),
    parties: z.array(z.string()),
    roles: z.looseObject({
      delegations: list,
      mediators: list,
      decisionBodies: list,
      workingGroups: list,
      observers: list,
    }),
    timeline: list,
    deadline: z
      .strictObject({ rounds: z.number().int().positive().optional(), time: z.number().positive().optional() })
      .refine((d) => d.rounds !== undefined || d.time !== undefined, 'a deadline needs "rounds" or "time"'),
    seed: z.number(),
  }),
});

/** Throws PARLEY_E_FORMAT at the header's line, naming the first field that is not as parley writes it. */
export function checkHeaderShape(header: Record<string, unknown>, where: { file: string; line: number }): void {
  const parsed = headerShape.safeParse(header);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const field = issue.path.map(String).join('.') || 'header';
    throw fileError('PARLEY_E_FORMAT', `the header's ${field} is not valid: ${issue.message}`, {
      ...where,
      column: 1,
    });
  }
  const setupSeed = (header.setup as { seed: number }).seed;
  if (setupSeed !== header.seed)
    throw fileError(
      'PARLEY_E_FORMAT',
      `the header's seed ${String(header.seed)} differs from its setup's seed ${setupSeed}`,
      { ...where, column: 1 },
      'the same seed in both',
    );
}
