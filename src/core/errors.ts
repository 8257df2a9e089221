/**
 * The one catalogue of parley's errors. The CLI and the API share codes, messages and
 * exit codes: 1 bad input, 2 usage, 3+ internal.
 */
export const ERROR_CODES = {
  PARLEY_E_FILE_NOT_FOUND: { exit: 1, http: 404 },
  PARLEY_E_PARSE: { exit: 1, http: 400 },
  PARLEY_E_SCHEMA: { exit: 1, http: 400 },
  PARLEY_E_FORMAT: { exit: 1, http: 400 },
  PARLEY_E_UNREPRESENTABLE: { exit: 1, http: 422 },
  PARLEY_E_INPUT: { exit: 1, http: 400 },
  PARLEY_E_OUTCOME: { exit: 1, http: 400 },
  PARLEY_E_INVALID_ACTION: { exit: 1, http: 409 },
  /** A session in which no seat can make the move the protocol waits for. */
  PARLEY_E_STALLED: { exit: 1, http: 409 },
  PARLEY_E_USAGE: { exit: 2, http: 400 },
  PARLEY_E_INTERNAL: { exit: 3, http: 500 },
  /** An event log whose hash chain, seal or signature does not hold: it was altered. */
  PARLEY_E_LOG_INTEGRITY: { exit: 1, http: 422 },
} as const;

export type ErrorCode = keyof typeof ERROR_CODES;

/** A position in a file, 1-based. */
export interface FilePosition {
  readonly file: string;
  readonly line?: number;
  readonly column?: number;
}

export class ParleyError extends Error {
  readonly code: ErrorCode;
  readonly position?: FilePosition;
  readonly expected?: string;

  constructor(
    code: ErrorCode,
    message: string,
    options: { position?: FilePosition; expected?: string; cause?: unknown } = {},
  ) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'ParleyError';
    this.code = code;
    this.position = options.position;
    this.expected = options.expected;
  }

  get exitCode(): number {
    return ERROR_CODES[this.code].exit;
  }

  get httpStatus(): number {
    return ERROR_CODES[this.code].http;
  }

  /** `file:line:column: message (expected …)`, the form every file error is shown in. */
  describe(): string {
    const p = this.position;
    const where = p
      ? `${p.file}${p.line !== undefined ? `:${p.line}${p.column !== undefined ? `:${p.column}` : ''}` : ''}: `
      : '';
    const expected = this.expected ? ` (expected ${this.expected})` : '';
    return `${where}${this.message}${expected}`;
  }
}

/** A file error at a position, saying what was expected there. */
export function fileError(code: ErrorCode, message: string, position: FilePosition, expected?: string): ParleyError {
  return new ParleyError(code, message, { position, expected });
}

export function isParleyError(e: unknown): e is ParleyError {
  return e instanceof ParleyError;
}
