import type { TextPositions } from './text-position.js';
import { shown } from './text-limits.js';
import type { WarningSink } from './warnings.js';

const ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

/** Characters that end a name: space, `=`, `>`, `/`, `<`, quotes. */
const NAME_END = /[\s=>/<"']/;

/** Decodes the five XML entities and character references; anything else stays as written, as in GENIUS. */
function decodeEntities(raw: string): string {
  if (!raw.includes('&')) return raw;
  return raw.replace(/&(#x[0-9a-fA-F]{1,6}|#[0-9]{1,7}|lt|gt|amp|quot|apos);/g, (whole, ref: string) => {
    if (ref[0] !== '#') return ENTITIES[ref]!;
    const code = ref[1] === 'x' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
    return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
  });
}

/** A cursor over XML text: the small steps the parser is made of, each failing with a position. */
export class XmlScanner {
  i = 0;

  constructor(
    readonly text: string,
    readonly positions: TextPositions,
    private readonly warnSink: WarningSink,
  ) {}

  atEnd(): boolean {
    return this.i >= this.text.length;
  }

  startsWith(s: string): boolean {
    return this.text.startsWith(s, this.i);
  }

  fail(offset: number, message: string, expected: string): never {
    throw this.positions.error('PARLEY_E_PARSE', `XML syntax error: ${message}`, offset, expected);
  }

  warn(offset: number, message: string): void {
    this.warnSink({ position: this.positions.at(offset), message });
  }

  /** `found "x"`, or `the end of the file`, for messages. */
  found(): string {
    return this.atEnd() ? 'the end of the file' : `"${shown(this.text[this.i]!, 8)}"`;
  }

  /** Skips white space; says whether there was any. */
  skipSpace(): boolean {
    const start = this.i;
    while (this.i < this.text.length) {
      const c = this.text.charCodeAt(this.i);
      if (c !== 32 && c !== 10 && c !== 13 && c !== 9) break;
      this.i++;
    }
    return this.i > start;
  }

  skipTo(ch: string): void {
    const at = this.text.indexOf(ch, this.i);
    this.i = at < 0 ? this.text.length : at;
  }

  skipPast(end: string, message: string, expected: string): void {
    const at = this.text.indexOf(end, this.i + 2);
    if (at < 0) this.fail(this.i, message, expected);
    this.i = at + end.length;
  }

  /** A `<!DOCTYPE …>`, with an internal subset in brackets and quoted strings, skipped whole. */
  skipDoctype(): void {
    const start = this.i;
    let depth = 0;
    for (this.i += 2; this.i < this.text.length; this.i++) {
      const c = this.text[this.i];
      if (c === '"' || c === "'") {
        const close = this.text.indexOf(c, this.i + 1);
        if (close < 0) break;
        this.i = close;
      } else if (c === '[') depth++;
      else if (c === ']') depth--;
      else if (c === '>' && depth <= 0) {
        this.i++;
        return;
      }
    }
    this.fail(start, 'the declaration is not closed', '">" closing the <!…> declaration');
  }

  /** An element or attribute name; empty when none stands here. */
  name(): string {
    const start = this.i;
    while (this.i < this.text.length && !NAME_END.test(this.text[this.i]!)) this.i++;
    return this.text.slice(start, this.i);
  }

  /** A quoted attribute value, or an unquoted one up to white space or the end of the tag (with a warning). */
  attributeValue(attr: string): string {
    const quote = this.text[this.i];
    if (quote === '"' || quote === "'") {
      const close = this.text.indexOf(quote, this.i + 1);
      if (close < 0)
        this.fail(this.i, `the value of attribute "${shown(attr, 40)}" is not closed`, `a closing ${quote}`);
      const raw = this.text.slice(this.i + 1, close);
      this.i = close + 1;
      return decodeEntities(raw);
    }
    const start = this.i;
    while (this.i < this.text.length && !/[\s>]/.test(this.text[this.i]!) && !this.startsWith('/>')) this.i++;
    if (this.i === start) this.fail(start, `attribute "${shown(attr, 40)}" has no value`, 'a quoted value');
    this.warn(start, `the value of attribute "${shown(attr, 40)}" is not in quotes (read as GENIUS reads it)`);
    return decodeEntities(this.text.slice(start, this.i));
  }
}
