import { fileError } from '../../core/errors.js';
import { describeField } from './explain.js';
import type { NumField } from './schema-parts.js';
import type { ScenarioFile } from './schema.js';
import type { FilePath, SourceText } from './source-text.js';

/** What the semantic checks share: the file, its positions, and the names declared in it. */
export class CheckContext {
  readonly issueNames: Set<string>;
  readonly partyNames: Set<string>;
  constructor(
    readonly file: ScenarioFile,
    readonly text: SourceText,
  ) {
    this.issueNames = new Set(file.issues.map((i) => i.name));
    this.partyNames = new Set(file.parties.map((p) => p.name));
  }

  /** Throws PARLEY_E_SCHEMA at the node (or its key) with the field named in front. */
  fail(path: FilePath, must: string, expected: string, at: 'key' | 'value' = 'value'): never {
    const field = describeField(path, this.text.data);
    throw fileError('PARLEY_E_SCHEMA', `${field} ${must}`, this.text.position(path, at), expected);
  }

  /** Throws at `path` unless `name` is one of `known`. */
  expectKnown(
    path: FilePath,
    name: string,
    known: ReadonlySet<string>,
    what: string,
    at: 'key' | 'value' = 'value',
  ): void {
    if (known.has(name)) return;
    this.fail(path, `names an unknown ${what} "${name}"`, `one of ${list(known)}`, at);
  }

  /** Throws at the second of two items with the same name. */
  expectUnique(path: FilePath, names: readonly string[], what: string, key = 'name'): void {
    const seen = new Set<string>();
    names.forEach((name, i) => {
      if (seen.has(name))
        this.fail([...path, i, key], `repeats the ${what} name "${name}"`, `a name no other ${what} has`);
      seen.add(name);
    });
  }
}

export function list(names: Iterable<string>): string {
  const all = [...names].map((n) => `"${n}"`);
  if (all.length === 0) return 'nothing (none are declared)';
  return all.length > 12 ? `${all.slice(0, 12).join(', ')}, …` : all.join(', ');
}

export function numberOf(field: NumField): number {
  return typeof field === 'number' ? field : field.value;
}

/** Every object and number that says `assumed: true` must say why. */
export function checkAssumptionsHaveReasons(ctx: CheckContext, node: unknown, path: (string | number)[] = []): void {
  if (node === null || typeof node !== 'object') return;
  if (Array.isArray(node)) {
    node.forEach((item, i) => checkAssumptionsHaveReasons(ctx, item, [...path, i]));
    return;
  }
  const record = node as Record<string, unknown>;
  if (record['assumed'] === true && (typeof record['reason'] !== 'string' || record['reason'].trim() === '')) {
    ctx.fail([...path, 'assumed'], 'is assumed but gives no reason', 'a reason: "…" beside assumed: true');
  }
  if (typeof record['reason'] === 'string' && record['assumed'] !== true && record['source'] === undefined) {
    ctx.fail([...path, 'reason'], 'gives a reason but is not marked assumed', 'assumed: true, or a source');
  }
  for (const [key, value] of Object.entries(record))
    if (key !== 'source') checkAssumptionsHaveReasons(ctx, value, [...path, key]);
}
