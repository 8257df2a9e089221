import { ParleyError } from '../core/errors.js';

export type Params = Readonly<Record<string, number | string | boolean>>;

/** A parameter an agent refused, named so that a scenario check can point at its key. */
export class ParameterError extends ParleyError {
  constructor(
    readonly parameters: readonly string[],
    message: string,
  ) {
    super('PARLEY_E_USAGE', message);
  }
}

/**
 * Reads agent parameters given on the command line or in a scenario, where numbers may
 * arrive as strings. A wrong value is a usage error that names the agent and the parameter.
 */
export class ParamReader {
  private readonly used = new Set<string>();
  constructor(
    readonly agent: string,
    private readonly params: Params = {},
  ) {}

  number(name: string, fallback: number, range: { min?: number; max?: number } = {}): number {
    this.used.add(name);
    const raw = this.params[name];
    if (raw === undefined) return fallback;
    const v = typeof raw === 'number' ? raw : typeof raw === 'string' && raw.trim() !== '' ? Number(raw) : NaN;
    const low = range.min ?? -Infinity;
    const high = range.max ?? Infinity;
    if (!Number.isFinite(v) || v < low || v > high) {
      const bounds = `${range.min !== undefined ? `≥ ${range.min}` : ''}${range.min !== undefined && range.max !== undefined ? ' and ' : ''}${range.max !== undefined ? `≤ ${range.max}` : ''}`;
      throw new ParameterError(
        [name],
        `agent "${this.agent}": parameter "${name}" must be a number${bounds ? ` ${bounds}` : ''}, got "${String(raw)}"`,
      );
    }
    return v;
  }

  string(name: string, fallback: string, allowed?: readonly string[]): string {
    this.used.add(name);
    const raw = this.params[name];
    if (raw === undefined) return fallback;
    const v = String(raw);
    if (allowed && !allowed.includes(v)) {
      throw new ParameterError(
        [name],
        `agent "${this.agent}": parameter "${name}" must be one of ${allowed.join(', ')}, got "${v}"`,
      );
    }
    return v;
  }

  boolean(name: string, fallback: boolean): boolean {
    this.used.add(name);
    const raw = this.params[name];
    if (raw === undefined) return fallback;
    if (raw === true || raw === 'true') return true;
    if (raw === false || raw === 'false') return false;
    throw new ParameterError(
      [name],
      `agent "${this.agent}": parameter "${name}" must be true or false, got "${String(raw)}"`,
    );
  }

  /** Fails on parameters no reader asked for, so a misspelt name does not pass silently. */
  rejectUnknown(): void {
    const unknown = Object.keys(this.params).filter((k) => !this.used.has(k));
    if (unknown.length) {
      throw new ParameterError(
        unknown,
        `agent "${this.agent}": unknown parameter${unknown.length > 1 ? 's' : ''} ${unknown.map((u) => `"${u}"`).join(', ')}; known: ${[...this.used].sort().join(', ')}`,
      );
    }
  }
}
