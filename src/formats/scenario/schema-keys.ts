import type { z } from 'zod';
import type { FilePath } from './source-text.js';

interface Def {
  readonly type: string;
  readonly shape?: Record<string, z.ZodType>;
  readonly innerType?: z.ZodType;
  readonly element?: z.ZodType;
  readonly valueType?: z.ZodType;
  readonly options?: readonly z.ZodType[];
  readonly items?: readonly z.ZodType[];
}

const defOf = (schema: z.ZodType): Def => (schema as unknown as { _zod: { def: Def } })._zod.def;

/**
 * The keys the schema allows for the object at `path`, so an unknown key can be answered
 * with the list of known ones. Unions pick the branch that shares most keys with the data.
 */
export function allowedKeys(root: z.ZodType, path: FilePath, data: unknown): string[] {
  let schema: z.ZodType | undefined = root;
  let node = data;
  for (let i = 0; i <= path.length && schema; i++) {
    schema = resolve(schema, node);
    if (i === path.length || !schema) break;
    const seg = path[i]!;
    const def = defOf(schema);
    if (def.type === 'object') schema = def.shape?.[String(seg)];
    else if (def.type === 'array') schema = def.element;
    else if (def.type === 'record') schema = def.valueType;
    else if (def.type === 'tuple') schema = def.items?.[Number(seg)];
    else schema = undefined;
    node = node !== null && typeof node === 'object' ? (node as Record<string | number, unknown>)[seg] : undefined;
  }
  if (!schema) return [];
  const def = defOf(schema);
  return def.type === 'object' ? Object.keys(def.shape ?? {}) : [];
}

/** Unwraps optional and picks the union branch that fits the data best. */
function resolve(schema: z.ZodType, node: unknown): z.ZodType | undefined {
  let current = schema;
  for (let guard = 0; guard < 10; guard++) {
    const def = defOf(current);
    if (def.type === 'optional' || def.type === 'nullable' || def.type === 'default') current = def.innerType!;
    else if (def.type === 'union') {
      const objects = (def.options ?? [])
        .map((o) => resolve(o, node))
        .filter((o): o is z.ZodType => !!o && defOf(o).type === 'object');
      if (objects.length === 0) return current;
      const keys = node !== null && typeof node === 'object' ? Object.keys(node) : [];
      const score = (o: z.ZodType) => keys.filter((k) => k in (defOf(o).shape ?? {})).length;
      current = objects.sort((a, b) => score(b) - score(a))[0]!;
    } else return current;
  }
  return current;
}
