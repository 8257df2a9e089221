import { isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, visit, type Document, type Node } from 'yaml';
import { fileError, type FilePosition } from '../../core/errors.js';
import { parseJsonDocument } from '../json-tree.js';

export type ScenarioTextFormat = 'yaml' | 'json';

/** A path into the parsed file: map keys and list indices. */
export type FilePath = readonly (string | number)[];

/** The parsed file: plain data, plus the position of any node in it. */
export interface SourceText {
  readonly file: string;
  readonly data: unknown;
  /** Position of the node at `path` (its key when `at` is 'key'), or of its nearest ancestor. */
  position(path: FilePath, at?: 'key' | 'value'): FilePosition;
}

/** Parses YAML or JSON text, throwing PARLEY_E_PARSE with line and column on bad syntax. */
export function parseSourceText(text: string, file: string, format: ScenarioTextFormat): SourceText {
  const lines = new LineCounter();
  const at = (offset: number): FilePosition => {
    const p = lines.linePos(offset);
    return { file, line: p.line, column: p.col };
  };
  // The YAML parser reads JSON too (a superset) and gives node positions, but it would also
  // take comments, single quotes and trailing commas: strict JSON is checked first.
  if (format === 'json') parseJsonDocument(text, file);
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true });
  const first = doc.errors[0];
  if (first) {
    const message = first.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
    throw fileError(
      'PARLEY_E_PARSE',
      `${format === 'json' ? 'JSON' : 'YAML'} syntax error: ${message}`,
      at(first.pos[0]),
      `valid ${format === 'json' ? 'JSON' : 'YAML'}`,
    );
  }
  visit(doc, {
    Alias(_, alias) {
      if (!alias.resolve(doc)) {
        throw fileError(
          'PARLEY_E_PARSE',
          `YAML error: alias *${alias.source} has no anchor before it`,
          at(alias.range?.[0] ?? 0),
          `an anchor &${alias.source} earlier in the file`,
        );
      }
    },
  });
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: 1000 });
  } catch (e) {
    throw fileError(
      'PARLEY_E_PARSE',
      `YAML error: ${(e as Error).message}`,
      at(0),
      'a YAML document without alias loops or alias bombs',
    );
  }
  return {
    file,
    data,
    position: (path, where = 'value') => at(offsetOf(doc, path, where)),
  };
}

function offsetOf(doc: Document, path: FilePath, where: 'key' | 'value'): number {
  let node: unknown = doc.contents;
  let best = rangeStart(node) ?? 0;
  for (let i = 0; i < path.length; i++) {
    const seg = path[i]!;
    const last = i === path.length - 1;
    if (isMap(node)) {
      const pair = node.items.find((p) => isPair(p) && isScalar(p.key) && String(p.key.value) === String(seg));
      if (!pair) return best;
      if (last && where === 'key') return rangeStart(pair.key) ?? best;
      node = pair.value;
      // A key with no value (`name:`) has no node of its own: point at the key.
      best = rangeStart(node) ?? rangeStart(pair.key) ?? best;
    } else if (isSeq(node) && typeof seg === 'number') {
      node = node.items[seg];
      best = rangeStart(node) ?? best;
      if (node === undefined) return best;
    } else return best;
  }
  return best;
}

function rangeStart(node: unknown): number | undefined {
  const range = (node as Node | null | undefined)?.range;
  return range ? range[0] : undefined;
}
