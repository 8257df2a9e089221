import { TextPositions } from './text-position.js';
import { shown } from './text-limits.js';
import { ignoreWarnings, type WarningSink } from './warnings.js';
import { XmlScanner } from './xml-scan.js';

/** One XML element with the offset of its `<` and of each attribute, so every error can point at it. */
export interface XmlElement {
  readonly name: string;
  readonly attrs: Readonly<Record<string, string>>;
  readonly children: readonly XmlElement[];
  readonly offset: number;
}

export interface XmlDocument {
  readonly root: XmlElement;
  readonly positions: TextPositions;
}

/** Deeper than any negotiation file: past it the file is refused, not walked. */
export const MAX_XML_DEPTH = 256;

interface OpenElement extends XmlElement {
  readonly children: XmlElement[];
}

/** Skips declarations, comments and a DOCTYPE before the root, as GENIUS's reader does. */
function skipProlog(s: XmlScanner, start: number): void {
  let sawOther = false;
  for (;;) {
    s.skipSpace();
    if (s.startsWith('<?')) {
      const at = s.i;
      s.skipPast('?>', 'the processing instruction is not closed', '"?>"');
      if (s.text.startsWith('<?xml', at) && /^<\?xml\s/.test(s.text.slice(at, at + 6)) && (sawOther || at > start))
        s.warn(
          at,
          sawOther
            ? 'a comment or DOCTYPE stands before the <?xml …?> declaration (read as GENIUS reads it)'
            : 'blank text stands before the <?xml …?> declaration (read as GENIUS reads it)',
        );
      sawOther = true;
    } else if (s.startsWith('<!--')) {
      s.skipPast('-->', 'the comment is not closed', '"-->"');
      sawOther = true;
    } else if (s.startsWith('<!')) {
      s.skipDoctype();
      sawOther = true;
    } else if (s.startsWith('<')) return;
    else if (s.atEnd()) s.fail(s.i, 'the file has no XML element', 'an XML root element');
    else s.fail(s.i, `text ${s.found()} stands before the first element`, '"<" opening the root element');
  }
}

/** Attributes as a plain object (small, shared shapes for files of millions of elements). */
function readAttributes(s: XmlScanner, name: string): Record<string, string> {
  const attrs: Record<string, string> = {};
  for (;;) {
    const spaced = s.skipSpace();
    if (s.startsWith('/>') || s.startsWith('>') || s.atEnd()) break;
    const at = s.i;
    const attr = s.name();
    if (attr === '')
      s.fail(at, `<${shown(name, 40)}> holds ${s.found()} where an attribute was expected`, 'name="value"');
    if (!spaced)
      s.warn(at, `no space before attribute "${shown(attr, 40)}" of <${shown(name, 40)}> (read as GENIUS reads it)`);
    s.skipSpace();
    if (!s.startsWith('='))
      s.fail(s.i, `attribute "${shown(attr, 40)}" of <${shown(name, 40)}> has no value`, `"=" and a quoted value`);
    s.i++;
    s.skipSpace();
    const value = s.attributeValue(attr);
    if (Object.prototype.hasOwnProperty.call(attrs, attr))
      s.warn(at, `attribute "${shown(attr, 40)}" is given twice; the last one is read (as GENIUS reads it)`);
    // an own property even when named __proto__, which plain assignment would make a prototype
    if (attr === '__proto__')
      Object.defineProperty(attrs, attr, { value, enumerable: true, writable: true, configurable: true });
    else attrs[attr] = value;
  }
  return attrs;
}

/** Reads one start tag at `<name`; returns the element and whether it is empty (`/>`). */
function startTag(s: XmlScanner): { element: OpenElement; empty: boolean } {
  const offset = s.i;
  s.i++;
  const name = s.name();
  if (name === '') s.fail(offset, `"<" is followed by ${s.found()}`, 'an element name after "<"');
  const attrs = readAttributes(s, name);
  if (s.atEnd()) s.fail(offset, `the start tag <${shown(name, 40)}> is not closed`, '">" or "/>"');
  const empty = s.startsWith('/>');
  s.i += empty ? 2 : 1;
  return { element: { name, attrs, children: [], offset }, empty };
}

function endTag(s: XmlScanner, stack: OpenElement[]): void {
  const at = s.i;
  s.i += 2;
  const name = s.name();
  s.skipSpace();
  if (!s.startsWith('>')) s.fail(at, `the end tag </${shown(name, 40)}> is not closed`, '">"');
  s.i++;
  const open = stack.pop();
  if (!open) s.fail(at, `</${shown(name, 40)}> closes no element`, 'a start tag before it');
  if (open.name !== name) {
    const p = s.positions.at(open.offset);
    s.fail(
      at,
      `</${shown(name, 40)}> closes <${shown(open.name, 40)}> (opened at line ${p.line}, column ${p.column})`,
      `</${shown(open.name, 40)}>`,
    );
  }
}

/** Markup inside an element that is not an element: comments, CDATA, processing instructions. */
function skipMarkup(s: XmlScanner): boolean {
  if (s.startsWith('<!--')) s.skipPast('-->', 'the comment is not closed', '"-->"');
  else if (s.startsWith('<![CDATA[')) s.skipPast(']]>', 'the CDATA section is not closed', '"]]>"');
  else if (s.startsWith('<?')) s.skipPast('?>', 'the processing instruction is not closed', '"?>"');
  else if (s.startsWith('<!')) s.fail(s.i, 'a declaration stands inside an element', 'elements, text or comments');
  else return false;
  return true;
}

function readElements(s: XmlScanner): XmlElement {
  const first = startTag(s);
  if (first.empty) return first.element;
  const stack: OpenElement[] = [first.element];
  while (stack.length > 0) {
    s.skipTo('<');
    if (s.atEnd()) {
      const open = stack[stack.length - 1]!;
      const p = s.positions.at(open.offset);
      s.fail(
        s.text.trimEnd().length,
        `the file ends inside <${shown(open.name, 40)}> (opened at line ${p.line}, column ${p.column})`,
        `</${shown(open.name, 40)}>`,
      );
    }
    if (s.startsWith('</')) endTag(s, stack);
    else if (!skipMarkup(s)) {
      const { element, empty } = startTag(s);
      stack[stack.length - 1]!.children.push(element);
      if (!empty) {
        if (stack.length >= MAX_XML_DEPTH)
          s.fail(
            element.offset,
            `elements nest deeper than ${MAX_XML_DEPTH} levels`,
            `at most ${MAX_XML_DEPTH} levels`,
          );
        stack.push(element);
      }
    }
  }
  return first.element;
}

/**
 * Parses XML into elements with positions, in one pass and without recursion. It reads what
 * GENIUS's own reader reads (comments or a DOCTYPE before `<?xml`, attributes without a space
 * between them, a repeated attribute) and says so through `warn`; syntax errors name line,
 * column and what was expected.
 */
export function parseXmlDocument(text: string, file: string, warn: WarningSink = ignoreWarnings): XmlDocument {
  const positions = new TextPositions(file, text);
  if (text.trim() === '') throw positions.error('PARLEY_E_PARSE', 'the file is empty', 0, 'an XML document');
  const s = new XmlScanner(text.charCodeAt(0) === 0xfeff ? ' ' + text.slice(1) : text, positions, warn);
  skipProlog(s, text.charCodeAt(0) === 0xfeff ? 1 : 0);
  const root = readElements(s);
  for (;;) {
    s.skipSpace();
    if (s.atEnd() || !skipMarkup(s)) break;
  }
  if (!s.atEnd()) s.warn(s.i, 'text after the root element is ignored (as GENIUS ignores it)');
  return { root, positions };
}

/** Offset of attribute `name` inside the element's start tag (found when an error needs it), or of the element. */
export function attributeOffset(doc: XmlDocument, el: XmlElement, name: string): number {
  const text = doc.positions.text;
  const end = text.indexOf('>', el.offset);
  const tag = text.slice(el.offset, end < 0 ? undefined : end);
  const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const m = new RegExp(`[\\s"']${escaped}\\s*=`).exec(tag);
  return m ? el.offset + m.index + 1 : el.offset;
}

export function childrenNamed(el: XmlElement, name: string): XmlElement[] {
  return el.children.filter((c) => c.name === name);
}

export function firstChild(el: XmlElement, name: string): XmlElement | undefined {
  return el.children.find((c) => c.name === name);
}

/** Escapes text for an attribute value in double quotes. */
export function xmlAttr(value: string | number): string {
  return String(value).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}
