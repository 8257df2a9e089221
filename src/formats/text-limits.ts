/**
 * Messages quote what a file holds, and files can hold anything: a value of ten megabytes,
 * a name with a newline, a list of a million values. These keep every quote on one line
 * and short enough to read.
 */

const escapeControls = (text: string): string =>
  text.replace(/[\u0000-\u001f\u007f\u2028\u2029]/g, (c) =>
    c === '\n'
      ? '\\n'
      : c === '\r'
        ? '\\r'
        : c === '\t'
          ? '\\t'
          : `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );

/** One line, about `max` characters at most: control characters are escaped, the middle is cut. */
export function shown(text: string, max = 80): string {
  if (text.length <= max) return escapeControls(text);
  const head = Math.ceil(max * 0.6);
  const tail = Math.floor(max * 0.2);
  return `${escapeControls(text.slice(0, head))}…${escapeControls(text.slice(text.length - tail))} (${count(text.length)} characters)`;
}

/** A value in double quotes, cut to a readable length. */
export const quoted = (text: string, max = 60): string => `"${shown(text, max)}"`;

/** Up to `max` quoted items, then how many more: `"a", "b", … and 93 more`. */
export function listed(items: readonly string[], max = 8, quote = true): string {
  const show = items.slice(0, max).map((i) => (quote ? quoted(i, 40) : shown(i, 60)));
  return items.length > max ? `${show.join(', ')} and ${items.length - max} more` : show.join(', ');
}

/**
 * The most values one issue may have (discrete values, integers in range, or real grid
 * points). Analysis keeps a utility per value and party; past this, memory grows by
 * gigabytes, so such issues are refused when read, with this limit in the message.
 */
export const MAX_ISSUE_VALUES = 100_000;

/** `1,000,000`, for messages. */
export const count = (n: number | bigint): string => n.toLocaleString('en-US');
