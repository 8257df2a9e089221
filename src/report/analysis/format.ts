import Table from 'cli-table3';
import type { Domain, Outcome } from '../../core/domain.js';
import type { Value } from '../../core/issue.js';

/** Utilities are shown to three decimals: enough to tell frontier points apart, short enough to read. */
export function formatUtility(u: number): string {
  return u.toFixed(3);
}

export function formatValue(value: Value): string {
  return typeof value === 'number' ? String(Math.round(value * 1e6) / 1e6) : value;
}

/** `issue=value` items in domain issue order. */
export function outcomeItems(domain: Domain, outcome: Outcome): string[] {
  return domain.issues
    .filter((issue) => outcome[issue.name] !== undefined)
    .map((issue) => `${issue.name}=${formatValue(outcome[issue.name]!)}`);
}

/** `issue=value, …` in domain issue order. */
export function outcomeText(domain: Domain, outcome: Outcome): string {
  return outcomeItems(domain, outcome).join(', ');
}

/** `prefix` then the outcome's items, wrapped between items (never inside one) at `width`. */
export function wrappedOutcome(
  prefix: string,
  domain: Domain,
  outcome: Outcome,
  width: number,
  indent: string,
): string {
  const lines: string[] = [];
  let line = prefix;
  for (const [i, item] of outcomeItems(domain, outcome).entries()) {
    const piece = i === 0 ? item : `, ${item}`;
    if (i > 0 && line.length + piece.length > width) {
      lines.push(line + ',');
      line = indent + item;
    } else line += piece;
  }
  lines.push(line);
  return lines.join('\n');
}

/** Big counts with thousands separators; beyond 10^15 also in scientific form. */
export function formatCount(n: bigint): string {
  const plain = n.toString().replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  if (n < 10n ** 15n) return plain;
  const digits = n.toString();
  return `${digits[0]}.${digits.slice(1, 3)}e${digits.length - 1}`;
}

/** A plain table: no colours, so reports read the same in a file, a pipe or a terminal. */
export function plainTable(
  head: readonly string[],
  rows: readonly (readonly string[])[],
  aligns?: readonly ('left' | 'right')[],
): string {
  const table = new Table({
    head: [...head],
    style: { head: [], border: [], compact: true },
    colAligns: aligns ? [...aligns] : head.map(() => 'left' as const),
  });
  for (const row of rows) table.push([...row]);
  return table.toString();
}

/** Wraps `text` at `width` columns, indenting continuation lines. */
export function wrap(text: string, width: number, indent: string): string {
  const lead = /^ */.exec(text)![0];
  const words = text.slice(lead.length).split(' ');
  const lines: string[] = [];
  let line = lead;
  for (const word of words) {
    if (line.trim().length > 0 && line.length + 1 + word.length > width) {
      lines.push(line);
      line = indent + word;
    } else line = line.trim().length === 0 ? line + word : `${line} ${word}`;
  }
  if (line.trim().length > 0) lines.push(line);
  return lines.join('\n');
}

export function heading(title: string): string {
  return `\n${title}\n${'─'.repeat(title.length)}\n`;
}
