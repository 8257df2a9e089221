import { z } from 'zod';

/**
 * Building blocks of the scenario file schema. Error texts are written as
 * `must …␟expected …` so that explain.ts can name the field in front and put the
 * expectation in the `(expected …)` part of the message.
 */
export const EXPECTED_SEPARATOR = '\u241F';

export function say(must: string, expected: string): string {
  return `${must}${EXPECTED_SEPARATOR}${expected}`;
}

/** A seed report's file name and a sentence copied from it. */
export const sourceSchema = z
  .strictObject(
    {
      file: z.string({ error: say('must be a file name', 'a string') }).min(1),
      quote: z.string({ error: say('must be a quotation', 'a string') }).min(1),
    },
    { error: say('must be a source', '{file, quote}') },
  )
  .meta({ id: 'Source', description: 'A seed report file name and a sentence copied from it.' });

/** Provenance any object may carry: a source for a fact, or `assumed` with a reason. */
export const provenanceShape = {
  source: sourceSchema.optional(),
  assumed: z.boolean({ error: say('must be true or false', 'a boolean') }).optional(),
  reason: z.string({ error: say('must be a text', 'a string') }).optional(),
};

export const ANNOTATED_NUMBER = '{value, assumed, reason}';
export const NUMBER_OR_ANNOTATED = `a number or ${ANNOTATED_NUMBER}`;

interface Range {
  readonly min?: number;
  readonly max?: number;
  /** Excludes the minimum itself (e.g. a discount factor > 0). */
  readonly above?: number;
}

function rangeText(r: Range): string {
  if (r.above !== undefined && r.max !== undefined) return `a number > ${r.above} and ≤ ${r.max}`;
  if (r.min !== undefined && r.max !== undefined) return `a number from ${r.min} to ${r.max}`;
  if (r.min !== undefined) return `a number ≥ ${r.min}`;
  if (r.above !== undefined) return `a number > ${r.above}`;
  return 'a finite number';
}

function boundedNumber(r: Range, expected: string) {
  const err = say(`must be ${rangeText(r)}`, expected);
  let n = z.number({ error: err });
  if (r.min !== undefined) n = n.min(r.min, { error: err });
  if (r.above !== undefined) n = n.gt(r.above, { error: err });
  if (r.max !== undefined) n = n.max(r.max, { error: err });
  return n;
}

const numbers = new Map<string, ReturnType<typeof buildNum>>();

/**
 * A number field: either a bare number or `{value, assumed, reason, source}` so that a
 * modelling choice carries its reason beside it. One schema per range, named in the JSON Schema.
 */
export function num(r: Range = {}) {
  const id =
    `Number${r.min !== undefined ? `Min${r.min}` : ''}${r.above !== undefined ? `Above${r.above}` : ''}${r.max !== undefined ? `Max${r.max}` : ''}`.replace(
      '-',
      'Minus',
    );
  let schema = numbers.get(id);
  if (!schema)
    numbers.set(
      id,
      (schema = buildNum(r).meta({ id, description: `${rangeText(r)}, bare or as ${ANNOTATED_NUMBER}` })),
    );
  return schema;
}

function buildNum(r: Range) {
  const err = say(`must be ${rangeText(r)}`, NUMBER_OR_ANNOTATED);
  return z.union(
    [
      boundedNumber(r, NUMBER_OR_ANNOTATED),
      z.strictObject({ value: boundedNumber(r, NUMBER_OR_ANNOTATED), ...provenanceShape }, { error: err }),
    ],
    { error: err },
  );
}

export type NumField =
  number | { value: number; source?: { file: string; quote: string }; assumed?: boolean; reason?: string };

export const nameSchema = z
  .string({ error: say('must be a name', 'a non-empty string') })
  .min(1, { error: say('must not be empty', 'a non-empty string') })
  .meta({ id: 'Name' });

export const textSchema = z.string({ error: say('must be a text', 'a string') }).meta({ id: 'Text' });

export const valueSchema = z.union([z.string(), z.number()], { error: say('must be a value', 'a string or a number') });

export const paramValueSchema = z.union([z.number(), z.string(), z.boolean()], {
  error: say('must be a parameter value', 'a number, a string or a boolean'),
});

/** An agent parameter: a plain value, or `{value, assumed, reason}` for a modelling choice. */
export const paramSchema = z.union(
  [paramValueSchema, z.strictObject({ value: paramValueSchema, ...provenanceShape })],
  { error: say('must be a parameter value', 'a number, a string, a boolean or {value, assumed, reason}') },
);

export function listOf<T extends z.ZodType>(item: T, what: string) {
  return z.array(item, { error: say(`must be a list of ${what}`, 'a list') });
}
