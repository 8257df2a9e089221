import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { TextPositions } from './text-position.js';

/** One XML element with the offset of its `<`, so that every error can point at it. */
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

type OrderedNode = Record<string, unknown> & { ':@'?: Record<string, string> };

const META = XMLParser.getMetaDataSymbol() as unknown as symbol;

/**
 * GENIUS reads files that begin with blank lines, a byte-order mark or whitespace before
 * `<?xml`; strict XML does not. Blank those out in place so every offset stays true.
 */
function tolerantText(text: string): string {
  let t = text.charCodeAt(0) === 0xfeff ? ' ' + text.slice(1) : text;
  const decl = /^\s*(<\?xml[^]*?\?>)/.exec(t);
  if (decl && decl[0].length > decl[1]!.length) {
    const start = decl[0].length - decl[1]!.length;
    t = t.slice(0, start) + decl[1]!.replace(/[^\n]/g, ' ') + t.slice(decl[0].length);
  }
  return t;
}

function toElement(node: OrderedNode): XmlElement | undefined {
  const name = Object.keys(node).find((k) => k !== ':@');
  if (name === undefined || name.startsWith('#') || name.startsWith('?') || name.startsWith('!')) return undefined;
  const meta = (node as Record<symbol, { startIndex?: number } | undefined>)[META];
  const kids = (node[name] as OrderedNode[] | undefined) ?? [];
  const children: XmlElement[] = [];
  for (const kid of kids) {
    const el = toElement(kid);
    if (el) children.push(el);
  }
  return { name, attrs: node[':@'] ?? {}, children, offset: meta?.startIndex ?? 0 };
}

/** The validator lists unclosed elements as a JSON array; say it in words. */
function syntaxMessage(msg: string): string {
  const m = /^Invalid '(\[[^]*\])' found\.$/.exec(msg);
  if (!m) return msg;
  try {
    const open = JSON.parse(m[1]!) as string[];
    return `the file ends inside <${open[open.length - 1]}> (unclosed: ${open.map((t) => `<${t}>`).join(', ')})`;
  } catch {
    return msg;
  }
}

/** Parses XML into elements with positions; syntax errors name line, column and what was expected. */
export function parseXmlDocument(text: string, file: string): XmlDocument {
  const positions = new TextPositions(file, text);
  if (text.trim() === '') throw positions.error('PARLEY_E_PARSE', 'the file is empty', 0, 'an XML document');
  const tolerant = tolerantText(text);
  const check = XMLValidator.validate(tolerant);
  if (check !== true) {
    const message = syntaxMessage(check.err.msg);
    // unclosed elements are found at the end of the file, whatever line the validator names
    const offset =
      message === check.err.msg ? positions.offsetOf(check.err.line, check.err.col) : text.trimEnd().length;
    throw positions.error('PARLEY_E_PARSE', `XML syntax error: ${message}`, offset, 'well-formed XML');
  }
  const parser = new XMLParser({
    preserveOrder: true,
    ignoreAttributes: false,
    attributeNamePrefix: '',
    parseAttributeValue: false,
    parseTagValue: false,
    captureMetaData: true,
    trimValues: false,
  });
  const nodes = parser.parse(tolerant) as OrderedNode[];
  for (const node of nodes) {
    const root = toElement(node);
    if (root) return { root, positions };
  }
  throw positions.error('PARLEY_E_PARSE', 'the file has no XML element', 0, 'an XML root element');
}

/** Offset of attribute `name` inside the element's start tag, or of the element itself. */
export function attributeOffset(doc: XmlDocument, el: XmlElement, name: string): number {
  const text = doc.positions.text;
  const end = text.indexOf('>', el.offset);
  const tag = text.slice(el.offset, end < 0 ? undefined : end);
  const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const m = new RegExp(`\\s${escaped}\\s*=`).exec(tag);
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
