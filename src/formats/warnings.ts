import type { FilePosition } from '../core/errors.js';

/**
 * A form parley reads leniently, as GENIUS reads it (a comment before `<?xml`, an item
 * without evaluation, a value listed twice): reading goes on, and `parley validate` says so.
 */
export interface FormatWarning {
  readonly position: FilePosition;
  readonly message: string;
}

/** Where readers report lenient forms; the default drops them. */
export type WarningSink = (warning: FormatWarning) => void;

export const ignoreWarnings: WarningSink = () => {};

/** `file:line:column: message`, as errors are shown. */
export function describeWarning(w: FormatWarning): string {
  const p = w.position;
  const where = `${p.file}${p.line !== undefined ? `:${p.line}${p.column !== undefined ? `:${p.column}` : ''}` : ''}`;
  return `${where}: ${w.message}`;
}
