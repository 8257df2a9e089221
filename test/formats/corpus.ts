import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tempDir } from './helpers.js';

/**
 * The corpus of GENIUS forms, written by the tests themselves: one small domain (a discrete
 * issue Colour and an integer issue Size 0..4) and profiles over it, each changed in one way.
 *
 * The base profile scores red 4, green 2, blue 1 (so 1, 0.5, 0.25 once divided by the best),
 * Size as x / 4, with weights 0.6 and 0.4: u(red, 2) = 0.6 + 0.4 · 0.5 = 0.8.
 */
export const DECL = '<?xml version="1.0" encoding="UTF-8"?>\n';

export const colourItems = (values = ['red', 'green', 'blue']): string =>
  values.map((v, i) => `      <item index="${i + 1}" value="${v}"/>\n`).join('');

export function domainXml(
  opts: { items?: string; colourAttrs?: string; objective?: boolean; head?: string } = {},
): string {
  const issues =
    `    <issue index="1" name="Colour" ${opts.colourAttrs ?? 'etype="discrete" type="discrete" vtype="discrete"'}>\n${opts.items ?? colourItems()}    </issue>\n` +
    '    <issue index="2" name="Size" etype="integer" type="integer" vtype="integer" lowerbound="0" upperbound="4"/>\n';
  const body =
    opts.objective === false
      ? issues
      : `  <objective index="0" name="root" type="objective" etype="objective">\n${issues}  </objective>\n`;
  return `${opts.head ?? DECL}<negotiation_template>\n<utility_space>\n${body}</utility_space>\n</negotiation_template>\n`;
}

export const ITEMS = {
  base: '<item index="1" value="red" evaluation="4"/><item index="2" value="green" evaluation="2"/><item index="3" value="blue" evaluation="1"/>',
};

export function profileXml(
  opts: {
    head?: string;
    root?: string;
    items?: string;
    sizeEvaluator?: string;
    weights?: [string, string];
    objective?: boolean;
    extra?: string;
  } = {},
): string {
  const [w1, w2] = opts.weights ?? ['0.6', '0.4'];
  const size = opts.sizeEvaluator ?? '<evaluator ftype="linear" slope="0.25" offset="0"/>';
  const inner =
    `<issue index="1" etype="discrete" type="discrete" vtype="discrete" name="Colour">${opts.items ?? ITEMS.base}</issue>\n` +
    `<issue index="2" etype="integer" type="integer" vtype="integer" name="Size" lowerbound="0" upperbound="4">${size}</issue>\n` +
    `<weight index="1" value="${w1}"/>\n<weight index="2" value="${w2}"/>\n`;
  const body =
    opts.objective === false
      ? inner
      : `<objective index="0" name="root" etype="objective" type="objective">\n${inner}</objective>\n`;
  const root = opts.root ?? 'utility_space';
  return `${opts.head ?? DECL}<${root}>\n${body}${opts.extra ?? ''}<reservation value="0.1"/>\n</${root}>\n`;
}

/** Writes a folder of files (name → text or bytes) in a new temporary folder and returns its path. */
export function writeFolder(files: Record<string, string | Buffer>, name = 'case'): string {
  const dir = join(tempDir(), name);
  mkdirSync(dir, { recursive: true });
  for (const [file, content] of Object.entries(files)) writeFileSync(join(dir, file), content);
  return dir;
}
