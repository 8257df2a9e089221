/**
 * A strict JSON syntax check that says where the text stops being JSON and what was
 * expected there. The YAML parser reads JSON too (it is a superset) and gives node
 * positions, but it would also accept comments, single quotes and trailing commas.
 */
export interface JsonSyntaxProblem {
  readonly offset: number;
  readonly message: string;
  readonly expected: string;
}

class Stop extends Error {
  constructor(readonly problem: JsonSyntaxProblem) {
    super(problem.message);
  }
}

export function jsonSyntaxProblem(text: string): JsonSyntaxProblem | null {
  const scanner = new Scanner(text);
  try {
    scanner.space();
    scanner.value();
    scanner.space();
    if (scanner.pos < text.length) scanner.fail('unexpected text after the JSON value', 'the end of the file');
    return null;
  } catch (e) {
    if (e instanceof Stop) return e.problem;
    throw e;
  }
}

const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const LITERALS = ['true', 'false', 'null'];
/** Deeper nesting than any scenario needs; the limit keeps the recursion off the stack's end. */
const MAX_DEPTH = 200;

class Scanner {
  pos = 0;
  private depth = 0;
  constructor(private readonly text: string) {}

  fail(message: string, expected: string): never {
    throw new Stop({ offset: this.pos, message, expected });
  }

  space(): void {
    while (this.pos < this.text.length && ' \t\n\r'.includes(this.text[this.pos]!)) this.pos++;
  }

  private found(): string {
    return this.pos >= this.text.length ? 'the file ends' : `found ${JSON.stringify(this.text[this.pos])}`;
  }

  value(): void {
    const c = this.text[this.pos];
    if (c === '{' || c === '[') {
      if (++this.depth > MAX_DEPTH) this.fail(`lists and objects are nested more than ${MAX_DEPTH} deep`, 'a flatter structure');
      if (c === '{') this.object();
      else this.array();
      this.depth--;
      return;
    }
    if (c === '"') return this.string();
    for (const word of LITERALS) {
      if (this.text.startsWith(word, this.pos)) {
        this.pos += word.length;
        return;
      }
    }
    NUMBER.lastIndex = this.pos;
    const m = NUMBER.exec(this.text);
    if (m && m[0].length > 0) {
      this.pos += m[0].length;
      return;
    }
    this.fail(`a JSON value is missing: ${this.found()}`, 'an object, a list, a string, a number, true, false or null');
  }

  private object(): void {
    this.pos++;
    this.space();
    if (this.text[this.pos] === '}') return void this.pos++;
    for (;;) {
      this.space();
      if (this.text[this.pos] !== '"') this.fail(`a key is missing: ${this.found()}`, 'a key in double quotes');
      this.string();
      this.space();
      if (this.text[this.pos] !== ':') this.fail(`a colon is missing after the key: ${this.found()}`, '":"');
      this.pos++;
      this.space();
      this.value();
      this.space();
      const c = this.text[this.pos];
      if (c === '}') return void this.pos++;
      if (c !== ',') this.fail(`the object is not closed: ${this.found()}`, '"," or "}"');
      this.pos++;
    }
  }

  private array(): void {
    this.pos++;
    this.space();
    if (this.text[this.pos] === ']') return void this.pos++;
    for (;;) {
      this.space();
      this.value();
      this.space();
      const c = this.text[this.pos];
      if (c === ']') return void this.pos++;
      if (c !== ',') this.fail(`the list is not closed: ${this.found()}`, '"," or "]"');
      this.pos++;
    }
  }

  private string(): void {
    const start = this.pos;
    this.pos++;
    while (this.pos < this.text.length) {
      const c = this.text[this.pos]!;
      if (c === '"') return void this.pos++;
      if (c === '\\') {
        const next = this.text[this.pos + 1];
        if (next === 'u' && /^[0-9a-fA-F]{4}$/.test(this.text.slice(this.pos + 2, this.pos + 6))) this.pos += 6;
        else if (next !== undefined && '"\\/bfnrt'.includes(next)) this.pos += 2;
        else this.fail('a string holds an invalid escape', 'one of \\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX');
        continue;
      }
      if (c < ' ') this.fail('a string holds a control character', 'an escape such as \\n');
      this.pos++;
    }
    this.pos = start;
    this.fail('a string is not closed', 'a closing double quote');
  }
}
