import { fileError, type ErrorCode, type FilePosition, type ParleyError } from '../core/errors.js';

/** Maps character offsets of one text to 1-based line and column, for error positions. */
export class TextPositions {
  private readonly lineStarts: number[] = [0];

  constructor(
    readonly file: string,
    readonly text: string,
  ) {
    for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) this.lineStarts.push(i + 1);
  }

  at(offset: number): FilePosition {
    const clamped = Math.max(0, Math.min(offset, this.text.length));
    let lo = 0;
    let hi = this.lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.lineStarts[mid]! <= clamped) lo = mid;
      else hi = mid - 1;
    }
    return { file: this.file, line: lo + 1, column: clamped - this.lineStarts[lo]! + 1 };
  }

  /** The offset of a 1-based line and column (as parsers report them). */
  offsetOf(line: number, column: number): number {
    const start = this.lineStarts[Math.max(0, Math.min(line - 1, this.lineStarts.length - 1))]!;
    return start + Math.max(0, column - 1);
  }

  error(code: ErrorCode, message: string, offset: number, expected?: string): ParleyError {
    return fileError(code, message, this.at(offset), expected);
  }
}
