import { z } from 'zod';
import { issueByName, type Domain } from '../core/domain.js';
import { isValueOf, type Value } from '../core/issue.js';
import { invalid } from './base.js';
import type { Action, InvalidAction, NegotiationSetup } from './types.js';

/**
 * A red line as a party states it at the table: its id, the issue, and the values it
 * allows (discrete) or the range it allows (numeric). Stating a line reveals it; a
 * mediator may then avoid it without knowing anything else of the party's preferences.
 */
export interface StatedRedLine {
  readonly id: string;
  readonly issue: string;
  readonly allowed?: readonly Value[];
  readonly min?: number;
  readonly max?: number;
}

/**
 * A party's position in structured fields, carried by rejections, amendment requests and
 * public statements. The words shown to people are rendered from these fields
 * (`renderPosition`); mediators read the fields and never parse the words.
 */
export interface Position {
  /** Red lines the text crosses (in a response), or every red line the party holds (in a statement). */
  readonly redLines?: readonly StatedRedLine[];
  /** The values the party asks for, by issue. */
  readonly asks?: Readonly<Record<string, Value>>;
  /** Issues the party objects to beyond its red lines and asks. */
  readonly issues?: readonly string[];
  /** The text is worth less to the party than walking away. */
  readonly belowWalkAway?: boolean;
}

const value = z.union([z.string(), z.number()]);

/** The schema of a position as it crosses a boundary (a human seat's form, the API, the log). */
export const positionSchema = z
  .object({
    redLines: z
      .array(
        z
          .object({
            id: z.string().min(1),
            issue: z.string().min(1),
            allowed: z.array(value).optional(),
            min: z.number().optional(),
            max: z.number().optional(),
          })
          .strict(),
      )
      .optional(),
    asks: z.record(z.string(), value).optional(),
    issues: z.array(z.string()).optional(),
    belowWalkAway: z.boolean().optional(),
  })
  .strict();

/** Why a position does not fit the domain (an unknown issue, a value not of its issue), or null. */
export function positionProblem(domain: Domain, position: Position): string | null {
  const parsed = positionSchema.safeParse(position);
  if (!parsed.success) return `the position is malformed: ${parsed.error.issues[0]?.message ?? 'unknown shape'}`;
  const known = (issue: string) => issueByName(domain, issue) !== undefined;
  for (const line of position.redLines ?? []) {
    if (!known(line.issue)) return `red line "${line.id}" names "${line.issue}", which is not an issue of the domain`;
  }
  for (const [issue, v] of Object.entries(position.asks ?? {})) {
    const found = issueByName(domain, issue);
    if (!found) return `the position asks for "${issue}", which is not an issue of the domain`;
    if (!isValueOf(found, v)) return `the position asks for "${String(v)}", which is not a value of "${issue}"`;
  }
  for (const issue of position.issues ?? [])
    if (!known(issue)) return `the position names "${issue}", which is not an issue of the domain`;
  return null;
}

/** Every issue a position concerns: its red lines', its asks' and those it names. */
export function positionIssues(position: Position | undefined): string[] {
  if (!position) return [];
  const issues = [
    ...(position.redLines ?? []).map((l) => l.issue),
    ...Object.keys(position.asks ?? {}),
    ...(position.issues ?? []),
  ];
  return [...new Set(issues)];
}

/** A stated red line in words: "ceasefire only permanent", "captives at least 33". */
export function describeRedLine(line: StatedRedLine): string {
  if (line.allowed) return `${line.issue} only ${line.allowed.map(String).join(' or ')}`;
  const bounds = [
    line.min !== undefined ? `at least ${line.min}` : '',
    line.max !== undefined ? `at most ${line.max}` : '',
  ].filter(Boolean);
  return `${line.issue} ${bounds.join(' and ')}`.trim();
}

function listAsks(asks: Readonly<Record<string, Value>>): string {
  return Object.entries(asks)
    .map(([issue, v]) => `${issue}: ${String(v)}`)
    .join('; ');
}

/**
 * The words of a position, rendered from its fields only.
 * - `response`: why a party does not accept a text, and what it asks for instead.
 * - `statement`: what a party asks for in public, and the lines it will not cross.
 */
export function renderPosition(party: string, position: Position, kind: 'response' | 'statement'): string {
  const lines = position.redLines ?? [];
  const asks = position.asks ?? {};
  const parts: string[] = [];
  if (kind === 'statement') {
    parts.push(`${party} asks for ${Object.keys(asks).length ? listAsks(asks) : 'the terms it has set out'}.`);
    if (lines.length)
      parts.push(`${party} will not sign an agreement without ${lines.map(describeRedLine).join('; ')}.`);
    return parts.join(' ');
  }
  if (lines.length) {
    const named = lines.map((l) => `${describeRedLine(l)} (${l.id})`).join('; ');
    parts.push(`The text crosses ${party}'s red line${lines.length > 1 ? 's' : ''}: ${named}.`);
  }
  if (position.belowWalkAway) parts.push(`The text is worth less to ${party} than no agreement.`);
  if (position.issues?.length) parts.push(`${party} objects to the text on ${position.issues.join(', ')}.`);
  if (Object.keys(asks).length) parts.push(`${party} asks for ${listAsks(asks)}.`);
  if (parts.length === 0) parts.push(`The text does not meet ${party}'s terms.`);
  return parts.join(' ');
}

/** A rejection's words: as given, else rendered from its structured position. */
export function responseReason(party: string, action: Extract<Action, { kind: 'reject' }>): string | undefined {
  return action.reason ?? (action.position ? renderPosition(party, action.position, 'response') : undefined);
}

/** Why a position attached to an action does not fit the domain, or null. */
export function actionPositionError(state: { readonly setup: NegotiationSetup }, action: Action): InvalidAction | null {
  if (!('position' in action) || action.position === undefined) return null;
  const problem = positionProblem(state.setup.domain, action.position);
  return problem ? invalid(problem) : null;
}
