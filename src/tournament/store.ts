/**
 * A tournament's results folder (`--out`): a manifest naming the tournament, and every
 * finished negotiation appended to negotiations.jsonl as it ends. A second run with the
 * same folder reads them back and runs only what is missing (resume).
 *
 * Rows are kept as their JSON lines while the tournament runs: worker threads send them as
 * text, which the coordinator appends as it is, and they are read back only once, at the end.
 * The coordinator's thread shares the cores with the workers, so it keeps its own work small.
 */
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, rmSync, truncateSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { ParleyError } from '../core/errors.js';
import { writeFileAtomic } from '../formats/atomic-write.js';
import { PARLEY_VERSION } from '../report/json/version.js';
import type { TournamentPlan } from './plan.js';
import type { NegotiationRow } from './types.js';

export const MANIFEST_FILE = 'tournament.json';
export const ROWS_FILE = 'negotiations.jsonl';

export interface Manifest {
  readonly parley: string;
  readonly tournament: string;
  readonly name: string;
  readonly negotiations: number;
  readonly batchSize: number;
  readonly definition: string;
}

/** One negotiation's result as a line of the results file (without its newline). */
export interface RowLine {
  readonly id: string;
  readonly line: string;
}

export function rowLine(row: NegotiationRow): RowLine {
  return { id: row.id, line: JSON.stringify(row) };
}

/** The rows of a results file; a last line cut short by an interruption is dropped (and cut off). */
function readRows(file: string): NegotiationRow[] {
  if (!existsSync(file)) return [];
  const text = readFileSync(file, 'utf8');
  const end = text.lastIndexOf('\n') + 1;
  if (end < text.length) truncateSync(file, Buffer.byteLength(text.slice(0, end)));
  return text
    .slice(0, end)
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => JSON.parse(l) as NegotiationRow);
}

export class ResultStore {
  /** Each recorded row's JSON line, by negotiation id. */
  private readonly lines = new Map<string, string>();
  private readonly file: string;
  /** The results file, open for appending while the store records; closed by `finish` or `close`. */
  private fd: number | undefined;

  private constructor(
    readonly dir: string,
    readonly plan: TournamentPlan,
  ) {
    this.file = join(dir, ROWS_FILE);
  }

  /**
   * Opens `dir` for the plan: new, or holding earlier results of the same tournament
   * (resumed). Results of a different tournament are an error unless `fresh` discards them.
   */
  static open(dir: string, plan: TournamentPlan, definition: string, fresh = false): ResultStore {
    const store = new ResultStore(dir, plan);
    const manifestFile = join(dir, MANIFEST_FILE);
    if (existsSync(manifestFile) && !fresh) {
      const manifest = JSON.parse(readFileSync(manifestFile, 'utf8')) as Manifest;
      if (manifest.tournament !== plan.id)
        throw new ParleyError(
          'PARLEY_E_USAGE',
          `${dir} holds results of another tournament ("${manifest.name}", ${manifest.tournament}); give another --out, or --fresh to discard them`,
        );
      const known = new Set(plan.negotiations.map((n) => n.id));
      for (const row of readRows(store.file)) if (known.has(row.id)) store.lines.set(row.id, JSON.stringify(row));
    } else {
      if (fresh) rmSync(store.file, { force: true });
      mkdirSync(dir, { recursive: true });
      const manifest: Manifest = {
        parley: PARLEY_VERSION,
        tournament: plan.id,
        name: plan.name,
        negotiations: plan.negotiations.length,
        batchSize: plan.batchSize,
        definition,
      };
      writeFileAtomic(manifestFile, JSON.stringify(manifest, null, 2) + '\n');
    }
    return store;
  }

  has(id: string): boolean {
    return this.lines.has(id);
  }

  get done(): number {
    return this.lines.size;
  }

  /** Records rows not seen before (each negotiation is stored once); returns how many were new. */
  add(rows: readonly NegotiationRow[]): number {
    return this.addLines(rows.map(rowLine));
  }

  /** `add` for rows already written as JSON lines (as worker threads and Redis hand them over). */
  addLines(rows: readonly RowLine[]): number {
    let text = '';
    let fresh = 0;
    for (const { id, line } of rows) {
      if (this.lines.has(id)) continue;
      this.lines.set(id, line);
      text += line + '\n';
      fresh++;
    }
    if (fresh === 0) return 0;
    this.fd ??= openSync(this.file, 'a');
    const bytes = Buffer.from(text);
    for (let written = 0; written < bytes.length;) written += writeSync(this.fd, bytes, written);
    return fresh;
  }

  /** Every row, in the tournament's order. */
  ordered(): NegotiationRow[] {
    return [...this.lines.values()].map((l) => JSON.parse(l) as NegotiationRow).sort((a, b) => a.index - b.index);
  }

  /** Rewrites the results file in the tournament's order once every negotiation is in. */
  finish(): NegotiationRow[] {
    this.close();
    const rows = this.ordered();
    writeFileAtomic(this.file, rows.map((r) => JSON.stringify(r) + '\n').join(''));
    return rows;
  }

  /** Closes the results file (what was recorded stays in it). */
  close(): void {
    if (this.fd !== undefined) closeSync(this.fd);
    this.fd = undefined;
  }
}
