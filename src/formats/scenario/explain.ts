import type { z } from 'zod';
import { list } from './check-context.js';
import { fileError, type ParleyError } from '../../core/errors.js';
import { EXPECTED_SEPARATOR } from './schema-parts.js';
import { allowedKeys } from './schema-keys.js';
import type { FilePath, SourceText } from './source-text.js';

type Issue = z.core.$ZodIssue;

/** The first schema violation as a ParleyError at the offending node's line and column. */
export function explainSchemaIssue(issues: readonly Issue[], text: SourceText, root: z.ZodType): ParleyError {
  const issue = deepest(typoFirst(issues), []);
  const path = [...issue.prefix, ...issue.issue.path] as (string | number)[];
  const { message, expected, at } = wording(issue.issue, path, text.data, root);
  const where = at === 'key' ? [...path, String((issue.issue as { keys?: string[] }).keys?.[0])] : path;
  return fileError('PARLEY_E_SCHEMA', message, text.position(where, at), expected);
}

/** A key reported missing next to an unknown key in the same object is most often a typo. */
function typoFirst(issues: readonly Issue[]): Issue {
  const first = issues[0]!;
  const parent = JSON.stringify(first.path.slice(0, -1));
  const typo = issues.find((i) => i.code === 'unrecognized_keys' && JSON.stringify(i.path) === parent);
  return typo ?? first;
}

/**
 * A union whose every branch failed reports all branches; follow the branch that got
 * furthest into the value (it is the one the author meant), else keep the union's text.
 */
function deepest(issue: Issue, prefix: readonly PropertyKey[]): { issue: Issue; prefix: readonly PropertyKey[] } {
  if (issue.code !== 'invalid_union' || issue.errors.length === 0) return { issue, prefix };
  const here = [...prefix, ...issue.path];
  const kindValues = issue.errors.map((b) =>
    b.find((i) => i.code === 'invalid_value' && i.path.length === 1 && i.path[0] === 'kind'),
  );
  if (kindValues.every((k) => k !== undefined)) {
    // No branch has this `kind`: say which kinds exist rather than what one branch lacks.
    const values = kindValues.flatMap((k) => (k!.code === 'invalid_value' ? k!.values : []));
    return { issue: { ...kindValues[0]!, values, message: '' } as Issue, prefix: here };
  }
  const branches = issue.errors.filter((b) => b.length > 0 && !b.every(isShallowMismatch));
  const chosen = branches.sort((a, b) => reach(b) - reach(a))[0];
  if (!chosen) return { issue, prefix };
  // An unknown key is most often a typo of the key that is then reported missing.
  const inner = chosen.find((i) => i.code === 'unrecognized_keys') ?? chosen[0]!;
  return deepest(inner, here);
}

/** A branch that failed at the root on type, or on the discriminating `kind`. */
function isShallowMismatch(i: Issue): boolean {
  if (i.path.length === 0) return i.code === 'invalid_type' || i.code === 'invalid_union';
  return i.path.length === 1 && i.path[0] === 'kind' && i.code === 'invalid_value';
}

function reach(branch: readonly Issue[]): number {
  return (
    Math.max(...branch.map((i) => i.path.length)) - branch.filter((i) => i.code === 'unrecognized_keys').length * 0.5
  );
}

interface Wording {
  readonly message: string;
  readonly expected?: string;
  readonly at: 'key' | 'value';
}

function wording(issue: Issue, path: FilePath, data: unknown, root: z.ZodType): Wording {
  const field = describeField(path, data);
  const [must, expected] = issue.message.includes(EXPECTED_SEPARATOR)
    ? issue.message.split(EXPECTED_SEPARATOR)
    : [undefined, undefined];
  if (issue.code !== 'unrecognized_keys' && valueAt(data, path) === undefined) {
    const last = path[path.length - 1];
    const message =
      typeof last === 'string' ? `${describeField(path.slice(0, -1), data)} has no "${last}"` : `${field} is missing`;
    return { message, expected: expected ?? (issue.code === 'invalid_type' ? issue.expected : undefined), at: 'value' };
  }
  switch (issue.code) {
    case 'unrecognized_keys':
      return {
        message: `${field} has an unknown key "${issue.keys[0]}"`,
        expected: `one of the keys ${list(allowedKeys(root, path, data))}`,
        at: 'key',
      };
    case 'invalid_type':
      return {
        message: `${field} ${must ?? `must be ${issue.expected}`}`,
        expected: expected ?? issue.expected,
        at: 'value',
      };
    case 'invalid_value':
      return {
        message: `${field} ${must ?? 'has a value not allowed here'}`,
        expected: expected ?? `one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}`,
        at: 'value',
      };
    default:
      return { message: `${field} ${must ?? issue.message}`, expected, at: 'value' };
  }
}

export function valueAt(data: unknown, path: FilePath): unknown {
  let node = data;
  for (const seg of path) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<string | number, unknown>)[seg];
  }
  return node;
}

const WHAT: Readonly<Record<string, string>> = {
  issues: 'issue',
  phases: 'phase',
  parties: 'party',
  delegations: 'delegation',
  mediators: 'mediator',
  decisionBodies: 'decision body',
  workingGroups: 'working group',
  observers: 'observer',
  positions: 'position',
  timeline: 'event',
  redLines: 'red line',
  agents: 'agent',
  reports: 'report',
  effects: 'effect',
  rectangles: 'rectangle',
};

/** Names a field in words, e.g. `weight of issue "truce" of party "Hamas"`. */
export function describeField(path: FilePath, data: unknown): string {
  if (path.length === 0) return 'the scenario';
  // `{value: …}` of an annotated number stands for the number itself.
  if (path[path.length - 1] === 'value' && path.length > 1) return describeField(path.slice(0, -1), data);
  const last = path[path.length - 1]!;
  const parent = path[path.length - 2];
  const owner = ownerText(path.slice(0, -1), data);
  if (parent === 'weights') return `weight of issue "${last}"${ownerText(path.slice(0, -3), data)}`;
  if (parent === 'values' && path[path.length - 3] === 'preferences')
    return `value function of issue "${last}"${ownerText(path.slice(0, -3), data)}`;
  if (path[path.length - 3] === 'values' && path[path.length - 4] === 'preferences') {
    return `utility of value "${last}" of issue "${parent}"${ownerText(path.slice(0, -4), data)}`;
  }
  if (typeof last === 'number' && typeof parent === 'string' && WHAT[parent]) {
    const item = valueAt(data, path);
    if (typeof item === 'string') return `${WHAT[parent]} "${item}"${ownerText(path.slice(0, -2), data)}`;
    return `${WHAT[parent]} ${itemName(path, data)}${ownerText(path.slice(0, -2), data)}`;
  }
  if (typeof last === 'number') return `item #${last + 1} of "${String(parent)}"${ownerText(path.slice(0, -2), data)}`;
  return `"${String(last)}"${owner}`;
}

function itemName(path: FilePath, data: unknown): string {
  const item = valueAt(data, path) as Record<string, unknown> | undefined;
  const name = item && typeof item === 'object' ? (item['name'] ?? item['id']) : undefined;
  return typeof name === 'string' ? `"${name}"` : `#${Number(path[path.length - 1]) + 1}`;
}

/** ` of effect #1 of event "e1"`: every named list item on the path, innermost first. */
function ownerText(path: FilePath, data: unknown): string {
  let text = '';
  for (let i = path.length - 1; i > 0; i--) {
    const seg = path[i];
    const list = path[i - 1];
    if (typeof seg === 'number' && typeof list === 'string' && WHAT[list])
      text += ` of ${WHAT[list]} ${itemName(path.slice(0, i + 1), data)}`;
  }
  return text;
}
