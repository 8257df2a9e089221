import { shown } from './text-limits.js';
import { TextPositions } from './text-position.js';

interface Where {
  readonly self: number;
  readonly keys: Map<string | number, number>;
}

/** Parsed JSON with the offset of every object, array and member, for positioned errors. */
export interface JsonDocument {
  readonly value: unknown;
  readonly positions: TextPositions;
  readonly where: WeakMap<object, Where>;
  /** Members whose name an object already had (the last one is kept), with the offset of the repeat. */
  readonly duplicates: readonly { readonly key: string; readonly offset: number }[];
}

const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;

/** A small recursive-descent JSON reader: JSON.parse gives no positions for members. */
class JsonReader {
  private i = 0;
  private depth = 0;
  readonly where = new WeakMap<object, Where>();
  readonly duplicates: { key: string; offset: number }[] = [];

  constructor(
    private readonly text: string,
    private readonly positions: TextPositions,
  ) {}

  fail(message: string, expected: string, at = this.i): never {
    throw this.positions.error('PARLEY_E_PARSE', `JSON syntax error: ${message}`, at, expected);
  }

  private ws(): void {
    while (this.i < this.text.length && ' \t\r\n'.includes(this.text[this.i]!)) this.i++;
  }

  /** What stands where something else was expected: `found "x"`, or `the file ends`. */
  private found(): string {
    return this.i >= this.text.length ? 'the file ends' : `found ${JSON.stringify(this.text[this.i])}`;
  }

  document(): unknown {
    const v = this.value();
    this.ws();
    if (this.i < this.text.length) this.fail('unexpected text after the JSON value', 'the end of the file');
    return v;
  }

  value(): unknown {
    this.ws();
    const c = this.text[this.i];
    if (c === '{' || c === '[') {
      if (++this.depth > 256)
        this.fail('the document nests deeper than 256 levels', 'at most 256 nested objects and arrays');
      const v = c === '{' ? this.object() : this.array();
      this.depth--;
      return v;
    }
    if (c === '"') return this.string();
    if (c === '-' || (c !== undefined && c >= '0' && c <= '9')) return this.number();
    for (const [word, v] of [
      ['true', true],
      ['false', false],
      ['null', null],
    ] as const) {
      if (this.text.startsWith(word, this.i)) {
        this.i += word.length;
        return v;
      }
    }
    return this.fail(
      `a JSON value is missing: ${this.found()}`,
      'a JSON value (object, array, string, number, true, false or null)',
    );
  }

  private object(): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    const keys = new Map<string | number, number>();
    this.where.set(out, { self: this.i, keys });
    this.i++;
    this.ws();
    if (this.text[this.i] === '}') return (this.i++, out);
    for (;;) {
      this.ws();
      if (this.text[this.i] !== '"')
        this.fail(`a member name is missing: ${this.found()}`, 'a member name in double quotes');
      const key = this.string();
      this.ws();
      if (this.text[this.i] !== ':')
        this.fail(`":" is missing after member name "${shown(key, 40)}": ${this.found()}`, '":"');
      this.i++;
      this.ws();
      if (keys.has(key)) this.duplicates.push({ key, offset: this.i });
      keys.set(key, this.i);
      // An own member even when named __proto__, which plain assignment would turn into a prototype.
      Object.defineProperty(out, key, { value: this.value(), enumerable: true, writable: true, configurable: true });
      this.ws();
      if (this.text[this.i] === ',') this.i++;
      else if (this.text[this.i] === '}') return (this.i++, out);
      else this.fail(`the object is not closed: ${this.found()}`, '"," or "}"');
    }
  }

  private array(): unknown[] {
    const out: unknown[] = [];
    const keys = new Map<string | number, number>();
    this.where.set(out, { self: this.i, keys });
    this.i++;
    this.ws();
    if (this.text[this.i] === ']') return (this.i++, out);
    for (;;) {
      this.ws();
      keys.set(out.length, this.i);
      out.push(this.value());
      this.ws();
      if (this.text[this.i] === ',') this.i++;
      else if (this.text[this.i] === ']') return (this.i++, out);
      else this.fail(`the list is not closed: ${this.found()}`, '"," or "]"');
    }
  }

  /** A string, scanned by hand: a regular expression overflows the stack on strings of megabytes. */
  private string(): string {
    const start = this.i;
    const bad = (at: number): never =>
      this.fail(
        'a string is not closed, or holds a raw control character or a bad escape',
        'a string closed by a double quote, with valid escapes',
        at,
      );
    let j = start + 1;
    let escaped = false;
    for (;;) {
      if (j >= this.text.length) bad(start);
      const c = this.text.charCodeAt(j);
      if (c === 34) break;
      if (c < 32) bad(j);
      if (c === 92) {
        escaped = true;
        const e = this.text[j + 1];
        if (e === 'u' && /^[0-9a-fA-F]{4}$/.test(this.text.slice(j + 2, j + 6))) j += 6;
        else if (e !== undefined && '"\\/bfnrt'.includes(e)) j += 2;
        else bad(j);
      } else j++;
    }
    this.i = j + 1;
    return escaped ? (JSON.parse(this.text.slice(start, j + 1)) as string) : this.text.slice(start + 1, j);
  }

  private number(): number {
    NUMBER.lastIndex = this.i;
    const m = NUMBER.exec(this.text);
    if (!m) this.fail(`a number is malformed: ${this.found()}`, 'a number such as 0.25');
    this.i += m[0].length;
    return Number(m[0]);
  }
}

export function parseJsonDocument(text: string, file: string): JsonDocument {
  const positions = new TextPositions(file, text);
  const body = text.charCodeAt(0) === 0xfeff ? ' ' + text.slice(1) : text;
  if (body.trim() === '') throw positions.error('PARLEY_E_PARSE', 'the file is empty', 0, 'a JSON document');
  const reader = new JsonReader(body, positions);
  return { value: reader.document(), positions, where: reader.where, duplicates: reader.duplicates };
}

/** Offset of `container[key]` (or of the container itself when key is absent or unknown). */
export function jsonOffset(doc: JsonDocument, container: unknown, key?: string | number): number {
  if (typeof container !== 'object' || container === null) return 0;
  const w = doc.where.get(container);
  if (!w) return 0;
  return key === undefined ? w.self : (w.keys.get(key) ?? w.self);
}
